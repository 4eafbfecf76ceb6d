import { useState } from 'preact/hooks';
import { dayKey, formatCount, formatDate, formatDateTime, formatTime } from '../../shared/format';
import { t } from '../../shared/i18n';
import type { ReportView } from '../../contracts/views';

const WIDTH = 340;
const ROW = 26;
const LABEL = 104;
const PAD = 10;

interface Point {
  report: ReportView;
  x: number;
  y: number;
}

/** Dated reports placed by time (x) on one row per outlet (y). Undated reports are only counted. */
export function layoutChart(reports: readonly ReportView[]): { outlets: string[]; points: Point[]; from: number; to: number } {
  const dated = reports.filter((r) => r.published);
  const outlets = [...new Set(dated.map((r) => r.outletName))];
  const times = dated.map((r) => Date.parse(r.published!));
  const from = Math.min(...times);
  // A story told within one moment still gets a visible axis: an hour either side.
  const to = Math.max(...times, from + 1);
  const span = to - from < 2 * 3_600_000 ? 3_600_000 : 0;
  const lo = from - span;
  const hi = to + span;
  const points = dated.map((report) => ({
    report,
    x: LABEL + PAD + ((Date.parse(report.published!) - lo) / (hi - lo)) * (WIDTH - LABEL - 2 * PAD),
    y: outlets.indexOf(report.outletName) * ROW + ROW / 2,
  }));
  return { outlets, points, from: lo, to: hi };
}

/** The coverage timeline: reports per outlet over time, with details on hover and keyboard focus. */
export function CoverageChart({ reports }: { reports: readonly ReportView[] }) {
  const [active, setActive] = useState<ReportView | null>(null);
  const dated = reports.filter((r) => r.published);
  if (dated.length < 2) return null;
  const { outlets, points, from, to } = layoutChart(reports);
  const height = outlets.length * ROW + 22;
  const undated = reports.length - dated.length;
  return (
    <figure class="chart" data-testid="coverage-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="group" aria-label={t('chartLabel')}>
        {outlets.map((outlet, i) => (
          <g key={outlet}>
            <line class="chart-row" x1={LABEL} x2={WIDTH} y1={i * ROW + ROW / 2} y2={i * ROW + ROW / 2} />
            <text class="chart-outlet" x={LABEL - 6} y={i * ROW + ROW / 2 + 4} text-anchor="end">
              {outlet.length > 16 ? `${outlet.slice(0, 15)}…` : outlet}
            </text>
          </g>
        ))}
        <text class="chart-axis" x={LABEL + PAD} y={height - 4}>
          {formatDate(new Date(from).toISOString())}
        </text>
        <text class="chart-axis" x={WIDTH - 2} y={height - 4} text-anchor="end">
          {dayKey(new Date(to).toISOString()) === dayKey(new Date(from).toISOString())
            ? formatTime(new Date(to).toISOString())
            : formatDate(new Date(to).toISOString())}
        </text>
        {points.map(({ report, x, y }) => (
          <circle
            key={report.id}
            class={report.current ? 'chart-dot is-current' : 'chart-dot'}
            cx={x}
            cy={y}
            r={report.current ? 7 : 5.5}
            tabIndex={0}
            role="img"
            aria-label={`${report.outletName}, ${formatDateTime(report.published!)}: ${report.title}`}
            onMouseEnter={() => setActive(report)}
            onFocus={() => setActive(report)}
            onMouseLeave={() => setActive(null)}
            onBlur={() => setActive(null)}
          />
        ))}
      </svg>
      <figcaption class="chart-caption" aria-live="polite">
        {active ? (
          <>
            <strong>{active.outletName}</strong> · {formatDateTime(active.published!)} · <span dir="auto">{active.title}</span>
          </>
        ) : (
          <>
            {t('chartHint')}
            {undated > 0 && ` ${formatCount('chartUndated', undated)}`}
          </>
        )}
      </figcaption>
    </figure>
  );
}
