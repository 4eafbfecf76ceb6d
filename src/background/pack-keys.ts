// Which records of a store are a pack's. Records are keyed `packId/localId`, so a pack's records
// are the key range of that prefix, with no index of their own to write at every install. Pack ids
// and local ids may both contain slashes, though: with packs 'a' and 'a/b' installed, the range of
// 'a' holds the records of 'a/b', and that of 'a/b' may hold a record of 'a' (story 'b/x'). Then,
// and only then, the records' own `packId` decides, at the cost of reading their values; and a
// record that would land on another pack's key ('a' story 'b/x' and 'a/b' story 'x' are both
// 'a/b/x') makes the install fail (pack-store.ts) rather than overwrite it.
import type { IDBPDatabase } from 'idb';
import type { StorylineDB } from '../formats/storage-schema';
import { scopedId } from './sources/pack-records';

/** The stores whose records belong to a pack. */
export const PACK_STORES = ['stories', 'categories', 'outlets'] as const;
export type PackStore = (typeof PACK_STORES)[number];

/** What of an idb object store (of any transaction mode) the key lookups use. */
export interface ScopedStore {
  getAllKeys(query: IDBKeyRange): Promise<string[]>;
  getAll(query: IDBKeyRange): Promise<{ id: string; packId: string }[]>;
}

/** The range holding every record of `packId` (and perhaps some of a pack it shares it with). */
export const packRange = (packId: string): IDBKeyRange => IDBKeyRange.bound(scopedId(packId, ''), scopedId(packId, '\uffff'));

/** Whether another installed pack's records can lie in `packId`'s range: one id extends the other. */
export function sharesRange(packId: string, installed: readonly string[]): boolean {
  return installed.some((other) => other !== packId && (other.startsWith(scopedId(packId, '')) || packId.startsWith(scopedId(other, ''))));
}

/** The keys of `packId`'s records in `store`, given the ids of the installed packs. */
export async function packKeys(store: ScopedStore, packId: string, installed: readonly string[]): Promise<string[]> {
  return (await rangeKeys(store, packId, installed)).own;
}

/**
 * The keys in `packId`'s range: its own, and those of another pack sharing the range (key → that
 * pack's id). A record of `packId` put under a key of the second kind would overwrite the other
 * pack's: pack 'a' story 'b/x' and pack 'a/b' story 'x' are both stored as 'a/b/x'.
 */
export async function rangeKeys(store: ScopedStore, packId: string, installed: readonly string[]): Promise<{ own: string[]; foreign: Map<string, string> }> {
  const foreign = new Map<string, string>();
  if (!sharesRange(packId, installed)) return { own: await store.getAllKeys(packRange(packId)), foreign };
  const own: string[] = [];
  for (const record of await store.getAll(packRange(packId))) {
    if (record.packId === packId) own.push(record.id);
    else foreign.set(record.id, record.packId);
  }
  return { own, foreign };
}

/** How many records of `store` `packId` has installed. */
export async function packRecordCount(database: IDBPDatabase<StorylineDB>, store: PackStore, packId: string): Promise<number> {
  const tx = database.transaction(['packs', store]);
  const installed = await tx.objectStore('packs').getAllKeys();
  const records = tx.objectStore(store);
  // Counted in the backend, without the keys, when the range is the pack's alone.
  return sharesRange(packId, installed) ? (await packKeys(records, packId, installed)).length : records.count(packRange(packId));
}

/** How many stories `packId` has installed. */
export const packStoryCount = (database: IDBPDatabase<StorylineDB>, packId: string): Promise<number> => packRecordCount(database, 'stories', packId);

/** The records of `packId` in `store`, whatever other pack shares its range. */
export async function packValues<S extends PackStore>(database: IDBPDatabase<StorylineDB>, store: S, packId: string): Promise<StorylineDB[S]['value'][]> {
  const records = await database.getAll(store, packRange(packId));
  return records.filter((record) => record.packId === packId);
}
