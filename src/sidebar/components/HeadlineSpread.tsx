import { t } from '../../shared/i18n';
import type { ReportView } from '../../contracts/views';

/**
 * Every outlet's headline side by side, in one short list: the same event framed as "no deal",
 * "breakthrough" or "productive talks" is the point of showing coverage at all.
 */
export function HeadlineSpread({ reports }: { reports: readonly ReportView[] }) {
  if (reports.length < 2) return null;
  return (
    <div class="spread" data-testid="headline-spread">
      <h3 class="spread-title">{t('spreadTitle')}</h3>
      <dl class="spread-list">
        {reports.map((report) => (
          <div key={report.id} class={report.current ? 'spread-row is-current' : 'spread-row'}>
            <dt>{report.outletName}</dt>
            <dd dir="auto">{report.title}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
