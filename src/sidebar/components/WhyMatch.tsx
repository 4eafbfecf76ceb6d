import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { formatNumber } from '../../shared/format';
import type { SidebarView } from '../../contracts/views';
import { useCall } from '../api';

interface Props {
  storyId: string;
  why: { score: number; shared: string[] };
  /** Shows the view that replaces this one after "Not this story"; without it there is no such button. */
  onReplace?: (view: SidebarView, notice: string) => void;
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
    <details class="why" data-testid="why">
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
