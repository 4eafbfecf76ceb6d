import { formatCount } from '../../shared/format';
import { t } from '../../shared/i18n';
import type { PopupState } from '../../shared/views';

interface Props {
  recent: PopupState['recent'];
  /** Opens a story in the tab's sidebar; absent when the tab cannot show one. */
  onOpen?: (storyId: string) => void;
}

/** Stories the reader's pages matched lately, one click from the sidebar. */
export function RecentStories({ recent, onOpen }: Props) {
  if (recent.length === 0) return null;
  return (
    <section class="recent" aria-labelledby="recent-title" data-testid="recent">
      <h2 id="recent-title" class="search-label">
        {t('recentTitle')}
      </h2>
      <ul class="recent-list">
        {recent.map((story) => (
          <li key={story.id}>
            {onOpen ? (
              <button type="button" class="hit" onClick={() => onOpen(story.id)}>
                <span class="hit-title" dir="auto">{story.title}</span>
                <span class="hit-meta">{formatCount('reportCount', story.reportCount)}</span>
              </button>
            ) : (
              <p class="hit" dir="auto">
                {story.title}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
