// The reader's feeds as the options page lists them: those that need the reader first (a failed
// refresh, or no access), then by name; and the filter that finds one among sixty.
import type { FeedView } from '../contracts/views';
import { hasEveryWord, searchWords } from '../formats/search-words';

/** A feed whose last refresh failed, or that Storyline may no longer fetch: the reader has something to know or do. */
export const needsAttention = (f: FeedView): boolean => !f.access || f.error !== null;

/** Those that need attention first, then by name (the feed's title, else its address) in the reader's language's order. */
export function orderFeeds(feeds: readonly FeedView[], locale?: string): FeedView[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const name = (f: FeedView): string => f.title ?? f.url;
  return [...feeds].sort((a, b) => Number(needsAttention(b)) - Number(needsAttention(a)) || collator.compare(name(a), name(b)) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** The feeds with every word of `query` in their title or address; all of them for a blank query. */
export function filterFeeds(feeds: readonly FeedView[], query: string): readonly FeedView[] {
  const words = searchWords(query);
  return words.length ? feeds.filter((f) => hasEveryWord(words, f.title, f.url)) : feeds;
}
