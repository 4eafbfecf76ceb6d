// The reader's choices for sources and history, kept in the `meta` store beside the data they govern.
import type { IDBPDatabase } from 'idb';
import { int, isRecord } from '../../formats/guards';
import { DEFAULT_SOURCE_PREFS, SOURCE_PREF_BOUNDS, type SourcePrefs } from '../../formats/source-prefs';
import type { StorylineDB } from '../../formats/storage-schema';

/** The prefs' record in `meta` (an import writes it in its own transaction: reader-data.ts). */
export const PREFS_KEY = 'source-prefs';

export const DEFAULT_PREFS: SourcePrefs = DEFAULT_SOURCE_PREFS;

/** The stored record's value, repaired field by field: a value missing or out of range is its default. */
export function repairPrefs(value: unknown): SourcePrefs {
  if (!isRecord(value)) return DEFAULT_PREFS;
  const read = (key: keyof SourcePrefs): number => int(value[key], ...SOURCE_PREF_BOUNDS[key]) ?? DEFAULT_PREFS[key];
  return { refreshHours: read('refreshHours'), retentionDays: read('retentionDays'), feedRetentionDays: read('feedRetentionDays') };
}

export async function readPrefs(database: IDBPDatabase<StorylineDB>): Promise<SourcePrefs> {
  return repairPrefs((await database.get('meta', PREFS_KEY))?.value);
}

/** Read and written in one transaction: an import merging the file's prefs at the same time loses neither change. */
export async function writePrefs(database: IDBPDatabase<StorylineDB>, change: Partial<SourcePrefs>): Promise<SourcePrefs> {
  const tx = database.transaction('meta', 'readwrite');
  const next = { ...repairPrefs((await tx.store.get(PREFS_KEY))?.value), ...change };
  await Promise.all([tx.store.put({ key: PREFS_KEY, value: next }), tx.done]);
  return next;
}
