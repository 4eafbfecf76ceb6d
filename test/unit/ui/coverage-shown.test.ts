// A big story's coverage in the sidebar: one headline per outlet in the spread (the page's own
// outlet first), the first few at once and the rest on request; the timeline's newest reports
// first, the page being read always among them, the earlier ones on request.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { cleanup, click, mount, text } from './dom';
import { CoverageSection } from '../../../src/sidebar/components/CoverageSection';
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
  const more = root.querySelector('.spread-more');
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
});

test('a story of a few reports is shown whole, with no such buttons', async () => {
  const reports = [report('a', 'Alpha', 1), report('b', 'Beta', 2), report('c', 'Gamma', 3)];
  const root = await mount(h(CoverageSection, { reports }));
  assert.equal(root.querySelectorAll('.spread-row').length, 3);
  assert.equal(root.querySelectorAll('[data-report]').length, 3);
  assert.equal(root.querySelector('.spread-more'), null);
  assert.equal(root.querySelector('[data-testid="timeline-earlier"]'), null);
});
