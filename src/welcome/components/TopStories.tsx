import { formatCount } from '../../shared/format';
import { t } from '../../shared/i18n';
import type { TopStory } from '../../contracts/views';

/**
 * Once the first fetch is done, right under its result: the stories most of the reader's new
 * sources cover now, each with a few outlets' reports to open. Opening one shows the launcher there, with the others: the first
 * thing Storyline does for a new reader happens on today's news, not on a page they must find.
 */
export function TopStories({ stories }: { stories: readonly TopStory[] }) {
  if (stories.length === 0) return null;
  return (
    <section class="top-section" aria-labelledby="top-title" data-testid="top-stories">
      <h3 id="top-title">{t('topStoriesTitle')}</h3>
      <p class="muted">{t('welcomeTopHint')}</p>
      <ol class="top-stories">
        {stories.map((story) => (
          <li key={story.id} data-top-story={story.id}>
            <h4>{story.title}</h4>
            <p class="row-count">{formatCount('topStoryOutlets', story.outlets)}</p>
            <ul class="top-reports">
              {story.reports.map((report) => (
                <li key={report.url}>
                  <a href={report.url} target="_blank" rel="noopener noreferrer">
                    {report.title}
                    <span class="visually-hidden"> ({t('welcomeTopOpens')})</span>
                  </a>
                  <span class="top-outlet">{report.outletName}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
