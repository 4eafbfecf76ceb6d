// One feed's items as entries: each item's article under its outlet (an aggregator's item under
// the outlet it names), and what tells two readings of an entry apart. The entries of all feeds
// together, each once, are feed-entries.ts's.
// Pure: the caller passes the feed's items; nothing here reads the clock or the network.
import type { Article } from '../../formats/model';
import { feedKind, type Feed, type FeedItem } from '../../formats/feeds';
import { displayHost, keyAndHost, urlKey } from '../../formats/url';
import { sameOutlet } from './outlet-names';

export { outletName } from './outlet-names';

export interface Entry {
  article: Article;
  /** Whether it came from the outlet's own feed, which beats a copy in an aggregator's. */
  own: boolean;
  summary: string;
  ms: number | null;
  /** The byline the feed gives, when it gives one. */
  author: string | null;
  /** The outlet's name as an aggregator's item gives it (its `<source>`), when the outlet came from there. */
  sourceName: string | null;
}

export interface FeedPart {
  host: string;
  title: string | null;
  entries: Map<string, Entry>;
}

function toArticle(id: string, item: FeedItem, outlet: string, kind: Article['kind']): Article {
  return {
    id,
    ...(item.url ? { url: item.url } : {}),
    title: item.title,
    outlet,
    ...(item.published ? { published: item.published } : {}),
    ...(item.summary ? { excerpt: item.summary } : {}),
    kind,
  };
}

/**
 * Each item's entry as the last reading of its feed made it, with what else the entry was made
 * from: a refresh parses most items into the very objects it parsed last time (known-items.ts),
 * and their entries (addresses parsed for their keys and hosts) need not be made again.
 */
const madeEntries = new WeakMap<FeedItem, { feedUrl: string; host: string; sectionKind: Article['kind'] | null; id: string; entry: Entry }>();

/** A feed's items as entries, by entry id; the feed's first copy of a duplicated item wins. */
export function feedPart(feedUrl: string, feed: Feed): FeedPart {
  const host = displayHost(feed.homeUrl ?? feedUrl) ?? 'feed';
  const entries = new Map<string, Entry>();
  // An outlet's opinion feed makes opinions of items whose own address says nothing.
  const sectionKind = feedKind(feedUrl, feed.title);
  /** The feed's own id of the item each entry was made from. */
  const itemIds = new Map<string, string>();
  const feedKey = urlKey(feedUrl) ?? feedUrl;
  for (const item of feed.items) {
    const made = madeEntries.get(item);
    if (made && made.feedUrl === feedUrl && made.host === host && made.sectionKind === sectionKind) {
      if (!entries.has(made.id)) {
        entries.set(made.id, made.entry);
        itemIds.set(made.id, item.id);
      }
      continue;
    }
    const link = item.url ? keyAndHost(item.url) : null;
    let id = link?.key || `${feedKey}#${item.id}`;
    // Items the feed tells apart (their ids differ) at one address (a site's link in every item,
    // addresses told apart by a fragment only) are so many articles, not one listed again.
    if (entries.has(id) && itemIds.get(id) !== item.id) id = `${feedKey}#${item.id}`;
    if (entries.has(id)) continue;
    itemIds.set(id, item.id);
    const linkHost = link?.host || host;
    const sourceHost = item.source?.url ? displayHost(item.source.url) : null;
    // An aggregator's item links through the aggregator itself: its outlet is the one it names.
    // (An item that links to the outlet's own page is that outlet's, whatever its <source>.)
    const sourced = linkHost === host && sourceHost !== null && sourceHost !== host;
    // A sibling host of the feed's outlet (bbc.com pages in a bbc.co.uk feed) is that outlet.
    const itemHost = sourced ? sourceHost : sameOutlet(linkHost, host) ? host : linkHost;
    const ms = item.published ? Date.parse(item.published) : NaN;
    const kind = item.kind === 'report' && sectionKind ? sectionKind : item.kind;
    const entry: Entry = {
      article: toArticle(id, item, itemHost, kind),
      author: item.author?.trim() || null,
      own: itemHost === host,
      summary: item.summary,
      ms: Number.isNaN(ms) ? null : ms,
      sourceName: (sourced && item.source?.name) || null,
    };
    entries.set(id, entry);
    madeEntries.set(item, { feedUrl, host, sectionKind, id, entry });
  }
  return { host, title: feed.title, entries };
}

// Every field of an entry and of its article (the types make these lists complete).
const ENTRY_FIELDS = Object.keys({ article: 0, own: 0, summary: 0, ms: 0, author: 0, sourceName: 0 } satisfies Record<keyof Entry, 0>) as (keyof Entry)[];
const ARTICLE_FIELDS = Object.keys({ id: 0, url: 0, title: 0, outlet: 0, published: 0, excerpt: 0, kind: 0 } satisfies Record<keyof Article, 0>) as (keyof Article)[];

/**
 * Whether two entries read the same. Field by field: every entry is made by feedPart (toArticle
 * leaves a field out exactly when it is undefined), so this answers what comparing their JSON did,
 * without serialising both copies of every item of every feed a refresh brings back.
 */
export function sameEntry(a: Entry | undefined, b: Entry | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return ENTRY_FIELDS.every((k) => (k === 'article' ? ARTICLE_FIELDS.every((f) => a.article[f] === b.article[f]) : a[k] === b[k]));
}
