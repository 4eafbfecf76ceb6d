// Installing and removing packs. A pack is written in one transaction that awaits only IndexedDB
// requests (awaiting anything else would let the transaction commit half-way): validate first,
// then write. Records are namespaced by pack id so two packs can never overwrite each other.
//
// What costs time in a browser is the number of requests (about 80 µs each in Chromium's backend),
// not the bytes. So a story is one record with its reports, a pack's records are found by key range
// rather than through an index of their own (pack-keys.ts), and a newer version of an installed
// pack rewrites only the stories whose digest changed and deletes only the records it no longer
// has; the old version's records are never read, only their keys. Requests are raw IndexedDB
// requests: no promise per request, one for the transaction.
import { CallError } from '../contracts/call-result';
import { unwrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Pack } from '../formats/model';
import type { PackRecord, StorylineDB } from '../formats/storage-schema';
import { PACK_STORES, packKeys, packRange, rangeKeys, sharesRange, type PackStore } from './pack-keys';
import { packRecords, scopedId, type PackRecords } from './sources/pack-records';
import { carryMergedState } from './merged-story-state';
import { renamedStories } from './pack-renames';

export { scopedId };

// userState and joinedReports: what the reader kept about a story the new version renamed follows it.
const TX_STORES: ('packs' | 'meta' | 'userState' | 'joinedReports' | PackStore)[] = ['packs', 'meta', 'userState', 'joinedReports', ...PACK_STORES];
type PackTx = IDBPTransaction<StorylineDB, typeof TX_STORES, 'readwrite'>;

/** Called as records land: `done` of `total` writes. Never awaited, so it cannot end the transaction. */
export type InstallProgress = (done: number, total: number) => void;

/**
 * The durability hint of install transactions. 'relaxed' lets the browser report the commit
 * before the disk has it: the transaction stays all or nothing (a crash loses the whole install,
 * never half), and a reader's import no longer waits on the disk's flush. Measured both ways by
 * `npm run bench:import -- --browser chromium --durability strict|relaxed` (docs/benchmarks.md).
 */
export const installTuning: { durability: IDBTransactionDurability } = { durability: 'relaxed' };

/** Pack ids that name the reader's own data, which no pack file or subscription may take. */
export const RESERVED_PACK_IDS: ReadonlySet<string> = new Set(['feeds', 'history']);

/** The story digests of an installed pack, in `meta` beside the records they describe. */
export const digestKey = (packId: string): string => `pack-digests:${packId}`;

