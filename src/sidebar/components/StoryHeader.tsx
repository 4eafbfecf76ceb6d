import { t } from '../../shared/i18n';
import { formatDateRange, formatRelative } from '../../shared/format';
import type { SummaryPart } from '../../formats/model';
import type { StoryView } from '../../contracts/views';
import { useAutoFocus } from '../focus';
import { FollowButton } from './FollowButton';
import { AnswerButton, PageLinkNote, type ReplaceView } from './PageAnswer';
import { WhyMatch } from './WhyMatch';

/** A summary made of the reports' own sentences: each one followed by the outlet it was taken from. */
function AssembledSummary({ parts }: { parts: readonly SummaryPart[] }) {
  return (
    <figure class="story-summary summary-assembled" data-testid="story-summary">
      <figcaption class="summary-caption">{t('storySummaryAssembled')}</figcaption>
      <ul class="summary-parts">
        {parts.map((part, i) => (
          <li key={i} class="summary-part" data-summary-source={part.source}>
            <span dir="auto">{part.text}</span>{' '}
            <cite class="summary-credit" dir="auto">
              {t('storySummaryCredit', part.source)}
            </cite>
          </li>
        ))}
      </ul>
    </figure>
  );
}

interface Props {
  story: StoryView;
  /** Shows the view an answer about the page brings ("Not this story", "This page is about this
   * story"); where it is absent, no such answer is offered. Which one is, the story says (`why`, `pageLink`). */
  onReplace?: ReplaceView | undefined;
}

export function StoryHeader({ story, onReplace }: Props) {
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
      {story.privatePage && (
        <p class="private-note" data-testid="private-note">
          {t('privateWindowNote')}
        </p>
      )}
      {story.summaryParts?.length ? <AssembledSummary parts={story.summaryParts} /> : <p class="story-summary" dir="auto">{story.summary}</p>}
      <FollowButton storyId={story.id} following={story.following} />
      {story.why && <WhyMatch storyId={story.id} why={story.why} onReplace={onReplace} privatePage={story.privatePage} />}
      {onReplace && (story.pageLink === 'confirmed' || story.pageLink === 'joined') && (
        <PageLinkNote storyId={story.id} onReplace={onReplace} link={story.pageLink} privatePage={story.privatePage} />
      )}
      {onReplace && story.pageLink === 'offered' && (
        <div class="page-answer">
          <AnswerButton storyId={story.id} onReplace={onReplace} answer="confirm" primary privatePage={story.privatePage} />
        </div>
      )}
    </header>
  );
}
