import { useEffect, useState } from 'preact/hooks';
import { formatCount } from '../../shared/format';
import { t } from '../../shared/i18n';
import type { Call } from '../App';
import { busyAttributes } from '../../ui/busy-button';
import { useAction } from '../use-action';
import { OutcomeLine } from './OutcomeLine';

/** The periods offered; a stored period outside them (set by an older version) is offered too. */
export const REFRESH_CHOICES = [1, 3, 6, 12, 24] as const;

interface Props {
  hours: number;
  /** False without the `alarms` permission: nothing refreshes by itself, so there is nothing to choose. */
  scheduled: boolean;
  call: Call;
}

/** How often subscriptions and feeds refresh. The background re-creates its alarm on the change. */
export function RefreshInterval({ hours, scheduled, call }: Props) {
  const [chosen, setChosen] = useState(hours);
  useEffect(() => setChosen(hours), [hours]);
  /** The period being saved, shown meanwhile. */
  const [pending, setPending] = useState<number | null>(null);
  const { busy, outcome, run } = useAction();
  if (!scheduled) return <p class="message-error">{t('refreshNoSchedule')}</p>;

  const choose = (refreshHours: number): Promise<void> => {
    setPending(refreshHours);
    return run(async () => {
      const saved = await call('sources/prefs', { refreshHours });
      setChosen(saved.refreshHours);
      return t('refreshIntervalSaved', formatCount('refreshEvery', saved.refreshHours));
    }).finally(() => setPending(null));
  };
  const shown = pending ?? chosen;

  const choices = [...new Set<number>([...REFRESH_CHOICES, chosen])].sort((a, b) => a - b);
  return (
    <>
      <div class="inline-form">
        <label for="refresh-hours">{t('refreshIntervalLabel')}</label>
        {/* Busy, not disabled: the focus stays on the list while the period is saved (busy-button.tsx);
            a change meanwhile is undone, not sent. */}
        <select
          id="refresh-hours"
          data-testid="refresh-hours"
          value={String(shown)}
          {...busyAttributes(busy)}
          onChange={(e) => {
            if (busy) e.currentTarget.value = String(shown);
            else void choose(Number(e.currentTarget.value));
          }}
        >
          {choices.map((h) => (
            <option key={h} value={String(h)}>
              {formatCount('refreshEvery', h)}
            </option>
          ))}
        </select>
      </div>
      <OutcomeLine outcome={outcome} />
    </>
  );
}
