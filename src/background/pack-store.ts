// Installing and removing packs. A pack is written in one transaction that awaits only IndexedDB
// requests (awaiting anything else would let the transaction commit half-way): validate first,
// then write. Records are namespaced by pack id so two packs can never overwrite each other.
//
// What costs time in a browser is the number of requests (some 40k for a 10k-story pack), not the
// bytes. So a newer version of an installed pack rewrites only the stories whose digest changed
// and deletes only the records it no longer has; the old version's records are never read, only
// their keys. Requests are raw IndexedDB requests: no promise per request, one for the transaction.
import { unwrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Pack } from '../shared/model';
import type { PackRecord, StorylineDB } from '../shared/storage-schema';
import { packRecords, scopedId, type PackRecords } from './sources/pack-records';

export { scopedId };

const RECORD_STORES = ['stories', 'articles', 'categories', 'outlets'] as const;
type RecordStore = (typeof RECORD_STORES)[number];
const TX_STORES: ('packs' | 'meta' | RecordStore)[] = ['packs', 'meta', ...RECORD_STORES];
type PackTx = IDBPTransaction<StorylineDB, typeof TX_STORES, 'readwrite'>;

/** Called as records land: `done` of `total` writes. Never awaited, so it cannot end the transaction. */
export type InstallProgress = (done: number, total: number) => void;

/** Pack ids that name the reader's own data, which no pack file or subscription may take. */
export const RESERVED_PACK_IDS: ReadonlySet<string> = new Set(['feeds', 'history']);

/** The story digests of an installed pack, in `meta` beside the records they describe. */
const digestKey = (packId: string): string => `pack-digests:${packId}`;

function storedDigests(value: unknown): Map<string, string> {
  const stories = (value as { stories?: unknown } | undefined)?.stories;
  return new Map(Array.isArray(stories) ? stories.filter((e): e is [string, string] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string') : []);
}

/** What the new version writes, given the keys and digests of the installed one. */
function plan(records: PackRecords, old: Record<RecordStore, Set<string>>, digests: Map<string, string>) {
  const puts: Record<RecordStore, object[]> = { stories: [], articles: [], categories: records.categories, outlets: records.outlets };
  const keep: Record<RecordStore, Set<string>> = { stories: new Set(), articles: new Set(), categories: new Set(), outlets: new Set() };
  records.categories.forEach((c) => keep.categories.add(c.id));
  records.outlets.forEach((o) => keep.outlets.add(o.id));
  for (const { story, articles, digest } of records.stories) {
    keep.stories.add(story.id);
    articles.forEach((a) => keep.articles.add(a.id));
    // Unchanged only if the digest matches and every record it describes is still stored.
    const same = digests.get(story.id) === digest && old.stories.has(story.id) && articles.every((a) => old.articles.has(a.id));
    if (same) continue;
    puts.stories.push(story);
    puts.articles.push(...articles);
  }
  const deletes = Object.fromEntries(RECORD_STORES.map((name) => [name, [...old[name]].filter((key) => !keep[name].has(key))])) as Record<RecordStore, string[]>;
  return { puts, deletes };
}

export async function installPack(
  database: IDBPDatabase<StorylineDB>,
  pack: Pack,
  origin: PackRecord['origin'],
  installedAt = new Date().toISOString(),
  onProgress?: InstallProgress,
): Promise<void> {
  const records = packRecords(pack);
  const tx: PackTx = database.transaction(TX_STORES, 'readwrite');
  // One round trip: the keys (never the values) of what the installed version holds.
  const [digestRecord, ...keys] = await Promise.all([
    tx.objectStore('meta').get(digestKey(pack.id)),
    ...RECORD_STORES.map((name) => tx.objectStore(name).index('byPack').getAllKeys(pack.id)),
  ]);
  const old = Object.fromEntries(RECORD_STORES.map((name, i) => [name, new Set(keys[i])])) as Record<RecordStore, Set<string>>;
  const { puts, deletes } = plan(records, old, storedDigests(digestRecord?.value));

  const total = RECORD_STORES.reduce((n, name) => n + puts[name].length + deletes[name].length, 0);
  let done = 0;
  // Whole percents only: a 10k-story pack has some 40k writes.
  const step = Math.max(1, Math.floor(total / 100));
  const tick = (): void => {
    done++;
    if (onProgress && (done % step === 0 || done === total)) onProgress(done, total);
  };
  try {
    // A request that fails later aborts the transaction, which tx.done reports.
    for (const name of RECORD_STORES) {
      const store = unwrap(tx.objectStore(name));
      for (const key of deletes[name]) store.delete(key).onsuccess = tick;
      for (const record of puts[name]) store.put(record).onsuccess = tick;
    }
    const header: PackRecord = { id: pack.id, publisher: pack.publisher, version: pack.version, updated: pack.updated, installedAt, origin };
    unwrap(tx.objectStore('packs')).put(header);
    unwrap(tx.objectStore('meta')).put({ key: digestKey(pack.id), value: { stories: records.stories.map((s) => [s.story.id, s.digest]) } });
  } catch (error) {
    // One that throws at once (a value that cannot be stored) would otherwise leave the requests
    // made before it to commit: half a pack.
    tx.abort();
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
}

/** Removes a pack's stories, articles, categories and outlets; the reader's own state stays. */
export async function removePack(database: IDBPDatabase<StorylineDB>, packId: string): Promise<void> {
  const tx: PackTx = database.transaction(TX_STORES, 'readwrite');
  const requests: Promise<unknown>[] = [tx.objectStore('packs').delete(packId), tx.objectStore('meta').delete(digestKey(packId))];
  const prefix = scopedId(packId, '');
  // Every record id starts with `packId/`: one ranged delete per store instead of one per record,
  // unless another pack's id starts with that prefix too.
  const nested = (await tx.objectStore('packs').getAllKeys()).some((key) => key.startsWith(prefix));
  for (const name of RECORD_STORES) {
    const store = tx.objectStore(name);
    if (!nested) {
      requests.push(store.delete(IDBKeyRange.bound(prefix, `${prefix}\uffff`)));
      continue;
    }
    for (const key of await store.index('byPack').getAllKeys(packId)) requests.push(store.delete(key));
  }
  await Promise.all([...requests, tx.done]);
}
