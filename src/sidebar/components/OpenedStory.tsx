import { t, type MessageKey } from '../../shared/i18n';
import type { StoryView } from '../../contracts/views';
import { StoryPage } from './StoryPage';

/** A story opened from a list, under a button (`back` names the list) that returns to it. */
export function OpenedStory({ story, back, onBack }: { story: StoryView; back: MessageKey; onBack(): void }) {
  return (
    <>
      <button type="button" class="back" onClick={onBack}>
        <span aria-hidden="true" class="back-arrow">
          ←
        </span>
        {t(back)}
      </button>
      <StoryPage story={story} />
    </>
  );
}
