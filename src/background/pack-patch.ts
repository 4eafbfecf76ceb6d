// Rewriting part of an installed pack in place: the reader's feed stories after one feed changed.
// The caller opens the transaction (it writes the feeds' own stores in the same one) and this
// module only makes IndexedDB requests in it, awaiting nothing else. The story digests of
// pack-store.ts are kept in step, so a later full install still rewrites only what differs.
import { CallError } from '../contracts/call-result';
import type { CategoryRecord, OutletRecord, PackRecord, StoryRecord } from '../formats/storage-schema';
import { PACK_STORES, packKeys, packRange, rangeKeys, sharesRange, type PackStore, type ScopedStore } from './pack-keys';
import { digestKey, storedDigests } from './pack-store';
import type { DigestedStory } from './sources/pack-records';

/** The stores a patch writes: the caller's transaction must cover them. */
export const PATCH_STORES = ['packs', 'meta', ...PACK_STORES] as const;

/** A request's result, as a promise (raw requests keep patchPack free of per-request wrappers). */
export function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Part of an installed pack as it is now. */
export interface PackPatch {
  header: PackRecord;
  /** Stories as they are now: each is written only when its digest differs from the stored one. */
  stories: readonly DigestedStory[];
  /** Ids of stories to delete. */
  deleteStories: readonly string[];
  categories: readonly CategoryRecord[];
  deleteCategories: readonly string[];
  outlets: readonly OutletRecord[];
  deleteOutlets: readonly string[];
  /** The patch is the whole pack: every stored story it does not hold is deleted too. */
  whole: boolean;
}

/** Stories written (their records) and deleted (their ids) by a patch. */
export interface PatchOutcome {
  written: StoryRecord[];
  deleted: string[];
}

/** Applies a patch inside `tx` (covering PATCH_STORES); answers what it wrote and deleted. */
export async function patchPack(tx: IDBTransaction, patch: PackPatch): Promise<PatchOutcome> {
  const packId = patch.header.id;
  const store = (name: 'packs' | 'meta' | PackStore): IDBObjectStore => tx.objectStore(name);
  const [digestRecord, installed] = await Promise.all([result(store('meta').get(digestKey(packId))), result(store('packs').getAllKeys())]);
  const digests = storedDigests((digestRecord as { value?: unknown } | undefined)?.value);
  const others = installed.filter((k): k is string => typeof k === 'string');
  const deleted = new Set(patch.deleteStories);
  if (patch.whole || sharesRange(packId, others)) {
    const { own, foreign } = await rangeKeys(idbStore(store('stories')), packId, others);
    const clash = patch.stories.find((s) => foreign.has(s.story.id));
    if (clash) throw new CallError('invalid', `the story "${clash.story.id}" would take the place of one of the installed pack "${foreign.get(clash.story.id)}"`);
    if (patch.whole) {
      const keep = new Set(patch.stories.map((s) => s.story.id));
      for (const key of own) if (!keep.has(key)) deleted.add(key);
      // Digests of records that are not stored describe nothing.
      const stored = new Set(own);
      for (const id of [...digests.keys()]) if (!stored.has(id)) digests.delete(id);
    }
  }
  const written: StoryRecord[] = [];
  for (const { story, digest } of patch.stories) {
    if (deleted.has(story.id) || digests.get(story.id) === digest) continue;
    store('stories').put(story);
    digests.set(story.id, digest);
    written.push(story);
  }
  for (const id of deleted) {
    store('stories').delete(id);
    digests.delete(id);
  }
  const gone: Record<'categories' | 'outlets', Set<string>> = { categories: new Set(patch.deleteCategories), outlets: new Set(patch.deleteOutlets) };
  if (patch.whole) {
    // The whole pack: whatever else is stored under it goes (a state lost, a pack left by older code).
    for (const name of ['categories', 'outlets'] as const) {
      const keep = new Set(patch[name].map((r) => r.id));
      for (const key of (await rangeKeys(idbStore(store(name)), packId, others)).own) if (!keep.has(key)) gone[name].add(key);
    }
  }
  for (const c of patch.categories) store('categories').put(c);
  for (const o of patch.outlets) store('outlets').put(o);
  for (const name of ['categories', 'outlets'] as const) for (const id of gone[name]) store(name).delete(id);
  store('packs').put(patch.header);
  store('meta').put({ key: digestKey(packId), value: { stories: [...digests] } });
  return { written, deleted: [...deleted] };
}

/** The key lookups of pack-keys.ts over a raw object store. */
function idbStore(store: IDBObjectStore): ScopedStore {
  return {
    getAllKeys: (query) => result(store.getAllKeys(query)) as Promise<string[]>,
    getAll: (query) => result(store.getAll(query)) as Promise<{ id: string; packId: string }[]>,
  };
}

/** Deletes a pack inside `tx` (covering PATCH_STORES), as removePack does in its own transaction. */
export async function deletePackIn(tx: IDBTransaction, packId: string): Promise<void> {
  const installed = (await result(tx.objectStore('packs').getAllKeys())).filter((k): k is string => typeof k === 'string');
  tx.objectStore('packs').delete(packId);
  tx.objectStore('meta').delete(digestKey(packId));
  const shared = sharesRange(packId, installed);
  for (const name of PACK_STORES) {
    const store = tx.objectStore(name);
    if (!shared) store.delete(packRange(packId));
    else for (const key of await packKeys(idbStore(store), packId, installed)) store.delete(key);
  }
}
