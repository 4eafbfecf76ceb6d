// The reader's answers about the page and a story: "Not this story" (page-match.ts rejectMatch) and
// "This page is about this story" (confirmMatch). Each is one call that answers the sidebar's next
// view, shown in place of this one with a notice.
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../shared/i18n';
import type { SidebarView } from '../../contracts/views';
import { BusyButton } from '../../ui/busy-button';
import { useCall } from '../api';

export type ReplaceView = (view: SidebarView, notice: string) => void;

interface Props {
  storyId: string;
  onReplace: ReplaceView;
  /** The page is in a private window: the answer holds until it is loaded again, and the texts say so. */
  privatePage?: boolean | undefined;
}

interface Answer {
  call: 'match/reject' | 'match/confirm';
  label: MessageKey;
  /** What the answer does, and (`private`) what it does in a private window, where nothing is saved. */
  hint: { saved: MessageKey; private: MessageKey };
  done: { saved: MessageKey; private: MessageKey };
  failed: MessageKey;
  testId: string;
}

const ANSWERS = {
  reject: {
    call: 'match/reject',
    label: 'notThisStory',
    hint: { saved: 'notThisStoryHint', private: 'notThisStoryHintPrivate' },
    done: { saved: 'rejectedNotice', private: 'rejectedNoticePrivate' },
    failed: 'rejectFailed',
    testId: 'not-this-story',
  },
  confirm: {
    call: 'match/confirm',
    label: 'confirmStory',
    hint: { saved: 'confirmStoryHint', private: 'confirmStoryHintPrivate' },
    // "Now shows" holds in a private window too.
    done: { saved: 'confirmedNotice', private: 'confirmedNotice' },
    failed: 'confirmFailed',
    testId: 'confirm-story',
  },
} as const satisfies Record<string, Answer>;

/** One answer's button, with what it does said beside it, and its failure said under it. */
export function AnswerButton({ storyId, onReplace, answer, primary = false, privatePage = false }: Props & { answer: keyof typeof ANSWERS; primary?: boolean }) {
  const call = useCall();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const spec = ANSWERS[answer];
  const kept = privatePage ? 'private' : 'saved';
  const send = (): void => {
    setBusy(true);
    setError('');
    call(spec.call, { storyId }).then(
      (view) => onReplace(view, t(spec.done[kept])),
      () => {
        setBusy(false);
        setError(t(spec.failed));
      },
    );
  };
  const hintId = `${spec.testId}-hint`;
  return (
    <>
      <p class="answer-row">
        {/* Busy, not disabled: should the answer fail, the focus is still on the button (busy-button.tsx). */}
        <BusyButton type="button" class={primary ? 'button primary' : 'button'} data-testid={spec.testId} busy={busy} onClick={send} aria-describedby={hintId}>
          {t(spec.label)}
        </BusyButton>
        <span id={hintId} class="hint">
          {t(spec.hint[kept])}
        </span>
      </p>
      {error && (
        <p class="answer-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/**
 * A page that is the story's because of an earlier answer or match (the reader filed it; reading
 * history joined it when first read): said so, with the way to take it back.
 */
export function PageLinkNote({ storyId, onReplace, link, privatePage }: Props & { link: 'confirmed' | 'joined' }) {
  return (
    <div class="page-answer" data-testid={`${link}-note`}>
      <p class="page-answer-note">{t(link === 'confirmed' ? 'confirmedNote' : 'joinedNote')}</p>
      <AnswerButton storyId={storyId} onReplace={onReplace} answer="reject" privatePage={privatePage} />
    </div>
  );
}
