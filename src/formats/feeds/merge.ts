// Keeping a feed's items across refreshes, within the reader's window. A feed lists only its latest
// items, so an article that scrolls off it would vanish from its story at the next refresh; the
// background keeps the items it has seen, refreshed by id, until they are older than the window
// (a source preference, 30 days by default). An item the feed still lists stays whatever its date:
// the feed presents it as current. Undated items are kept only while listed: their age is unknown.
// Dates are settled first (item-dates.ts): none after the refresh, none that is only the feed's own.
import { settleDates } from './item-dates';
import type { FeedItem } from './types';

export interface MergeOptions {
  /** Current time in ms (passed in: this module never reads the clock). */
  now: number;
  /**
   * The time the window is counted back from, when not `now`: the feed server's, when the
   * reader's clock is far ahead of it (background/sources/feed-fetch.ts windowTime). Only the
   * window: items' dates are settled against `now`, as a server's clock behind (or a cached
   * answer's old Date) must never date what was published since.
   */
  windowAt?: number;
  /** The reader's window: items older than this leave once the feed no longer lists them. */
  windowDays: number;
  /** At most this many items are kept per feed, newest first (default 1000). */
  maxItems?: number;
}

const DAY = 86_400_000;

/** Whether an item the feed no longer lists is still within the window. */
const recent = (item: FeedItem, oldest: number): boolean => item.published !== null && Date.parse(item.published) >= oldest;

/** The feed's items after a refresh: every fresh item (its latest text wins), plus earlier items within the window. */
export function mergeFeedItems(previous: readonly FeedItem[], fresh: readonly FeedItem[], opts: MergeOptions): FeedItem[] {
  const oldest = (opts.windowAt ?? opts.now) - opts.windowDays * DAY;
  const settled = settleDates(previous, fresh, opts.now);
  const byId = new Map(settled.fresh.map((item) => [item.id, item]));
  // Some feeds give an article a new id at every answer (a timestamp in its guid): an earlier
  // item at a fresh item's address is that item, not another one to keep for the window.
  const urls = new Set(settled.fresh.map((item) => item.url));
  for (const item of settled.previous) {
    if (byId.has(item.id) || !recent(item, oldest) || (item.url !== null && urls.has(item.url))) continue;
    byId.set(item.id, item);
    urls.add(item.url);
  }
  const time = (item: FeedItem): number => (item.published ? Date.parse(item.published) : Infinity);
  // Undated fresh items sort first: the feed lists them now, which is all we know of their age.
  return [...byId.values()].sort((a, b) => time(b) - time(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, opts.maxItems ?? 1000);
}

/**
 * The items still within the window between refreshes (the daily retention): those the feed
 * listed last time (`listed`; undefined: all of them, as records of older versions say nothing)
 * and those recent enough. Null when none leaves, so the caller stores nothing.
 */
export function retainFeedItems(items: readonly FeedItem[], listed: readonly string[] | undefined, opts: Omit<MergeOptions, 'maxItems'>): FeedItem[] | null {
  if (listed === undefined) return null;
  const oldest = opts.now - opts.windowDays * DAY;
  const current = new Set(listed);
  const kept = items.filter((item) => current.has(item.id) || recent(item, oldest));
  return kept.length === items.length ? null : kept;
}
