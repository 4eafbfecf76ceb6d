// How fast one tab may add to reading history. A page can send itself through addresses with
// history.pushState, each an "article" the content script reads and reports: the privacy audit's
// page planted nine readings the reader never opened in 20 seconds, each a report joined to a
// story, listed as read, counted as new on a followed story. A reader reads an article in more
// than a few seconds: past READINGS_PER_MINUTE new readings in a tab in the last minute, a page is
// still matched (its launcher comes) but not written to history. The count lives in the worker's
// memory: a worker started again starts counting again, which bounds a page all the same.

/** New readings one tab may record in any 60 seconds. */
export const READINGS_PER_MINUTE = 4;
const MINUTE_MS = 60_000;
/** Past this many tabs counted, those with nothing in the last minute are dropped. */
const KEPT_TABS = 64;

export class ReadingPace {
  private readonly recorded = new Map<number, number[]>();

  /** Whether tab `tabId` may record a new reading at `now`; counts it when it may. */
  allow(tabId: number, now: number): boolean {
    // Tabs closed meanwhile are never told of: counts a minute old go whenever many are kept.
    if (this.recorded.size > KEPT_TABS) for (const [tab, times] of this.recorded) if (times.every((at) => now - at >= MINUTE_MS)) this.recorded.delete(tab);
    const recent = (this.recorded.get(tabId) ?? []).filter((at) => now - at < MINUTE_MS);
    if (recent.length >= READINGS_PER_MINUTE) {
      this.recorded.set(tabId, recent);
      return false;
    }
    recent.push(now);
    this.recorded.set(tabId, recent);
    return true;
  }
}
