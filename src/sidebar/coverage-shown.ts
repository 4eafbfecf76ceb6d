// How much of a big story's coverage the sidebar shows at first. A story built from sixty feeds
// can hold a hundred reports: listed whole, the headlines and the timeline push the opinions and
// the steps far down. So the headline spread shows one headline per outlet, a few outlets at
// first, and the timeline its newest reports, each with a way to show the rest.
import type { ReportView } from '../contracts/views';

/** Outlets in the headline spread before "Show every outlet's headline". */
export const SPREAD_SHOWN = 8;
/** Reports in the timeline before "Show the earlier reports". */
export const TIMELINE_SHOWN = 12;

const time = (r: ReportView): number => (r.published ? Date.parse(r.published) : Number.NEGATIVE_INFINITY);

/**
 * One headline per outlet: the page being read for its own outlet, else the outlet's newest. The
 * page's outlet comes first (the framing the reader just read, then the others'), the others in
 * the order their headline was published.
 */
export function spreadRows(reports: readonly ReportView[]): ReportView[] {
  const byOutlet = new Map<string, ReportView>();
  for (const report of reports) {
    const held = byOutlet.get(report.outletName);
    if (!held || (!held.current && (report.current || time(report) >= time(held)))) byOutlet.set(report.outletName, report);
  }
  const rows = [...byOutlet.values()].sort((a, b) => time(a) - time(b));
  const current = rows.findIndex((r) => r.current);
  return current > 0 ? [rows[current]!, ...rows.slice(0, current), ...rows.slice(current + 1)] : rows;
}

/**
 * The reports the timeline shows before the reader asks for all: the newest `limit`, and the page
 * being read wherever it falls. In the order given (the timeline's); `earlier` counts those left out.
 */
export function newestReports(reports: readonly ReportView[], limit = TIMELINE_SHOWN): { shown: ReportView[]; earlier: number } {
  if (reports.length <= limit) return { shown: [...reports], earlier: 0 };
  const newest = new Set([...reports].sort((a, b) => time(b) - time(a)).slice(0, limit));
  const shown = reports.filter((r) => newest.has(r) || r.current);
  return { shown, earlier: reports.length - shown.length };
}
