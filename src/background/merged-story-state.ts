// When two feed stories turn out to be one (a new report bridges them: stream-clusterer.ts), the
// newer story's id goes and its reports live on in the older one. What the reader kept about the
// story that went follows its reports: following it (what they had seen stays seen, and the other
// story's reports, which were there before, are not announced as new), the categories they filed
// it under and the steps they ticked, unless the story that took it has its own. Without this a
// followed story vanished from the popup just as it grew. A page the reader said is about the
// story that went is about the story that took its reports. A rejection ("Not this story" on one
// page) is not carried: the merged story is another whole, and may be that page's story.
import { actionStateKey, categoriesKey, followKey, type StoryRecord, type UserStateRecord } from '../formats/storage-schema';
import { MAX_SEEN } from './follow';
import { result } from './pack-patch';

/** The stores carryMergedState reads and writes: the caller's transaction must cover them. */
export const CARRY_STORES = ['userState', 'stories', 'joinedReports'] as const;

/**
 * Inside `tx` (covering CARRY_STORES), before the merged stories' records are rewritten: `merges`
 * maps the id of each story merged into another (as stored) to the id of the story holding its
 * reports now. Makes only IndexedDB requests, as a transaction that must not commit early needs.
 */
export async function carryMergedState(tx: IDBTransaction, merges: ReadonlyMap<string, string>): Promise<void> {
  const state = tx.objectStore('userState');
  for (const [from, to] of merges) {
    const records = (await result(state.index('byStory').getAll(from))) as UserStateRecord[];
    for (const record of records) {
      if (record.kind === 'rejected') continue;
      state.delete(record.key);
      const moved = await carried(tx, record, to);
      if (moved) state.put(moved);
    }
  }
}

/** `record` as the story `to` keeps it; null when `to` has its own, which stands. */
async function carried(tx: IDBTransaction, record: Exclude<UserStateRecord, { kind: 'rejected' }>, to: string): Promise<UserStateRecord | null> {
  const state = tx.objectStore('userState');
  const own = async (key: string): Promise<UserStateRecord | undefined> => (await result(state.get(key))) as UserStateRecord | undefined;
  switch (record.kind) {
    case 'follow': {
      const key = followKey(to);
      const followed = await own(key);
      // Both followed: what either had shown is seen. Only the merged one: the reports `to` had
      // before this change are not news to a reader who followed what they joined.
      const before = followed?.kind === 'follow' ? followed.seen : await reportsBefore(tx, to);
      const seen = [...new Set([...record.seen, ...before])].slice(0, MAX_SEEN);
      return { ...record, key, storyId: to, at: followed?.kind === 'follow' ? followed.at : record.at, seen };
    }
    case 'categories': {
      const key = categoriesKey(to);
      return (await own(key)) ? null : { ...record, key, storyId: to };
    }
    case 'action-done': {
      const key = actionStateKey(to, record.actionId);
      return (await own(key)) ? null : { ...record, key, storyId: to };
    }
    case 'confirmed':
      // Keyed by its page: the same record, now naming the story that holds the reports.
      return { ...record, storyId: to };
  }
}

/** The ids of the reports story `id` holds as stored (before this change is written). */
async function reportsBefore(tx: IDBTransaction, id: string): Promise<string[]> {
  const story = (await result(tx.objectStore('stories').get(id))) as StoryRecord | undefined;
  const joined = (await result(tx.objectStore('joinedReports').index('byStory').getAllKeys(id))) as string[];
  return [...(story?.reports ?? []).map((r) => r.id), ...joined];
}
