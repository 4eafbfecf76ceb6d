// What reached the background from tabs, and what it injected into them: the last few hundred
// entries, in memory only (a stopped worker forgets them). The debugging console and the e2e suite
// read them (`storyline.traffic()` in background/index.ts) to see, for instance, that a page that is
// not an article sends nothing and gets no extraction code (issue 18).
export interface TrafficEntry {
  tabId: number;
  /** A message type ('page/article', 'article/found', …) or an injection ('inject content.js'). */
  what: string;
  /** The sender's address for a message (the document's, unchanged by pushState); '' for an injection. */
  url: string;
  /** When it happened (ms since the epoch). */
  at: number;
}

const MAX_ENTRIES = 300;
const entries: TrafficEntry[] = [];

export function noteTraffic(entry: Omit<TrafficEntry, 'at'>): void {
  entries.push({ ...entry, at: Date.now() });
  if (entries.length > MAX_ENTRIES) entries.splice(0, entries.length - MAX_ENTRIES);
}

export function traffic(): TrafficEntry[] {
  return entries.slice();
}
