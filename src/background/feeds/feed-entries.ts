// The articles the reader's feeds hold, each once: the same article in two feeds (a paper's own
// feed and an aggregator's) is one entry, told as the outlet's own feed tells it. Kept feed by feed
// so a feed added, refreshed or removed changes only the entries it provides, and says which.
// Outlets are named after their own feed's title ("The Daily Meridian | World" → "The Daily
// Meridian"); an outlet seen only through another feed keeps its host name.
// Pure: the caller passes the feeds' items; nothing here reads the clock or the network.
import type { Article, Outlet } from '../../formats/model';
import { feedKind, type Feed, type FeedItem } from '../../formats/feeds';
import { displayHost, urlKey } from '../../formats/url';

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

/** What one update changed, by entry id (and host for outlets). */
export interface EntryChanges {
  /** Entries that no feed held before. */
  added: Set<string>;
  /** Entries that no feed holds any more. */
  removed: Set<string>;
  /** Entries still held whose article reads differently (another copy won, the feed edited it, its outlet was renamed). */
  changed: Set<string>;
  /** Hosts whose outlet appeared, went or was renamed. */
  outlets: Set<string>;
}

interface FeedPart {
  host: string;
  title: string | null;
  entries: Map<string, Entry>;
}

/** "The Daily Meridian | World news" → "The Daily Meridian": feed titles often append a section. */
export function outletName(feedTitle: string | null, host: string): string {
  const name = feedTitle?.split(/\s+[|\-–—:»]\s+/)[0]?.trim();
  return name || host;
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
function feedPart(feedUrl: string, feed: Feed): FeedPart {
  const host = displayHost(feed.homeUrl ?? feedUrl) ?? 'feed';
  const entries = new Map<string, Entry>();
  // An outlet's opinion feed makes opinions of items whose own address says nothing.
  const sectionKind = feedKind(feedUrl, feed.title);
  for (const item of feed.items) {
    const made = madeEntries.get(item);
    if (made && made.feedUrl === feedUrl && made.host === host && made.sectionKind === sectionKind) {
      if (!entries.has(made.id)) entries.set(made.id, made.entry);
      continue;
    }
    const id = (item.url && urlKey(item.url)) || `${urlKey(feedUrl) ?? feedUrl}#${item.id}`;
    if (entries.has(id)) continue;
    const linkHost = (item.url && displayHost(item.url)) || host;
    const sourceHost = item.source?.url ? displayHost(item.source.url) : null;
    // An aggregator's item links through the aggregator itself: its outlet is the one it names.
    // (An item that links to the outlet's own page is that outlet's, whatever its <source>.)
    const sourced = linkHost === host && sourceHost !== null && sourceHost !== host;
    const itemHost = sourced ? sourceHost : linkHost;
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
function sameEntry(a: Entry | undefined, b: Entry | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return ENTRY_FIELDS.every((k) => (k === 'article' ? ARTICLE_FIELDS.every((f) => a.article[f] === b.article[f]) : a[k] === b[k]));
}

export class FeedEntries {
  private readonly feeds = new Map<string, FeedPart>();
  /** Entry id → the feeds holding it. */
  private readonly holders = new Map<string, Set<string>>();
  /** Host → ids of the entries of that outlet. */
  private readonly byHost = new Map<string, Set<string>>();
  private readonly names = new Map<string, string>();
  /** Feeds read before their update (readAhead), with the answer they were read from. */
  private readonly ahead = new Map<string, { feed: Feed; part: FeedPart }>();

  get size(): number {
    return this.holders.size;
  }

  ids(): IterableIterator<string> {
    return this.holders.keys();
  }

  feedUrls(): string[] {
    return [...this.feeds.keys()];
  }

  /**
   * The entry as the reader sees it: the first own-feed copy in feed URL order, else the first
   * copy. Deterministic whatever order the feeds were added in.
   */
  get(id: string): Entry | undefined {
    let first: Entry | undefined;
    for (const url of [...(this.holders.get(id) ?? [])].sort()) {
      const entry = this.feeds.get(url)!.entries.get(id)!;
      if (entry.own) return entry;
      first ??= entry;
    }
    return first;
  }

  outlets(): Outlet[] {
    return [...this.names].map(([host, name]) => ({ id: host, name, domain: host })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  outletName(host: string): string {
    return this.names.get(host) ?? host;
  }

  /**
   * Reads a feed's answer before it is taken in (a batch reads each answer while the others are
   * still being fetched): the update given this very `feed` object uses the reading. Answers the
   * entries it will provide. One reading per feed: a later answer replaces it.
   */
  readAhead(url: string, feed: Feed): IterableIterator<Entry> {
    const part = feedPart(url, feed);
    this.ahead.set(url, { feed, part });
    return part.entries.values();
  }

  /** Replaces what the feeds provide (null: the feed is gone) and answers what changed. */
  update(changes: Iterable<readonly [string, Feed | null]>): EntryChanges {
    const out: EntryChanges = { added: new Set(), removed: new Set(), changed: new Set(), outlets: new Set() };
    const touched = new Set<string>();
    const hosts = new Set<string>();
    for (const [url] of changes) for (const id of this.feeds.get(url)?.entries.keys() ?? []) touched.add(id);
    const before = new Map([...touched].map((id) => [id, this.get(id)]));
    for (const [url, feed] of changes) {
      const old = this.feeds.get(url);
      if (old) {
        hosts.add(old.host);
        for (const [id, e] of old.entries) {
          this.holders.get(id)!.delete(url);
          hosts.add(e.article.outlet);
        }
      }
      if (!feed) {
        this.feeds.delete(url);
        this.ahead.delete(url);
        continue;
      }
      const read = this.ahead.get(url);
      this.ahead.delete(url);
      const part = read?.feed === feed ? read.part : feedPart(url, feed);
      this.feeds.set(url, part);
      hosts.add(part.host);
      for (const [id, e] of part.entries) {
        if (!before.has(id)) before.set(id, this.get(id));
        touched.add(id);
        let set = this.holders.get(id);
        if (!set) this.holders.set(id, (set = new Set()));
        set.add(url);
        hosts.add(e.article.outlet);
      }
    }
    for (const id of touched) {
      const was = before.get(id);
      const now = this.get(id);
      if (!now) this.holders.delete(id);
      if (was) this.byHost.get(was.article.outlet)?.delete(id);
      if (now) {
        let set = this.byHost.get(now.article.outlet);
        if (!set) this.byHost.set(now.article.outlet, (set = new Set()));
        set.add(id);
      }
      if (!was && now) out.added.add(id);
      else if (was && !now) out.removed.add(id);
      else if (!sameEntry(was, now)) out.changed.add(id);
    }
    for (const host of hosts) this.rename(host, out);
    return out;
  }

  /** Names the outlet of `host` again; when the name changes, every entry of that outlet reads differently. */
  private rename(host: string, out: EntryChanges): void {
    const entries = this.byHost.get(host);
    const was = this.names.get(host);
    if (!entries?.size) {
      this.byHost.delete(host);
      if (was !== undefined) out.outlets.add(host);
      this.names.delete(host);
      return;
    }
    // The first own feed (by URL) that provides an article of the outlet and names it; else the
    // name an aggregator gives it (its first entry by id that has one).
    let name = host;
    for (const url of [...this.feeds.keys()].sort()) {
      const part = this.feeds.get(url)!;
      if (part.host !== host || outletName(part.title, host) === host) continue;
      if ([...part.entries.values()].some((e) => e.own)) {
        name = outletName(part.title, host);
        break;
      }
    }
    if (name === host) {
      let first: string | undefined;
      for (const id of entries) {
        const given = this.get(id)?.sourceName;
        if (given && (first === undefined || id < first)) [first, name] = [id, given];
      }
    }
    if (was === name) return;
    this.names.set(host, name);
    out.outlets.add(host);
    if (was !== undefined) for (const id of entries) if (!out.added.has(id)) out.changed.add(id);
  }
}
