// "Follow story": the reader asks to hear when a story gets new coverage (a feed refresh, a pack
// update). A followed story remembers which of its reports the reader has been shown; any other
// report is new. The toolbar badge (badge.ts) shows the number of new reports on every tab that has
// no count of its own, and the popup lists followed stories with what is new.
import { CallError, STORY_GONE } from '../contracts/call-result';
import type { IDBPDatabase } from 'idb';
import { followKey, type StorylineDB, type UserStateRecord } from '../formats/storage-schema';
import type { FollowedStory, StoryView } from '../contracts/views';
import { reportIds } from './story-reports';
import { writeForStory } from './story-writes';

type Database = IDBPDatabase<StorylineDB>;
type FollowRecord = Extract<UserStateRecord, { kind: 'follow' }>;

/** Report ids remembered per story: more than any real story has, so a flood cannot grow storage. */
export const MAX_SEEN = 5_000;

async function followRecords(database: Database): Promise<FollowRecord[]> {
  return (await database.getAll('userState')).filter((r): r is FollowRecord => r.kind === 'follow');
}

/** Starts or stops following; what the story has now counts as seen. */
export async function setFollowing(database: Database, storyId: string, follow: boolean): Promise<void> {
  if (!follow) return writeForStory(database, storyId, (userState) => userState.delete(followKey(storyId)));
  if (!(await database.getKey('stories', storyId))) throw new CallError('not-found', STORY_GONE);
  const seen = (await reportIds(database, storyId)).slice(0, MAX_SEEN);
  await writeForStory(database, storyId, (userState) => userState.put({ key: followKey(storyId), kind: 'follow', storyId, at: new Date().toISOString(), seen }));
}

/**
 * The reader is being shown the story: answers which reports are new to them (for the "new" marks)
 * and remembers all of them as seen. Null when the story is not followed.
 */
export async function showFollowed(database: Database, storyId: string): Promise<Set<string> | null> {
  const key = followKey(storyId);
  if ((await database.get('userState', key))?.kind !== 'follow') return null;
  const ids = await reportIds(database, storyId);
  // Read again and written in one transaction: an unfollow meanwhile (the reader pressed
  // "Following" while this view was built) is not undone by writing the old record back.
  const tx = database.transaction('userState', 'readwrite');
  const record = await tx.store.get(key);
  let fresh: Set<string> | null = null;
  if (record?.kind === 'follow') {
    const seen = new Set(record.seen);
    fresh = new Set(ids.filter((id) => !seen.has(id)));
    if (fresh.size > 0) void tx.store.put({ ...record, seen: ids.slice(0, MAX_SEEN) });
  }
  await tx.done;
  return fresh;
}

/** Followed stories that still exist, those with new reports first, then by title. */
export async function followedStories(database: Database): Promise<FollowedStory[]> {
  const out: FollowedStory[] = [];
  for (const record of await followRecords(database)) {
    const story = await database.get('stories', record.storyId);
    if (!story) continue;
    const ids = await reportIds(database, record.storyId);
    const seen = new Set(record.seen);
    out.push({ id: story.id, title: story.title, reportCount: ids.length, newReports: ids.filter((id) => !seen.has(id)).length });
  }
  return out.sort((a, b) => b.newReports - a.newReports || a.title.localeCompare(b.title));
}

/**
 * A story as the sidebar shows it: whether it is followed, and which reports are new to the reader
 * (now seen). `seenNew` tells the caller the badge count went down.
 */
export async function withFollowing(database: Database, view: StoryView): Promise<{ view: StoryView; seenNew: boolean }> {
  const fresh = await showFollowed(database, view.id);
  if (fresh === null) return { view, seenNew: false };
  const reports = view.reports.map((report) => (fresh.has(report.id) ? { ...report, fresh: true } : report));
  return { view: { ...view, following: true, reports }, seenNew: fresh.size > 0 };
}
