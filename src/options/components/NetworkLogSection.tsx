import { formatDateTime, formatNumber } from '../../shared/format';
import { t } from '../../shared/i18n';
import type { MessageKey } from '../../shared/i18n';
import type { NetworkLogEntry } from '../../shared/source-fetch';

const OUTCOME_KEYS: Record<NetworkLogEntry['outcome'], MessageKey> = {
  fresh: 'networkOutcomeFresh',
  'not-modified': 'networkOutcomeNotModified',
  redirect: 'networkOutcomeRedirect',
  error: 'networkOutcomeError',
};

/** Every request Storyline made, newest first: the only traffic it causes. */
export function NetworkLogSection({ entries, scheduled, refreshHours }: { entries: NetworkLogEntry[]; scheduled: boolean; refreshHours: number }) {
  return (
    <section class="panel" aria-labelledby="network-title" data-testid="network-log">
      <h2 id="network-title">{t('networkTitle')}</h2>
      <p class="muted">{t('networkIntro')}</p>
      <p class={scheduled ? 'muted' : 'message-error'}>{scheduled ? t('networkSchedule', refreshHours) : t('networkNoSchedule')}</p>
      {entries.length === 0 ? (
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
              {entries.map((entry, i) => (
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
    </section>
  );
}
