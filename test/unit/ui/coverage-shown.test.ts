// A big story's coverage in the sidebar: one headline per outlet in the spread (the page's own
// outlet first), the first few at once and the rest on request; the timeline's newest reports
// first, the page being read always among them, the earlier ones on request; a chart of ten rows
// at most, one tab stop, its dots reached with the arrow keys; the first few opinions, all on request.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { cleanup, click, document, key, mount, text } from './dom';
import { CoverageSection } from '../../../src/sidebar/components/CoverageSection';
import { CHART_ROWS, CoverageChart, layoutChart } from '../../../src/sidebar/components/CoverageChart';
import { OPINIONS_SHOWN, OpinionsSection } from '../../../src/sidebar/components/OpinionsSection';
import { newestReports, SPREAD_SHOWN, spreadRows, TIMELINE_SHOWN } from '../../../src/sidebar/coverage-shown';
import type { ReportView } from '../../../src/contracts/views';

afterEach(cleanup);

const report = (id: string, outletName: string, hour: number | null, extra: Partial<ReportView> = {}): ReportView => ({
  id,
  title: `Headline ${id}`,
  outletName,
  kind: 'report',
  current: false,
  ...(hour === null ? {} : { published: new Date(Date.UTC(2026, 11, 1, hour)).toISOString() }),
  ...extra,
});

test('the spread has one headline per outlet: the page for its own outlet, else the newest; the page’s outlet first', () => {
  const reports = [
    report('a1', 'Alpha', 1),
    report('b1', 'Beta', 2),
    report('a2', 'Alpha', 3),
    report('c1', 'Gamma', 4, { current: true }),
    report('c2', 'Gamma', 5),
    report('d1', 'Delta', null),
  ];
  assert.deepEqual(spreadRows(reports).map((r) => r.id), ['c1', 'd1', 'b1', 'a2']);
  // Without the page among them: by time, each outlet's newest.
  assert.deepEqual(spreadRows(reports.map((r) => ({ ...r, current: false }))).map((r) => r.id), ['d1', 'b1', 'a2', 'c2']);
});

test('the timeline keeps the newest reports and the page being read; the count of the earlier ones', () => {
  const reports = Array.from({ length: 20 }, (_, i) => report(`r${i}`, `Outlet ${i}`, i, i === 2 ? { current: true } : {}));
  const { shown, earlier } = newestReports(reports, 5);
  assert.deepEqual(shown.map((r) => r.id), ['r2', 'r15', 'r16', 'r17', 'r18', 'r19']);
  assert.equal(earlier, 14);
  assert.deepEqual(newestReports(reports.slice(0, 4), 5), { shown: reports.slice(0, 4), earlier: 0 });
});

test('a big story shows the first outlets’ headlines and its newest reports, and all of either on request', async () => {
  const count = TIMELINE_SHOWN + 8;
  const reports = Array.from({ length: count }, (_, i) => report(`r${i}`, `Outlet ${i % 15}`, i));
  const root = await mount(h(CoverageSection, { reports }));
  const headlines = (): number => root.querySelectorAll('.spread-row').length;
  assert.equal(headlines(), SPREAD_SHOWN);
  const more = root.querySelector('.more-toggle');
  assert.equal(text(more), 'Show all 15 outlets\' headlines');
  assert.equal(more?.getAttribute('aria-expanded'), 'false');
  await click(more);
  assert.equal(headlines(), 15);
  assert.equal(text(more), 'Show fewer headlines');
  assert.equal(more?.getAttribute('aria-expanded'), 'true');

  assert.equal(root.querySelectorAll('[data-report]').length, TIMELINE_SHOWN);
  assert.match(text(root.querySelector('[data-section="coverage"]')), new RegExp(`${count} reports`));
  const earlier = root.querySelector('[data-testid="timeline-earlier"]');
  assert.equal(text(earlier), 'Show the 8 earlier reports');
  await click(earlier);
  assert.equal(root.querySelectorAll('[data-report]').length, count);
  assert.equal(root.querySelector('[data-testid="timeline-earlier"]'), null);
  // The button is gone: the focus is on the first report's day, not lost to the document.
  assert.equal(document.activeElement, root.querySelector('.day-title'));
});

test('a story of a few reports is shown whole, with no such buttons', async () => {
  const reports = [report('a', 'Alpha', 1), report('b', 'Beta', 2), report('c', 'Gamma', 3)];
  const root = await mount(h(CoverageSection, { reports }));
  assert.equal(root.querySelectorAll('.spread-row').length, 3);
  assert.equal(root.querySelectorAll('[data-report]').length, 3);
  assert.equal(root.querySelector('.more-toggle'), null);
  assert.equal(root.querySelector('[data-testid="timeline-earlier"]'), null);
});

