import { useEffect, useState } from 'preact/hooks';
import { useFocusAfterRemoval } from '../../ui/focus-after-removal';
import { formatDateTime, formatNumber } from '../../shared/format';
import { t } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n';
import type { NetworkLogEntry } from '../../formats/source-request';
import type { Call } from '../App';
import { useAction } from '../use-action';
import { OutcomeLine } from './OutcomeLine';

const OUTCOME_KEYS: Record<NetworkLogEntry['outcome'], MessageKey> = {
  fresh: 'networkOutcomeFresh',
  'not-modified': 'networkOutcomeNotModified',
  redirect: 'networkOutcomeRedirect',
  error: 'networkOutcomeError',
};

interface Props {
  entries: NetworkLogEntry[];
  call: Call;
  changed(): void;
}

/** Every request Storyline made, newest first: the only traffic it causes. */
export function NetworkLogSection({ entries, call, changed }: Props) {
  const [cleared, setCleared] = useState(false);
  useEffect(() => setCleared(false), [entries]);
  const { busy, outcome, run } = useAction();
  const shown = cleared ? [] : entries;
  // "Clear the log" is disabled once the log is empty: the focus goes to the heading, not the body.
  const section = useFocusAfterRemoval<HTMLElement>(shown);

  const clear = (): Promise<void> =>
    run(async () => {
      await call('network/clear', {});
      setCleared(true);
      changed();
      return t('networkCleared');
    });

  return (
    <section class="panel" aria-labelledby="network-title" data-testid="network-log" ref={section}>
      <h2 id="network-title" tabIndex={-1} data-removal-fallback>
        {t('networkTitle')}
      </h2>
      <p class="muted">{t('networkIntro')}</p>
      {shown.length === 0 ? (
        <p>{t('networkEmpty')}</p>
      ) : (
        <div class="table-scroll">
          <table class="network-log">
            <thead>
              <tr>
                <th scope="col">{t('networkTime')}</th>
                <th scope="col">{t('networkUrl')}</th>
                <th scope="col">{t('networkStatus')}</th>
                <th scope="col">{t('networkBytes')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry, i) => (
                <tr key={`${entry.at}-${i}`} data-outcome={entry.outcome}>
                  <td>{formatDateTime(entry.at)}</td>
                  <td class="break">{entry.url}</td>
                  <td>
                    {entry.status ?? '—'} {t(OUTCOME_KEYS[entry.outcome])}
                    {entry.error && <span class="message-error"> · {entry.error}</span>}
                  </td>
                  <td>{formatNumber(entry.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="inline-form">
        <button type="button" class="button" data-testid="network-clear" data-removes="network-log" disabled={busy || shown.length === 0} onClick={() => void clear()}>
          {t('networkClear')}
        </button>
      </div>
      <OutcomeLine outcome={outcome} />
    </section>
  );
}
