import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { formatNumber } from '../../shared/format';
import type { SidebarView } from '../../shared/views';
import { useCall } from '../api';

interface Props {
  storyId: string;
  why: { score: number; shared: string[] };
  /** Shows the view that replaces this one after "Not this story"; without it there is no such button. */
  onReplace?: (view: SidebarView, notice: string) => void;
}

/**
 * Whether the reader opened "Why this match" for a story, kept for the tab's session: the sidebar
 * may be drawn again (a fresh view from the background, the frame loaded again) just after the
 * reader opened it, and an explanation that snaps shut under the pointer reads as a glitch.
 */
const OPEN_KEY = 'storyline:why-open';
function openStories(): Set<string> {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(OPEN_KEY) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}
function rememberOpen(storyId: string, open: boolean): void {
  const ids = openStories();
  if (open) ids.add(storyId);
  else ids.delete(storyId);
  try {
    sessionStorage.setItem(OPEN_KEY, JSON.stringify([...ids].slice(-50)));
  } catch {
    // Storage refused: the explanation is simply not remembered.
  }
}

/** The match explained: matching is local and term-based, so the terms themselves are the reason. */
export function WhyMatch({ storyId, why, onReplace }: Props) {
  const call = useCall();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const reject = (): void => {
    setBusy(true);
    setError('');
    call('match/reject', { storyId }).then(
      (view) => onReplace?.(view, t('rejectedNotice')),
      () => {
        setBusy(false);
        setError(t('rejectFailed'));
      },
    );
  };
  return (
    <details class="why" data-testid="why" open={openStories().has(storyId)} onToggle={(event) => rememberOpen(storyId, (event.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('whyTitle')}</summary>
      <div class="why-body">
        {why.shared.length > 0 ? (
          <>
            <p>{t('whyShared')}</p>
            <ul class="terms">
              {why.shared.map((term) => (
                <li key={term}>{term}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('whyNoTerms')}</p>
        )}
        <p class="why-score">{t('whyScore', formatNumber(why.score, { maximumFractionDigits: 2 }))}</p>
        {onReplace && (
          <p class="why-reject">
            <button type="button" class="button" data-testid="not-this-story" disabled={busy} onClick={reject} aria-describedby="not-this-story-hint">
              {t('notThisStory')}
            </button>
            <span id="not-this-story-hint" class="hint">
              {t('notThisStoryHint')}
            </span>
          </p>
        )}
        {error && (
          <p class="why-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </details>
  );
}
