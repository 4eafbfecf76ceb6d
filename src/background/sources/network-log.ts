// The network log: every request the extension makes for a source, so the options page can show
// all the traffic Storyline causes. Only the latest entries are kept.
import type { IDBPDatabase } from 'idb';
import type { NetworkLogEntry } from '../../formats/source-request';
import type { StorylineDB } from '../../formats/storage-schema';

export const NETWORK_LOG_LIMIT = 500;

export async function appendNetworkLog(database: IDBPDatabase<StorylineDB>, entries: readonly NetworkLogEntry[]): Promise<void> {
  if (!entries.length) return;
  const tx = database.transaction('networkLog', 'readwrite');
  const writes: Promise<unknown>[] = entries.map((entry) => tx.store.add({ ...entry }));
  await Promise.all(writes);
  const count = await tx.store.count();
  if (count > NETWORK_LOG_LIMIT) {
    // Keys grow with each request, so the first keys are the oldest entries.
    const stale = await tx.store.getAllKeys(null, count - NETWORK_LOG_LIMIT);
    await Promise.all(stale.map((key) => tx.store.delete(key)));
  }
  await tx.done;
}

/** Forgets every logged request (the reader's "Clear"). */
export async function clearNetworkLog(database: IDBPDatabase<StorylineDB>): Promise<void> {
  await database.clear('networkLog');
}

/** The log, newest first. */
export async function networkLog(database: IDBPDatabase<StorylineDB>): Promise<NetworkLogEntry[]> {
  const records = await database.getAll('networkLog');
  return records.reverse().map(({ seq: _seq, ...entry }) => entry);
}