export function storedDigests(value: unknown): Map<string, string> {
  const stories = (value as { stories?: unknown } | undefined)?.stories;
  return new Map(Array.isArray(stories) ? stories.filter((e): e is [string, string] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string') : []);
}

/** What the new version writes, given the keys and digests of the installed one. */
function plan(records: PackRecords, old: Record<PackStore, Set<string>>, digests: Map<string, string>) {
  const puts: Record<PackStore, object[]> = { stories: [], categories: records.categories, outlets: records.outlets };
  const keep: Record<PackStore, Set<string>> = {
    stories: new Set(records.stories.map((s) => s.story.id)),
    categories: new Set(records.categories.map((c) => c.id)),
    outlets: new Set(records.outlets.map((o) => o.id)),
  };
  for (const { story, digest } of records.stories) {
    // Unchanged only if the digest matches and the record it describes is still stored.
    if (digests.get(story.id) !== digest || !old.stories.has(story.id)) puts.stories.push(story);
  }
  const deletes = Object.fromEntries(PACK_STORES.map((name) => [name, [...old[name]].filter((key) => !keep[name].has(key))])) as Record<PackStore, string[]>;
  return { puts, deletes };
}

const RECORD_KIND: Record<PackStore, string> = { stories: 'story', categories: 'category', outlets: 'outlet' };

/** A record to be written under a key another pack's record holds (pack-keys.ts `rangeKeys`), if any. */
function foreignClash(puts: Record<PackStore, object[]>, keys: { foreign: Map<string, string> }[]): { kind: string; id: string; owner: string } | null {
  for (const [i, name] of PACK_STORES.entries()) {
    const foreign = keys[i]!.foreign;
    if (foreign.size === 0) continue;
    for (const record of puts[name]) {
      const { id } = record as { id: string };
      const owner = foreign.get(id);
      if (owner !== undefined) return { kind: RECORD_KIND[name], id, owner };
    }
  }
  return null;
}

/** Calls `onProgress` as the `total` requests land, on every hundredth of them only. */
function progressTracker(total: number, onProgress?: InstallProgress): (request: IDBRequest) => void {
  const step = Math.max(1, Math.floor(total / 100));
  let made = 0;
  return (request) => {
    made++;
    // Requests of a transaction complete in the order they were made: this one is the made-th.
    const done = made;
    if (onProgress && (done % step === 0 || done === total)) request.onsuccess = () => onProgress(done, total);
  };
}

export async function installPack(
  database: IDBPDatabase<StorylineDB>,
  pack: Pack,
  origin: PackRecord['origin'],
  installedAt = new Date().toISOString(),
  onProgress?: InstallProgress,
): Promise<void> {
  const records = packRecords(pack);
  const tx: PackTx = database.transaction(TX_STORES, 'readwrite', { durability: installTuning.durability });
  // The keys (never the values) of what the installed version holds.
  const [digestRecord, installed] = await Promise.all([tx.objectStore('meta').get(digestKey(pack.id)), tx.objectStore('packs').getAllKeys()]);
  const keys = await Promise.all(PACK_STORES.map((name) => rangeKeys(tx.objectStore(name), pack.id, installed)));
  const old = Object.fromEntries(PACK_STORES.map((name, i) => [name, new Set(keys[i]!.own)])) as Record<PackStore, Set<string>>;
  const { puts, deletes } = plan(records, old, storedDigests(digestRecord?.value));
  const clash = foreignClash(puts, keys);
  if (clash) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new CallError('invalid', `the ${clash.kind} "${clash.id.slice(pack.id.length + 1)}" would take the place of one of the installed pack "${clash.owner}" (both are stored as "${clash.id}"): rename it, or remove that pack first`);
  }

  // Before any write: the stories' records as the old version has them tell where theirs went.
  const going = new Set(deletes.stories);
  const renamed = going.size === 0 ? new Map<string, string>() : await renamedStories(unwrap(tx), (id) => going.has(id), records.stories);
  if (renamed.size > 0) await carryMergedState(unwrap(tx), renamed);

  const track = progressTracker(PACK_STORES.reduce((n, name) => n + puts[name].length + deletes[name].length, 0), onProgress);
  try {
    // A request that fails later aborts the transaction, which tx.done reports.
    for (const name of PACK_STORES) {
      const store = unwrap(tx.objectStore(name));
      for (const key of deletes[name]) track(store.delete(key));
      for (const record of puts[name]) track(store.put(record));
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

/**
 * Removes a pack's stories (with their reports), categories and outlets; the reader's own state
 * stays, and so do history's joined reports until the next rejoin (sources/history.ts).
 */
export async function removePack(database: IDBPDatabase<StorylineDB>, packId: string): Promise<void> {
  const tx: PackTx = database.transaction(TX_STORES, 'readwrite');
  const requests: Promise<unknown>[] = [tx.objectStore('packs').delete(packId), tx.objectStore('meta').delete(digestKey(packId))];
  const installed = await tx.objectStore('packs').getAllKeys();
  // One ranged delete per store instead of one per record, unless another pack shares the range.
  const shared = sharesRange(packId, installed);
  for (const name of PACK_STORES) {
    const store = tx.objectStore(name);
    if (!shared) {
      requests.push(store.delete(packRange(packId)));
      continue;
    }
    for (const key of await packKeys(store, packId, installed)) requests.push(store.delete(key));
  }
  await Promise.all([...requests, tx.done]);
}