test('the chart gives rows to ten outlets at most: the page’s and those with most reports, the others sharing the last row', () => {
  // Fifteen outlets; outlet 14 has the page and one report; outlets 0–4 have three reports each.
  const reports = Array.from({ length: 15 }, (_, o) => Array.from({ length: o < 5 ? 3 : 1 }, (_, k) => report(`o${o}-${k}`, `Outlet ${o}`, o + k * 20, o === 14 ? { current: true } : {}))).flat();
  const { outlets, others, points } = layoutChart(reports);
  assert.equal(outlets.length, CHART_ROWS - 1);
  assert.equal(others, 15 - (CHART_ROWS - 1));
  assert.ok(outlets.includes('Outlet 14'), 'the page’s outlet has its row');
  for (let o = 0; o < 5; o++) assert.ok(outlets.includes(`Outlet ${o}`), `outlet ${o}, with most reports, has its row`);
  // Every report is placed; those of outlets without a row on the last one.
  assert.equal(points.length, reports.length);
  const lastRow = Math.max(...points.map((p) => p.y));
  assert.ok(points.filter((p) => p.y === lastRow).every((p) => !outlets.includes(p.report.outletName)));
  // In time order.
  const times = points.map((p) => Date.parse(p.report.published!));
  assert.deepEqual(times, [...times].sort((a, b) => a - b));
  assert.equal(layoutChart(reports.slice(0, 4)).others, 0);
});

test('the chart is one tab stop, on the page’s report; the arrow keys, Home and End move between the dots in time order', async () => {
  const reports = [report('a', 'Alpha', 1), report('b', 'Beta', 2, { current: true }), report('c', 'Gamma', 3), report('d', 'Delta', 4)];
  const root = await mount(h(CoverageSection, { reports }));
  const dots = (): Element[] => [...root.querySelectorAll('[data-testid="coverage-chart"] circle')];
  const stops = (): number[] => dots().flatMap((d, i) => (d.getAttribute('tabindex') === '0' ? [i] : []));
  assert.deepEqual(stops(), [1]);
  const svg = root.querySelector('[data-testid="coverage-chart"] svg')!;
  await key(svg, 'ArrowRight');
  assert.deepEqual(stops(), [2]);
  assert.equal(document.activeElement, dots()[2]);
  assert.match(text(root.querySelector('.chart-caption')), /Gamma/);
  // The dot's own name says it: the caption is not read out again (no live region around it).
  assert.match(dots()[2]!.getAttribute('aria-label') ?? '', /Gamma/);
  assert.equal(root.querySelector('.chart-caption')?.closest('[aria-live], [role="status"], [role="log"]'), null);
  await key(svg, 'End');
  assert.deepEqual(stops(), [3]);
  await key(svg, 'ArrowRight');
  assert.deepEqual(stops(), [3], 'the last stays the last');
  await key(svg, 'Home');
  assert.deepEqual(stops(), [0]);
  await key(svg, 'ArrowLeft');
  assert.deepEqual(stops(), [0]);
});

test('a story with many opinions lists the first few, and all of them on request', async () => {
  const opinions = Array.from({ length: OPINIONS_SHOWN + 4 }, (_, i) => ({ id: `op-${i}`, title: `Column ${i}`, summary: '' }));
  const root = await mount(h(OpinionsSection, { opinions }));
  const listed = (): number => root.querySelectorAll('[data-opinion]').length;
  assert.equal(listed(), OPINIONS_SHOWN);
  const toggle = root.querySelector('[data-section="opinions"] .more-toggle');
  assert.equal(text(toggle), `Show all ${OPINIONS_SHOWN + 4} opinions`);
  assert.equal(toggle?.getAttribute('aria-controls'), 'opinion-list');
  await click(toggle);
  assert.equal(listed(), OPINIONS_SHOWN + 4);
  assert.equal(text(toggle), 'Show fewer opinions');
  await click(toggle);
  assert.equal(listed(), OPINIONS_SHOWN);
  // A few: all, no button.
  const few = await mount(h(OpinionsSection, { opinions: opinions.slice(0, 2) }));
  assert.equal(few.querySelectorAll('[data-opinion]').length, 2);
  assert.equal(few.querySelector('.more-toggle'), null);
});

test('the chart keeps one tab stop when the story loses reports while the sidebar is open', async () => {
  const reports = [report('a', 'Alpha', 1), report('b', 'Beta', 2), report('c', 'Gamma', 3), report('d', 'Delta', 4)];
  const root = await mount(h(CoverageChart, { reports }));
  await key(root.querySelector('svg')!, 'End');
  await act(() => render(h(CoverageChart, { reports: reports.slice(0, 2) }), root));
  const stops = [...root.querySelectorAll('circle')].filter((d) => d.getAttribute('tabindex') === '0');
  assert.equal(stops.length, 1);
});

test("the chart's outlet labels are cut after a whole word, the whole name in the label's title", async () => {
  const { chartLabel } = await import('../../../src/sidebar/components/CoverageChart');
  assert.equal(chartLabel('Reuters'), 'Reuters');
  assert.equal(chartLabel('The Washington P'), 'The Washington P', 'sixteen characters fit');
  assert.equal(chartLabel('Wall Street Journal'), 'Wall Street…');
  assert.equal(chartLabel('Los Angeles Times'), 'Los Angeles…');
  assert.equal(chartLabel('AP Politics & Fact Check'), 'AP Politics…');
  assert.equal(chartLabel('Supercalifragilisticexpialidocious News'), 'Supercalifragil…', 'a first word too long is cut within it');
});
