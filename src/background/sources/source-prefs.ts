// The reader's choices for sources and history, kept in the `meta` store beside the data they govern.
import type { IDBPDatabase } from 'idb';
import { int, isRecord } from '../../shared/guards';
import type { StorylineDB } from '../../shared/storage-schema';
import type { SourcePrefs } from '../../shared/views';

const KEY = 'source-prefs';

export const DEFAULT_PREFS: SourcePrefs = { refreshHours: 6, retentionDays: 90 };

export async function readPrefs(database: IDBPDatabase<StorylineDB>): Promise<SourcePrefs> {
  const value = (await database.get('meta', KEY))?.value;
  if (!isRecord(value)) return DEFAULT_PREFS;
  return {
    refreshHours: int(value['refreshHours'], 1) ?? DEFAULT_PREFS.refreshHours,
    retentionDays: int(value['retentionDays'], 1) ?? DEFAULT_PREFS.retentionDays,
  };
}

export async function writePrefs(database: IDBPDatabase<StorylineDB>, change: Partial<SourcePrefs>): Promise<SourcePrefs> {
  const next = { ...(await readPrefs(database)), ...change };
  await database.put('meta', { key: KEY, value: next });
  return next;
}
