import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { BusyButton } from '../../ui/busy-button';
import { useCall } from '../api';

interface Props {
  storyId: string;
  following: boolean;
}

/** "Follow story": a toggle (aria-pressed). The background keeps it and sets the badge on new coverage. */
export function FollowButton({ storyId, following }: Props) {
  const call = useCall();
  const [on, setOn] = useState(following);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  useEffect(() => setOn(following), [following, storyId]);
  // What was said of another story (one a refresh merged into this) is not said of this one.
  useEffect(() => setStatus(''), [storyId]);

  const toggle = (): void => {
    const next = !on;
    setBusy(true);
    call('story/follow', { storyId, follow: next })
      .then(() => {
        setOn(next);
        setStatus(next ? t('followStarted') : t('followStopped'));
      })
      .catch(() => setStatus(t('followFailed')))
      .finally(() => setBusy(false));
  };

  return (
    <div class="follow">
      {/* Busy, not disabled: the reader's focus stays on it (busy-button.tsx). */}
      <BusyButton type="button" class={on ? 'button follow-button is-on' : 'button follow-button'} data-testid="follow" aria-pressed={on} busy={busy} title={t('followHint')} onClick={toggle}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path
            d="M8 1.8a4.2 4.2 0 0 0-4.2 4.2v2.6L2.5 11h11l-1.3-2.4V6A4.2 4.2 0 0 0 8 1.8zM6.3 12.6a1.8 1.8 0 0 0 3.4 0"
            fill={on ? 'currentColor' : 'none'}
            stroke="currentColor"
            stroke-width="1.4"
            stroke-linejoin="round"
          />
        </svg>
        {on ? t('followingStory') : t('followStory')}
      </BusyButton>
      <p class="follow-status muted" role="status">
        {status}
      </p>
    </div>
  );
}
