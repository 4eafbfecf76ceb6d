// What an item's date can be trusted to say. A feed's date for an item is its claim; two kinds of
// claim are the feed's mistakes, and each item keeps the date it was first given instead:
// - a date after the refresh that read it (local time labelled UTC: hours ahead; a placeholder:
//   years ahead). Left as it is, its story would say "latest report in 5 hours", sort it above what
//   was published last, and keep it past the reader's window.
// - one date for every item, the time the feed was built: each refresh would date every article
//   anew, so an article of last week would read as an hour old.
// An item first read with such a date keeps it (or the refresh's time, when ahead): early or late by
// at most the feed's error, and stable across refreshes.
import type { FeedItem } from './types';

/** At least this many items, all with one date, are a feed dated when it was built. */
const BUILT_AT_ONCE = 3;

/**
 * Whether an item is dated after `now`. Items' dates are UTC ISO strings (parseFeedDate), which sort
 * as text: the text test spares a refresh a thousand date parses per feed, the parse confirms it.
 */
const ahead = (item: FeedItem, now: number, nowIso: string): boolean =>
  item.published !== null && item.published > nowIso && Date.parse(item.published) > now;

/** The one date every fresh item has, when the feed gives all of them one (its build time). */
function buildTime(fresh: readonly FeedItem[]): string | null {
  const first = fresh[0]?.published ?? null;
  return first !== null && fresh.length >= BUILT_AT_ONCE && fresh.every((item) => item.published === first) ? first : null;
}

/** The fresh and the kept items with their dates settled (above); the very arrays when none needs it. */
export function settleDates(previous: readonly FeedItem[], fresh: readonly FeedItem[], now: number): { fresh: readonly FeedItem[]; previous: readonly FeedItem[] } {
  const read = new Date(now).toISOString();
  const built = buildTime(fresh);
  if (built === null && !fresh.some((item) => ahead(item, now, read)) && !previous.some((item) => ahead(item, now, read))) return { fresh, previous };
  // An earlier copy by id, else at the same address (a feed that renames its items).
  const earlier = new Map<string, string | null>();
  for (const item of previous) {
    earlier.set(`id:${item.id}`, item.published);
    if (item.url !== null && !earlier.has(`url:${item.url}`)) earlier.set(`url:${item.url}`, item.published);
  }
  const first = (item: FeedItem): string | null => {
    const before = earlier.get(`id:${item.id}`) ?? (item.url === null ? undefined : earlier.get(`url:${item.url}`));
    return before && Date.parse(before) <= now ? before : null;
  };
  const settle = (item: FeedItem): FeedItem => {
    if (ahead(item, now, read)) return { ...item, published: first(item) ?? read };
    if (built === null) return item;
    const kept = first(item);
    return kept && kept !== item.published ? { ...item, published: kept } : item;
  };
  // An earlier copy can be ahead only if the clock was set back since.
  return { fresh: fresh.map(settle), previous: previous.map((item) => (ahead(item, now, read) ? { ...item, published: read } : item)) };
}
