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
  const entries = (await database.getAllFromIndex('history', 'byReadAt')).reverse();
  // An entry's own words first; its story's title is read only for the entries they do not match
  // (each keystroke searches again: reading every story's title one after another was most of it).
  const own = entries.map((h) => hasEveryWord(words, h.title, h.siteName, address(h.url)));
  const titles = await storyTitles(database, entries.flatMap((h, i) => (own[i] || h.storyId === null ? [] : [h.storyId])));
  const found: HistoryRecord[] = [];
  let matched = 0;
  entries.forEach((h, i) => {
    const hit = own[i] || (h.storyId !== null && hasEveryWord(words, h.title, h.siteName, address(h.url), titles.get(h.storyId) ?? null));
    if (hit && matched++ < limit) found.push(h);
  });
  return { found, matched };
}

/** An address as searched: without its scheme, which every entry has ("p", "h" or "t" found all of history). */
const address = (url: string): string => url.replace(/^https?:\/\//i, '');

/** The titles of these stories, each read once, in one transaction; null for a story that is gone. */
async function storyTitles(database: Database, storyIds: Iterable<string>): Promise<Map<string, string | null>> {
  const ids = [...new Set(storyIds)];
  if (ids.length === 0) return new Map();
  const tx = database.transaction('stories');
  const stories = await Promise.all(ids.map((id) => tx.store.get(id)));
  return new Map(ids.map((id, i) => [id, stories[i]?.title ?? null]));
}

/** The entries as listed: each with its story's title and the reader's answer about the page (every answer read at once, each story once). */
export async function historyViews(database: Database, records: readonly HistoryRecord[]): Promise<HistoryView[]> {
  const answers = await pageAnswers(database);
  const titles = await storyTitles(database, records.flatMap((h) => [h.storyId, answers.get(h.pageKey)?.storyId ?? null].filter((id): id is string => id !== null)));
  const titleOf = (storyId: string): string | null => titles.get(storyId) ?? null;
  return records.map((h) => {
    const said = answers.get(h.pageKey);
    const answer = said ? { kind: said.kind, storyTitle: titleOf(said.storyId) } : null;
    return { pageKey: h.pageKey, url: h.url, title: h.title, siteName: h.siteName, readAt: h.readAt, storyTitle: h.storyId ? titleOf(h.storyId) : null, answer };
  });
}

/**
 * The reader's answers about pages that have no reading history entry (it aged out, was removed,
 * or history was off): the options page lists them apart, by address, so each can be forgotten.
 */
export async function answersWithoutHistory(database: Database): Promise<PageAnswerView[]> {
  const answers = [...(await pageAnswers(database))];
  const tx = database.transaction('history');
  const kept = await Promise.all(answers.map(([pageKey]) => tx.store.getKey(pageKey)));
  const away = answers.filter((_, i) => kept[i] === undefined);
  const titles = await storyTitles(database, away.map(([, said]) => said.storyId));
  return away.map(([pageKey, said]) => ({ pageKey, answer: { kind: said.kind, storyTitle: titles.get(said.storyId) ?? null } })).sort((a, b) => a.pageKey.localeCompare(b.pageKey));
}

/** The newest entries, as listed. */
export async function newestHistory(database: Database): Promise<HistoryView[]> {
  return historyViews(database, await historyNewestFirst(database, HISTORY_LISTED));
}
