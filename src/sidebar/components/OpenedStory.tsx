import { t, type MessageKey } from '../../shared/i18n';
import type { StoryView } from '../../contracts/views';
import type { ReplaceView } from './PageAnswer';
import { StoryPage } from './StoryPage';

/**
 * A story opened from a list, under a button (`back` names the list) that returns to it. With
 * `onReplace`, the reader's answers about the page (a story offered for it) replace the view.
 */
export function OpenedStory({ story, back, onBack, onReplace }: { story: StoryView; back: MessageKey; onBack(): void; onReplace?: ReplaceView }) {
  return (
    <>
      <button type="button" class="back" onClick={onBack}>
        <span aria-hidden="true" class="back-arrow">
          ←
        </span>
        {t(back)}
      </button>
      <StoryPage story={story} onReplace={onReplace} />
    </>
  );
}
