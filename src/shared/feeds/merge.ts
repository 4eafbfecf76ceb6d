// Keeping a feed's items across refreshes. A feed lists only its latest items, so an article that
// scrolls off it would vanish from its story at the next refresh; the background keeps the items it
// has seen, refreshed by id, for a bounded time and number.
import type { FeedItem } from './types';

export interface MergeOptions {
  /** Current time in ms (passed in: this module never reads the clock). */
  now: number;
  /** Items older than this leave once the feed no longer lists them (default 14 days). */
  maxAgeDays?: number;
  /** At most this many items are kept per feed, newest first (default 1000). */
  maxItems?: number;
}

const DAY = 86_400_000;

/**
 * The feed's items after a refresh: every fresh item (its latest text wins), plus earlier items that
 * are dated and recent enough. Undated items are kept only while the feed lists them, since their
 * age cannot be known.
 */
export function mergeFeedItems(previous: readonly FeedItem[], fresh: readonly FeedItem[], opts: MergeOptions): FeedItem[] {
  const oldest = opts.now - (opts.maxAgeDays ?? 14) * DAY;
  const byId = new Map(fresh.map((item) => [item.id, item]));
  for (const item of previous) {
    if (byId.has(item.id) || item.published === null) continue;
    if (Date.parse(item.published) >= oldest) byId.set(item.id, item);
  }
  const time = (item: FeedItem): number => (item.published ? Date.parse(item.published) : Infinity);
  // Undated fresh items sort first: the feed lists them now, which is all we know of their age.
  return [...byId.values()].sort((a, b) => time(b) - time(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, opts.maxItems ?? 1000);
}
