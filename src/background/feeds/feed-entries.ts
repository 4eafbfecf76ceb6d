// The articles the reader's feeds hold, each once: the same article in two feeds (a paper's own
// feed and an aggregator's) is one entry, told as the outlet's own feed tells it. Kept feed by feed
// so a feed added, refreshed or removed changes only the entries it provides, and says which.
// Outlets are named after their own feed's title ("The Daily Meridian | World" → "The Daily
// Meridian"); an outlet seen only through another feed keeps its host name.
// Pure: the caller passes the feeds' items; nothing here reads the clock or the network.
import type { Outlet } from '../../formats/model';
import type { Feed } from '../../formats/feeds';
import { feedPart, outletName, sameEntry, type Entry, type FeedPart } from './feed-entry';
import { directoryName } from './outlet-names';

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
   * copy; of the outlet's own copies, one its opinion or analysis section gave first (the outlet's
   * main feed carries its columns too, and says nothing of what they are). Deterministic whatever
   * order the feeds were added in.
   */
  get(id: string): Entry | undefined {
    let first: Entry | undefined;
    let own: Entry | undefined;
    for (const url of [...(this.holders.get(id) ?? [])].sort()) {
      const entry = this.feeds.get(url)!.entries.get(id)!;
      if (entry.own && entry.article.kind !== 'report') return entry;
      if (entry.own) own ??= entry;
      first ??= entry;
    }
    return own ?? first;
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
    // The directory's name for it; else the first own feed (by URL) that provides an article of the
    // outlet and names it; else the name an aggregator gives it (its first entry by id that has one).
    let name = directoryName(host) ?? host;
    for (const url of name === host ? [...this.feeds.keys()].sort() : []) {
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
