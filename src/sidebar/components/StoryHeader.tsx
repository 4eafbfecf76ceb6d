import { t } from '../../shared/i18n';
import { formatDateRange, formatRelative } from '../../shared/format';
import type { StoryView } from '../../shared/views';
import { useAutoFocus } from '../focus';
import { WhyMatch } from './WhyMatch';

interface Props {
  story: StoryView;
}

export function StoryHeader({ story }: Props) {
  const titleRef = useAutoFocus<HTMLHeadingElement>();
  const { span } = story;
  // dir="auto" on pack text throughout: a story may be written in another script than the UI language.
  return (
    <header class="story-header">
      <h1 class="story-title" data-testid="story-title" dir="auto" tabIndex={-1} ref={titleRef}>
        {story.title}
      </h1>
      {span && (
        <p class="story-span">
          <time dateTime={span.from}>{formatDateRange(span.from, span.to)}</time>
          <span aria-hidden="true"> · </span>
          <span>{t('storyLatest', formatRelative(span.to))}</span>
        </p>
      )}
      <p class="story-summary" dir="auto">{story.summary}</p>
      {story.categories.length > 0 && (
        <ul class="chips" aria-label={t('categoriesTitle')}>
          {story.categories.map((category) => (
            <li key={category.id} class="chip">
              {category.name}
            </li>
          ))}
        </ul>
      )}
      {story.why && <WhyMatch why={story.why} />}
    </header>
  );
}
