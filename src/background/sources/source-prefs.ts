// The reader's choices for sources and history, kept in the `meta` store beside the data they govern.
import type { IDBPDatabase } from 'idb';
import { int, isRecord } from '../../formats/guards';
import { DEFAULT_SOURCE_PREFS, SOURCE_PREF_BOUNDS, type SourcePrefs } from '../../formats/source-prefs';
import type { StorylineDB } from '../../formats/storage-schema';

/** The prefs' record in `meta` (an import writes it in its own transaction: reader-data.ts). */
export const PREFS_KEY = 'source-prefs';

export const DEFAULT_PREFS: SourcePrefs = DEFAULT_SOURCE_PREFS;

export async function readPrefs(database: IDBPDatabase<StorylineDB>): Promise<SourcePrefs> {
  const value = (await database.get('meta', PREFS_KEY))?.value;
  if (!isRecord(value)) return DEFAULT_PREFS;
  const read = (key: keyof SourcePrefs): number => int(value[key], ...SOURCE_PREF_BOUNDS[key]) ?? DEFAULT_PREFS[key];
  return { refreshHours: read('refreshHours'), retentionDays: read('retentionDays'), feedRetentionDays: read('feedRetentionDays') };
}

export async function writePrefs(database: IDBPDatabase<StorylineDB>, change: Partial<SourcePrefs>): Promise<SourcePrefs> {
  const next = { ...(await readPrefs(database)), ...change };
  await database.put('meta', { key: PREFS_KEY, value: next });
  return next;
}
