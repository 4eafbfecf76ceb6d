// What every feed dialect is parsed into. One shape for RSS, Atom and JSON Feed in every version read, so the
// clustering and the background never look at a dialect.
import type { ArticleKind } from '../model';

export type FeedDialect = 'rss' | 'atom' | 'json';

export interface FeedItem {
  /** The feed's own id (guid / atom:id / JSON Feed id), else the URL, else a digest of title and date. */
  id: string;
  /** Absolute http(s) URL of the article; null when the item has none (never invented). */
  url: string | null;
  title: string;
  /** Plain text lead, at most a few hundred characters; '' when the feed gives none. */
  summary: string;
  /** ISO 8601 in UTC; null when undated or unparseable, never the time of fetching. */
  published: string | null;
  author: string | null;
  /** Category labels as the feed gives them, de-duplicated, in order. */
  categories: string[];
  /** The section the item is filed in, when the feed says so (a section-scheme category, or the feed's own). */
  section: string | null;
  kind: ArticleKind;
  /** The outlet an aggregator's item comes from, when the feed names it (RSS and Atom `<source>`). */
  source?: FeedSource;
}

/** An aggregated item's origin as its feed names it: at least one of the two is given. */
export interface FeedSource {
  /** The outlet's name ("The Daily Meridian"). */
  name: string | null;
  /** The outlet's site or feed, absolute http(s). */
  url: string | null;
}

export interface Feed {
  dialect: FeedDialect;
  /** The feed's title (usually the outlet's name, sometimes with a section). */
  title: string | null;
  /** The site's home page, absolute. */
  homeUrl: string | null;
  items: FeedItem[];
}

export type FeedParseResult = { ok: true; feed: Feed } | { ok: false; error: string };
