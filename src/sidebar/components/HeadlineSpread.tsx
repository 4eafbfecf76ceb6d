import { useState } from 'preact/hooks';
import { formatNumber } from '../../shared/format';
import { t } from '../../shared/i18n';
import type { ReportView } from '../../contracts/views';
import { SPREAD_SHOWN, spreadRows } from '../coverage-shown';
import { MoreToggle } from './MoreToggle';

/**
 * Every outlet's headline side by side, in one short list: the same event framed as "no deal",
 * "breakthrough" or "productive talks" is the point of showing coverage at all. One headline per
 * outlet, the first few at once and the rest on request (coverage-shown.ts).
 */
export function HeadlineSpread({ reports }: { reports: readonly ReportView[] }) {
  const [all, setAll] = useState(false);
  const rows = spreadRows(reports);
  if (rows.length < 2) return null;
  const shown = all ? rows : rows.slice(0, SPREAD_SHOWN);
  return (
    <div class="spread" data-testid="headline-spread">
      <h3 class="spread-title">{t('spreadTitle')}</h3>
      <dl class="spread-list" id="headline-spread-list">
        {shown.map((report) => (
          <div key={report.id} class={report.current ? 'spread-row is-current' : 'spread-row'}>
            <dt>{report.outletName}</dt>
            <dd dir="auto">{report.title}</dd>
          </div>
        ))}
      </dl>
      {rows.length > SPREAD_SHOWN && (
        <MoreToggle open={all} controls="headline-spread-list" more={t('spreadShowAll', formatNumber(rows.length))} fewer={t('spreadShowFewer')} onToggle={() => setAll(!all)} />
      )}
    </div>
  );
}
