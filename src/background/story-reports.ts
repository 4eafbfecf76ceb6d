// A story's reports, wherever they are stored: its pack's reports inside the story record, and the
// reports reading history joined to it in `joinedReports`. Every reader of reports goes through
// here, so none of them can forget one of the two places.
import type { IDBPDatabase } from 'idb';
import type { ArticleRecord, StoryRecord, StorylineDB } from '../formats/storage-schema';

type Database = IDBPDatabase<StorylineDB>;

/** A story's own reports, each with its story and pack. */
export function ownReports(story: StoryRecord): ArticleRecord[] {
  return story.reports.map((report) => ({ ...report, storyId: story.id, packId: story.packId }));
}

/** Every report of the story: its pack's in pack order, then the joined ones. */
export async function storyReports(database: Database, story: StoryRecord): Promise<ArticleRecord[]> {
  return [...ownReports(story), ...(await database.getAllFromIndex('joinedReports', 'byStory', story.id))];
}

/** The ids of a stored story's reports; empty when the story is not stored. */
export async function reportIds(database: Database, storyId: string): Promise<string[]> {
  const story = await database.get('stories', storyId);
  if (!story) return [];
  return [...story.reports.map((r) => r.id), ...(await database.getAllKeysFromIndex('joinedReports', 'byStory', storyId))];
}

/** How many reports a stored story has. */
export async function reportCount(database: Database, story: StoryRecord): Promise<number> {
  return story.reports.length + (await database.countFromIndex('joinedReports', 'byStory', story.id));
}

/** The stored reports whose URL key is `key`: pack reports first, then joined ones. */
export async function reportsAtUrl(database: Database, key: string): Promise<ArticleRecord[]> {
  const stories = await database.getAllFromIndex('stories', 'byUrlKey', key);
  const own = stories.flatMap((story) => ownReports(story).filter((r) => r.urlKey === key));
  return [...own, ...(await database.getAllFromIndex('joinedReports', 'byUrlKey', key))];
}

/** Whether any stored report has the URL key `key`. */
export async function hasReportAtUrl(database: Database, key: string): Promise<boolean> {
  if ((await database.countFromIndex('stories', 'byUrlKey', key)) > 0) return true;
  return (await database.countFromIndex('joinedReports', 'byUrlKey', key)) > 0;
}

/** Every stored report, for building the engine's index. */
export async function everyReport(database: Database): Promise<ArticleRecord[]> {
  const own = (await database.getAll('stories')).flatMap(ownReports);
  return [...own, ...(await database.getAll('joinedReports'))];
}
