// The feed stories' model as the background keeps it between changes: in memory while the worker
// lives, and in the `meta` record 'feed-stories' (the clusterer's state, written in the same
// transaction as the stories it made) so a woken worker carries on without clustering thousands
// of items again. The model is clustered from scratch only when there is no usable state: none
// yet, another engine (ENGINE_STAMP: any calibrated constant changed), or one that does not
// describe the stored pack or the stored items.
import type { IDBPDatabase } from 'idb';
import { ENGINE_STAMP, readClustererState, writeClustererState, type ClustererState } from '../../engine';
import { FEEDS_PACK_ID, FeedStories, type FeedSnapshot } from '../feeds/feed-stories';
import { isRecord } from '../../formats/guards';
import type { FeedItem } from '../../formats/feeds';
import type { ArticleKind } from '../../formats/model';
import type { FeedItemsRecord, StorylineDB } from '../../formats/storage-schema';

type Database = IDBPDatabase<StorylineDB>;

export const STATE_KEY = 'feed-stories';

export interface FeedStore {
  model: FeedStories;
  /** Stamp of the packs the stories were labelled from (null: relabel every story at the next write). */
  labels: string | null;
  /** Per story, the ids of the category records it uses (ancestors included): which copies are still needed. */
  categories: Map<string, string[]>;
  /** The outlets stored, by id (host). */
  outlets: Set<string>;
  /** Characters each story record and each feed's items record take: the store's size for the options page. */
  storyChars: Map<string, number>;
  feedChars: Map<string, number>;
  /** Clustered from scratch: the next write replaces the whole pack. */
  whole: boolean;
}

/** What the meta record holds. */
interface StoredState {
  engine: string;
  /** The feeds pack's version it was written with. */
  version: string;
  labels: string;
  clusterer: ClustererState;
  categories: [string, string[]][];
  storyChars: [string, number][];
  /**
   * The outlets' names the stored stories were written with (absent before 2026-12-07): names
   * come from code and the shipped directory, so a new version may name an outlet otherwise, and
   * then every story is written again (not clustered again) at the next change.
   */
  outletNames?: string;
}

/** The model's outlets' names, as one string to compare. */
const outletNamesOf = (model: FeedStories): string => JSON.stringify(model.entries.outlets().map((o) => [o.id, o.name]));

const pairs = <V>(x: unknown, value: (v: unknown) => v is V): x is [string, V][] =>
  Array.isArray(x) && x.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && value(e[1]));
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function storedState(x: unknown): StoredState | null {
  if (!isRecord(x) || x['engine'] !== ENGINE_STAMP || typeof x['version'] !== 'string' || typeof x['labels'] !== 'string') return null;
  if (!pairs(x['categories'], strings) || !pairs(x['storyChars'], count)) return null;
  return x as unknown as StoredState;
}

const KINDS: readonly unknown[] = ['report', 'opinion', 'analysis'] satisfies ArticleKind[];
const optString = (v: unknown): boolean => v === null || typeof v === 'string';

const validSource = (x: unknown): boolean => x === undefined || (isRecord(x) && optString(x['name']) && optString(x['url']));

/** An item with the fields the stories read, of the right types. */
function validItem(x: unknown): x is FeedItem {
  return (
    isRecord(x) &&
    typeof x['id'] === 'string' &&
    typeof x['title'] === 'string' &&
    typeof x['summary'] === 'string' &&
    optString(x['url']) &&
    optString(x['published']) &&
    KINDS.includes(x['kind']) &&
    validSource(x['source'])
  );
}

/** A stored items record as far as it can be trusted: a feed, its well-formed items, the ids it listed. */
export function validItems(record: FeedItemsRecord): FeedItemsRecord | null {
  const feed: unknown = record.feed;
  if (!isRecord(feed) || !Array.isArray(feed['items']) || !optString(feed['title']) || !optString(feed['homeUrl'])) return null;
  const items = (feed['items'] as unknown[]).filter(validItem);
  const listed = strings(record.listed) ? record.listed : undefined;
  return { feedUrl: record.feedUrl, feed: { ...record.feed, items }, ...(listed ? { listed } : {}) };
}

async function load(database: Database): Promise<FeedStore> {
  const [meta, header, records] = await Promise.all([database.get('meta', STATE_KEY), database.get('packs', FEEDS_PACK_ID), database.getAll('feedItems')]);
  const items = records.flatMap((r) => validItems(r) ?? []);
  const feeds: FeedSnapshot[] = items.map((r) => ({ feedUrl: r.feedUrl, feed: r.feed }));
  const feedChars = new Map(items.map((r) => [r.feedUrl, JSON.stringify(r).length]));
  const state = storedState(meta?.value);
  const clusterer = state && header && state.version === header.version ? readClustererState(state.clusterer) : null;
  const model = clusterer ? FeedStories.restore(clusterer, feeds) : null;
  if (state && model) {
    return {
      model,
      labels: state.labels,
      categories: new Map(state.categories),
      outlets: new Set(model.entries.outlets().map((o) => o.id)),
      storyChars: new Map(state.storyChars),
      feedChars,
      whole: state.outletNames !== outletNamesOf(model),
    };
  }
  const fresh = new FeedStories();
  fresh.update(feeds.map((f) => [f.feedUrl, f.feed] as const));
  return { model: fresh, labels: null, categories: new Map(), outlets: new Set(), storyChars: new Map(), feedChars, whole: header !== undefined || feeds.length > 0 };
}

const stores = new WeakMap<Database, Promise<FeedStore>>();

/** The model of this database's feeds, loaded once per worker. */
export function feedStore(database: Database): Promise<FeedStore> {
  let store = stores.get(database);
  if (!store) {
    store = load(database);
    stores.set(database, store);
    store.catch(() => stores.delete(database));
  }
  return store;
}

/** After a failed write the model is ahead of the database: the next use loads it again. */
export function forgetFeedStore(database: Database): void {
  stores.delete(database);
}

/** The meta record's value after a write that gives the pack `version`. */
export function stateValue(store: FeedStore, version: string, labels: string): { value: StoredState; chars: number } {
  const clusterer = writeClustererState(store.model.clusterer);
  const value: StoredState = { engine: ENGINE_STAMP, version, labels, clusterer, categories: [...store.categories], storyChars: [...store.storyChars], outletNames: outletNamesOf(store.model) };
  return { value, chars: stateChars(clusterer) };
}

/** Roughly what the clusterer's state takes: its typed arrays' bytes and its strings' characters. */
function stateChars(s: ClustererState): number {
  let n = 0;
  for (const v of [...Object.values(s), ...Object.values(s.index)]) {
    if (ArrayBuffer.isView(v)) n += v.byteLength;
    else if (Array.isArray(v)) for (const t of v) n += typeof t === 'string' ? t.length + 4 : 0;
  }
  return n;
}
