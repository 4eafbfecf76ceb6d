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

/**
 * Appends for many requests at once (a batch fetches a hundred sources, six at a time): entries
 * that arrive while a write is under way go together in the next one, so a batch writes a few
 * transactions, not one per request. In Chromium each append was a transaction of its own that
 * its request waited for: 26 ms per source of a 100-source refresh, half of its fetch phase.
 * Each caller's promise settles once its own entries are stored (or could not be); order is kept.
 */
export function networkLogWriter(database: IDBPDatabase<StorylineDB>): (entries: readonly NetworkLogEntry[]) => Promise<void> {
  let queued: { entries: readonly NetworkLogEntry[]; done: (error?: unknown) => void }[] = [];
  let writing = false;
  const drain = async (): Promise<void> => {
    writing = true;
    while (queued.length) {
      const batch = queued;
      queued = [];
      let failure: unknown = null;
      await appendNetworkLog(database, batch.flatMap((b) => b.entries)).catch((error: unknown) => (failure = error ?? new Error('network log write failed')));
      for (const b of batch) b.done(failure ?? undefined);
    }
    writing = false;
  };
  return (entries) =>
    new Promise<void>((resolve, reject) => {
      if (!entries.length) return resolve();
      queued.push({ entries, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!writing) void drain();
    });
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
