import { useRef, useState } from 'preact/hooks';
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

/** Outlet rows at most: a story from sixty feeds would otherwise make a chart a page tall. */
export const CHART_ROWS = 10;

/**
 * The outlets given rows of their own, in the order they first reported: all of them when they fit;
 * else the page's outlet and those with the most reports, and one last row for the others.
 */
function chartRows(dated: readonly ReportView[], maxRows: number): { outlets: string[]; others: number } {
  const order = [...new Set(dated.map((r) => r.outletName))];
  if (order.length <= maxRows) return { outlets: order, others: 0 };
  const counts = new Map<string, number>();
  for (const r of dated) counts.set(r.outletName, (counts.get(r.outletName) ?? 0) + 1);
  const current = dated.find((r) => r.current)?.outletName;
  const kept = new Set(current === undefined ? [] : [current]);
  for (const outlet of [...order].sort((a, b) => counts.get(b)! - counts.get(a)! || order.indexOf(a) - order.indexOf(b))) {
    if (kept.size >= maxRows - 1) break;
    kept.add(outlet);
  }
  return { outlets: order.filter((o) => kept.has(o)), others: order.length - kept.size };
}

/**
 * Dated reports placed by time (x) on one row per outlet (y), or on the last row when their outlet
 * has none of its own (`others`: how many outlets share it). Undated reports are only counted.
 * Points are in time order (the keyboard moves through them so).
 */
export function layoutChart(reports: readonly ReportView[], maxRows = CHART_ROWS): { outlets: string[]; others: number; points: Point[]; from: number; to: number } {
  const dated = reports.filter((r) => r.published).sort((a, b) => Date.parse(a.published!) - Date.parse(b.published!));
  const { outlets, others } = chartRows(dated, maxRows);
  const times = dated.map((r) => Date.parse(r.published!));
  const from = Math.min(...times);
  // A story told within one moment still gets a visible axis: an hour either side.
  const to = Math.max(...times, from + 1);
  const span = to - from < 2 * 3_600_000 ? 3_600_000 : 0;
  const lo = from - span;
  const hi = to + span;
  const row = (outlet: string): number => {
    const i = outlets.indexOf(outlet);
    return i >= 0 ? i : outlets.length;
  };
  const points = dated.map((report) => ({
    report,
    x: LABEL + PAD + ((Date.parse(report.published!) - lo) / (hi - lo)) * (WIDTH - LABEL - 2 * PAD),
    y: row(report.outletName) * ROW + ROW / 2,
  }));
  return { outlets, others, points, from: lo, to: hi };
}

/** Characters of an outlet's name the chart's label column holds. */
const LABEL_CHARS = 16;

/**
 * An outlet's name as the chart's label column holds it: whole when it fits, else cut after its
 * last whole word that fits ("Wall Street…", not "Wall Street Jou…"), a first word too long for
 * the column cut within it. The label's title gives the whole name.
 */
export function chartLabel(name: string, max = LABEL_CHARS): string {
  if (name.length <= max) return name;
  const room = name.slice(0, max - 1);
  // Up to the last space within reach (the name's next character is a space when a word ends there).
  const end = /\s/.test(name.charAt(max - 1)) ? room.length : room.search(/\s\S*$/);
  const cut = end > 0 ? room.slice(0, end).replace(/[\s&,:;–—-]+$/u, '') : '';
  return `${cut.length >= 3 ? cut : room.trimEnd()}…`;
}

/** Keys that move the focus between the chart's dots, to the next (+1), previous (-1), first or last. */
const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => Math.min(i + 1, n - 1),
  ArrowDown: (i, n) => Math.min(i + 1, n - 1),
  ArrowLeft: (i) => Math.max(i - 1, 0),
  ArrowUp: (i) => Math.max(i - 1, 0),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * The coverage timeline: reports per outlet over time, with details on hover and keyboard focus.
 * One tab stop (the page's report, else the first): the arrow keys move between the dots in time
 * order, so a hundred reports are not a hundred stops on the way to the rest of the sidebar.
 */
export function CoverageChart({ reports }: { reports: readonly ReportView[] }) {
  const [active, setActive] = useState<ReportView | null>(null);
  const [stop, setStop] = useState<number | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const dated = reports.filter((r) => r.published);
  if (dated.length < 2) return null;
  const { outlets, others, points, from, to } = layoutChart(reports);
  const rows = others > 0 ? [...outlets, formatCount('chartOtherOutlets', others)] : outlets;
  const height = rows.length * ROW + 22;
  const undated = reports.length - dated.length;
  // Kept within the dots there are now: the story may lose reports while the sidebar is open.
  const tabStop = Math.min(stop ?? Math.max(0, points.findIndex((p) => p.report.current)), points.length - 1);
  const onKey = (event: KeyboardEvent): void => {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move(tabStop, points.length);
    setStop(next);
    svg.current?.querySelectorAll<SVGCircleElement>('circle.chart-dot')[next]?.focus();
  };
  return (
    <figure class="chart" data-testid="coverage-chart">
      <svg ref={svg} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="group" aria-label={t('chartLabel')} onKeyDown={onKey}>
        {rows.map((outlet, i) => {
          const label = chartLabel(outlet);
          return (
            <g key={outlet}>
              <line class="chart-row" x1={LABEL} x2={WIDTH} y1={i * ROW + ROW / 2} y2={i * ROW + ROW / 2} />
              <text class="chart-outlet" x={LABEL - 6} y={i * ROW + ROW / 2 + 4} text-anchor="end">
                {label !== outlet && <title>{outlet}</title>}
                {label}
              </text>
            </g>
          );
        })}
        <text class="chart-axis" x={LABEL + PAD} y={height - 4}>
          {formatDate(new Date(from).toISOString())}
        </text>
        <text class="chart-axis" x={WIDTH - 2} y={height - 4} text-anchor="end">
          {dayKey(new Date(to).toISOString()) === dayKey(new Date(from).toISOString())
            ? formatTime(new Date(to).toISOString())
            : formatDate(new Date(to).toISOString())}
        </text>
        {points.map(({ report, x, y }, i) => (
          <circle
            key={report.id}
            class={report.current ? 'chart-dot is-current' : 'chart-dot'}
            cx={x}
            cy={y}
            r={report.current ? 7 : 5.5}
            // The attribute as SVG spells it: Preact sets an SVG element's props as attributes,
            // as written, and a DOM that keeps their case (jsdom) would not read "tabIndex".
            tabindex={i === tabStop ? 0 : -1}
            role="img"
            aria-label={t('chartDotLabel', [report.outletName, formatDateTime(report.published!), report.title])}
            onMouseEnter={() => setActive(report)}
            onFocus={() => {
              setActive(report);
              setStop(i);
            }}
            onMouseLeave={() => setActive(null)}
            onBlur={() => setActive(null)}
          />
        ))}
      </svg>
      {/* Not a live region: a focused dot's own name says the same, and a caption read out at each
          arrow key, mouse move and blur said everything twice. */}
      <figcaption class="chart-caption">
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
