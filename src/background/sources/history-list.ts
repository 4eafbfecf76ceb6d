// Reading history as the options page lists it: the newest entries, or those a search finds among
// all of them (by their own words or their story's title), each with its story and the reader's
// answer about the page.
import type { IDBPDatabase } from 'idb';
import type { HistoryView, PageAnswerView } from '../../contracts/views';
import type { HistoryRecord, StorylineDB } from '../../formats/storage-schema';
import { hasEveryWord, searchWords } from '../../formats/search-words';
import { pageAnswers } from '../page-match';
import { historyNewestFirst } from './history';

type Database = IDBPDatabase<StorylineDB>;

/** History entries the options page lists at once, newest or found; the export has them all. */
export const HISTORY_LISTED = 200;

/**
 * The entries, newest first, that have every word of `query` in their headline, site name, address
 * or the title of the story the page joined (all of history is read, so an entry long past the
 * listed newest is found), at most `limit` of them, and how many there are in all.
 */
export async function findInHistory(database: Database, query: string, limit = HISTORY_LISTED): Promise<{ found: HistoryRecord[]; matched: number }> {
  const words = searchWords(query);
  if (words.length === 0) return { found: [], matched: 0 };
  // Read whole first: a story's title is read in a transaction of its own, which would end a cursor's.
  const entries = (await database.getAllFromIndex('history', 'byReadAt')).reverse();
  const titleOf = storyTitles(database);
  const found: HistoryRecord[] = [];
  let matched = 0;
  for (const h of entries) {
    const storyTitle = h.storyId === null ? null : await titleOf(h.storyId);
    if (hasEveryWord(words, h.title, h.siteName, h.url, storyTitle) && matched++ < limit) found.push(h);
  }
  return { found, matched };
}

/** Story titles read as asked, each story once; null for a story that is gone. */
function storyTitles(database: Database): (storyId: string) => Promise<string | null> {
  const titles = new Map<string, string | null>();
  return async (storyId) => {
    if (!titles.has(storyId)) titles.set(storyId, (await database.get('stories', storyId))?.title ?? null);
    return titles.get(storyId) ?? null;
  };
}

/** The entries as listed: each with its story's title and the reader's answer about the page (every answer read at once, each story once). */
export async function historyViews(database: Database, records: readonly HistoryRecord[]): Promise<HistoryView[]> {
  const answers = await pageAnswers(database);
  const titleOf = storyTitles(database);
  const listed: HistoryView[] = [];
  for (const h of records) {
    const said = answers.get(h.pageKey);
    const answer = said ? { kind: said.kind, storyTitle: await titleOf(said.storyId) } : null;
    listed.push({ pageKey: h.pageKey, url: h.url, title: h.title, siteName: h.siteName, readAt: h.readAt, storyTitle: h.storyId ? await titleOf(h.storyId) : null, answer });
  }
  return listed;
}

/**
 * The reader's answers about pages that have no reading history entry (it aged out, was removed,
 * or history was off): the options page lists them apart, by address, so each can be forgotten.
 */
export async function answersWithoutHistory(database: Database): Promise<PageAnswerView[]> {
  const titleOf = storyTitles(database);
  const away: PageAnswerView[] = [];
  for (const [pageKey, said] of await pageAnswers(database)) {
    if ((await database.getKey('history', pageKey)) !== undefined) continue;
    away.push({ pageKey, answer: { kind: said.kind, storyTitle: await titleOf(said.storyId) } });
  }
  return away.sort((a, b) => a.pageKey.localeCompare(b.pageKey));
}

/** The newest entries, as listed. */
export async function newestHistory(database: Database): Promise<HistoryView[]> {
  return historyViews(database, await historyNewestFirst(database, HISTORY_LISTED));
}
