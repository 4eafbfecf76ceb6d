// Reading history: each article the reader opens, kept as metadata plus headline and lead (the
// engine's term vectors are internal to it). A read article that matches a story joins it as a
// report of the reserved 'history' pack, so that story's coverage lists it, marked as read; one
// that matches nothing stays history only; joined reports live in `joinedReports`, never in a
// pack's story record. Joins are redone when packs change (a story can go).
import type { IDBPDatabase } from 'idb';
import type { StoryIndex } from '../../engine';
import type { ExtractedArticle } from '../../shared/messages';
import { HISTORY_TEXT_CHARS, type ArticleRecord, type HistoryRecord, type StorylineDB } from '../../shared/storage-schema';
import { displayHost } from '../../shared/url';
import { articleDoc, saveStoryIndexSoon, storyIndex } from '../matcher';
import { rejectedStories } from '../page-match';
import { hasReportAtUrl } from '../story-reports';

type Database = IDBPDatabase<StorylineDB>;

export const HISTORY_PACK_ID = 'history';
const articleId = (pageKey: string): string => `${HISTORY_PACK_ID}/${pageKey}`;

/** What of the page's match the history needs. */
export interface ReadingMatch {
  pageKey: string;
  storyId: string | null;
  /** The stored report the page is, if any: then it needs no joined copy. */
  currentArticleId: string | null;
}

export function joinedArticle(h: HistoryRecord, storyId: string): ArticleRecord {
  const outlet = h.siteName ?? displayHost(h.url) ?? '';
  return {
    id: articleId(h.pageKey),
    storyId,
    packId: HISTORY_PACK_ID,
    urlKey: h.pageKey,
    url: h.url,
    title: h.title,
    outlet,
    outletName: outlet,
    ...(h.published ? { published: h.published } : {}),
    ...(h.text ? { excerpt: h.text } : {}),
    kind: 'report',
  };
}

async function join(database: Database, index: StoryIndex, h: HistoryRecord, storyId: string): Promise<void> {
  const record = joinedArticle(h, storyId);
  await database.put('joinedReports', record);
  index.addArticle(storyId, articleDoc(record));
  saveStoryIndexSoon();
}

/** Keeps an article the reader opened; `index` is the engine's live index unless a test passes one. */
export async function recordReading(database: Database, article: ExtractedArticle, match: ReadingMatch, opts: { index?: StoryIndex; now?: Date } = {}): Promise<void> {
  const now = opts.now ?? new Date();
  const record: HistoryRecord = {
    pageKey: match.pageKey,
    url: article.canonicalUrl ?? article.url,
    title: article.title,
    siteName: article.siteName,
    published: article.published,
    readAt: now.toISOString(),
    text: (article.excerpt || article.text).slice(0, HISTORY_TEXT_CHARS),
    storyId: match.storyId,
  };
  await database.put('history', record);
  if (match.storyId && match.currentArticleId === null) await join(database, opts.index ?? (await storyIndex()), record, match.storyId);
}

/** After packs changed: joins to stories that are gone are dropped, and unjoined reads matched again. */
export async function rejoinHistory(database: Database, index: StoryIndex): Promise<void> {
  const joined = new Set<string>();
  for (const a of await database.getAll('joinedReports')) {
    if (await database.getKey('stories', a.storyId)) {
      if (a.urlKey) joined.add(a.urlKey);
      continue;
    }
    await database.delete('joinedReports', a.id);
    index.removeArticle(a.id);
  }
  for (const h of await database.getAll('history')) {
    // Already joined: nothing to add.
    if (!joined.has(h.pageKey)) await matchAgain(database, index, h);
  }
}

/** Matches a read article that has no joined copy again, and joins it to the story it matches now. */
export async function matchAgain(database: Database, index: StoryIndex, h: HistoryRecord): Promise<void> {
  // Itself a report of some pack: nothing to add.
  if (await hasReportAtUrl(database, h.pageKey)) return;
  const doc = articleDoc(joinedArticle(h, ''));
  const { match } = index.match(doc, { exclude: await rejectedStories(database, h.pageKey) });
  if (match) await join(database, index, h, match.storyId);
  if ((match?.storyId ?? null) !== h.storyId) await database.put('history', { ...h, storyId: match?.storyId ?? null });
}

async function forget(database: Database, records: readonly HistoryRecord[]): Promise<void> {
  const tx = database.transaction(['history', 'joinedReports'], 'readwrite');
  const deletes = records.flatMap((h) => [tx.objectStore('history').delete(h.pageKey), tx.objectStore('joinedReports').delete(articleId(h.pageKey))]);
  await Promise.all([...deletes, tx.done]);
}

/** Removes what was read more than `retentionDays` ago; answers how many entries went. */
export async function pruneHistory(database: Database, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const old = await database.getAllFromIndex('history', 'byReadAt', IDBKeyRange.upperBound(cutoff, true));
  await forget(database, old);
  return old.length;
}

export async function clearHistory(database: Database): Promise<void> {
  await forget(database, await database.getAll('history'));
}

/** History newest first. */
export async function historyNewestFirst(database: Database, limit = Infinity): Promise<HistoryRecord[]> {
  const out: HistoryRecord[] = [];
  let cursor = await database.transaction('history').store.index('byReadAt').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** Which of a story's reports the reader has read (the joined copies and stored reports they opened). */
export async function readArticleIds(database: Database, articles: readonly ArticleRecord[]): Promise<Set<string>> {
  const read = new Set<string>();
  for (const a of articles) {
    if (a.packId === HISTORY_PACK_ID || (a.urlKey !== undefined && (await database.getKey('history', a.urlKey)) !== undefined)) read.add(a.id);
  }
  return read;
}
