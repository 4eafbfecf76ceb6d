// Stories the reader's pages matched recently, for the popup. Only story ids and times are kept
// (never page addresses), and nothing from private windows.
import type { IDBPDatabase } from 'idb';
import type { StorylineDB } from '../formats/storage-schema';
import { reportCount } from './story-reports';
import type { StoryListing } from '../contracts/views';

const KEY = 'recent-stories';
const KEEP = 12;

interface Recent {
  storyId: string;
  at: string;
}

function listed(value: unknown): Recent[] {
  return Array.isArray(value) ? value.filter((r): r is Recent => typeof r?.storyId === 'string' && typeof r?.at === 'string') : [];
}

async function read(database: IDBPDatabase<StorylineDB>): Promise<Recent[]> {
  return listed((await database.get('meta', KEY))?.value);
}

/**
 * Puts `storyId` first in the reader's recent stories; with `keepPlace`, a story already listed
 * stays where it is (a page come back, not read anew) and only one not listed yet is added.
 */
export async function noteRecentStory(database: IDBPDatabase<StorylineDB>, storyId: string, opts: { at?: string; keepPlace?: boolean } = {}): Promise<void> {
  // Read and written in one transaction: tabs matched at once (a restored session) each add theirs.
  const tx = database.transaction('meta', 'readwrite');
  const before = listed((await tx.store.get(KEY))?.value);
  if (opts.keepPlace && before.some((r) => r.storyId === storyId)) return tx.done;
  const list = [{ storyId, at: opts.at ?? new Date().toISOString() }, ...before.filter((r) => r.storyId !== storyId)].slice(0, KEEP);
  void tx.store.put({ key: KEY, value: list });
  await tx.done;
}

/** Recent stories that still exist, newest first, without `except`. */
export async function recentStories(database: IDBPDatabase<StorylineDB>, except: string | null, limit = 5): Promise<StoryListing[]> {
  const ids = (await read(database)).map((r) => r.storyId).filter((id) => id !== except);
  return listedStories(database, ids, limit);
}

/** The stories of `ids` that still exist, in that order, at most `limit`: what the popup lists of each. */
export async function listedStories(database: IDBPDatabase<StorylineDB>, ids: readonly string[], limit = Infinity): Promise<StoryListing[]> {
  const out: StoryListing[] = [];
  for (const storyId of ids) {
    if (out.length >= limit) break;
    const story = await database.get('stories', storyId);
    if (story) out.push({ id: story.id, title: story.title, reportCount: await reportCount(database, story) });
  }
  return out;
}
