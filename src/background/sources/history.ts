// Reading history: each article the reader opens, kept as metadata plus headline and lead (the
// engine's term vectors are internal to it). A read article that matches a story joins it as a
// report of the reserved 'history' pack, so that story's coverage lists it, marked as read; one
// that matches nothing stays history only; joined reports live in `joinedReports`, never in a
// pack's story record. Joins are redone when packs change (a story can go).
import type { IDBPDatabase } from 'idb';
import type { StoryIndex } from '../../engine';
import type { ExtractedArticle } from '../../contracts/page-report';
import { CONFIRMATION_PREFIX, HISTORY_PACK_ID, historyArticleId, REJECTION_PREFIX, type ArticleRecord, type HistoryRecord, type StorylineDB } from '../../formats/storage-schema';
import { displayHost } from '../../formats/url';
import { articleDoc, joinToIndex, saveStoryIndexSoon, SNAPSHOT_KEYS, storyIndex } from '../matcher';
import { pageOutletName } from '../feeds/outlet-names';
import { confirmedStory, forgetPageAnswer, pageAnswerOf, prefixRange, rejectedStories } from '../page-match';
import { hasReportAtUrl } from '../story-reports';
import { historyText, launchedMatch } from '../page-doc';

type Database = IDBPDatabase<StorylineDB>;

export { HISTORY_PACK_ID };
const articleId = historyArticleId;

/** What of the page's match the history needs. */
export interface ReadingMatch {
  pageKey: string;
  storyId: string | null;
  /** The stored report the page is, if any: then it needs no joined copy. */
  currentArticleId: string | null;
}

export function joinedArticle(h: HistoryRecord, storyId: string): ArticleRecord {
  const host = displayHost(h.url) ?? '';
  const outlet = pageOutletName(h.siteName ?? null, host);
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
    kind: h.kind ?? 'report',
  };
}

async function join(database: Database, index: StoryIndex, h: HistoryRecord, storyId: string): Promise<string> {
  const record = joinedArticle(h, storyId);
  await joinToIndex(database, index, record);
  return record.id;
}

/** Two flat records (history entries, joined copies) that hold the same values. */
function sameFields<T extends object>(a: T, b: T): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => left[key] === right[key]);
}

export interface ReadingOptions {
  /** The engine's live index unless a test passes one. */
  index?: StoryIndex;
  now?: Date;
  /**
   * The page came back rather than being opened (a reload, Back or Forward, a tab the browser
   * restored, the site switched back on): the same reading as before. A page already in the
   * history keeps its read time, and nothing is written that has not changed: a restart restoring
   * forty articles re-dated every one of them and saved the engine's snapshot again for each.
   */
  revisit?: boolean;
}

/**
 * Keeps an article the reader opened. Answers the id of the report the page became in its story,
 * when it joined one: the page being read is that report from then on, never "another outlet's report".
 */
export async function recordReading(database: Database, article: ExtractedArticle, match: ReadingMatch, opts: ReadingOptions = {}): Promise<string | null> {
  const now = opts.now ?? new Date();
  const earlier = opts.revisit ? await database.get('history', match.pageKey) : undefined;
  const record: HistoryRecord = {
    pageKey: match.pageKey,
    url: article.canonicalUrl ?? article.url,
    title: article.title,
    siteName: article.siteName,
    published: article.published,
    readAt: earlier?.readAt ?? now.toISOString(),
    text: historyText(article),
    storyId: match.storyId,
    ...(article.kind === 'opinion' || article.kind === 'analysis' ? { kind: article.kind } : {}),
  };
  if (!earlier || !sameFields(earlier, record)) await database.put('history', record);
  if (!match.storyId || match.currentArticleId !== null) return null;
  const index = opts.index ?? (await storyIndex());
  if (earlier) {
    // Joined as it is already, the engine knowing it there: the join stands.
    const joined = await database.get('joinedReports', articleId(match.pageKey));
    if (joined && sameFields(joined, joinedArticle(record, match.storyId)) && index.storyOf(joined.id) === match.storyId) return joined.id;
  }
  return join(database, index, record, match.storyId);
}

/**
 * After packs changed (or an import added history): joins to stories that are gone are dropped, and
 * unjoined reads matched again; `only`, when given, limits the matching to those page keys (what an
 * import added). Everything is read first in a few bulk requests, matched in memory, and written in
 * one transaction: one lookup and one write transaction per entry made a 100k-entry import take
 * minutes (issue 16).
 */
export async function rejoinHistory(database: Database, index: StoryIndex, only?: ReadonlySet<string>): Promise<void> {
  const stories = await database.getAll('stories');
  const storyIds = new Set(stories.map((story) => story.id));
  const storyUrls = new Set(stories.flatMap((story) => story.urlKeys));
  const reportUrls = new Set(storyUrls);
  const gone: string[] = [];
  for (const a of await database.getAll('joinedReports')) {
    // Its story went, or its page is now a story's own report (a feed carries it): the copy goes.
    if (!storyIds.has(a.storyId) || (a.urlKey !== undefined && storyUrls.has(a.urlKey))) gone.push(a.id);
    else if (a.urlKey) reportUrls.add(a.urlKey);
  }
  const rejected = new Map<string, Set<string>>();
  for (const r of await database.getAll('userState', prefixRange(REJECTION_PREFIX))) {
    if (r.kind === 'rejected') rejected.set(r.pageKey, (rejected.get(r.pageKey) ?? new Set()).add(r.storyId));
  }
  // The reader's own word on a page (page-match.ts confirmMatch) stands over the engine's.
  const confirmed = new Map<string, string>();
  for (const r of await database.getAll('userState', prefixRange(CONFIRMATION_PREFIX))) {
    if (r.kind === 'confirmed' && storyIds.has(r.storyId)) confirmed.set(r.pageKey, r.storyId);
  }
  let joins: { pageKey: string; record: ArticleRecord }[] = [];
  let updates: HistoryRecord[] = [];
  for (const h of await database.getAll('history')) {
    // Already joined, or itself a report of some pack: nothing to add.
    if ((only && !only.has(h.pageKey)) || reportUrls.has(h.pageKey)) continue;
    const storyId = confirmed.get(h.pageKey) ?? launchedMatch(index.match(articleDoc(joinedArticle(h, '')), { exclude: rejected.get(h.pageKey) ?? new Set() }), h.kind)?.storyId ?? null;
    if (storyId) joins.push({ pageKey: h.pageKey, record: joinedArticle(h, storyId) });
    if (storyId !== h.storyId) updates.push({ ...h, storyId });
  }
  const tx = database.transaction(['joinedReports', 'history'], 'readwrite');
  const joined = tx.objectStore('joinedReports');
  const history = tx.objectStore('history');
  // Written only for the entries still there: the reader may have cleared history, or removed a
  // page, while this matched (an import's finish runs it outside the sources' queue), and a read
  // removed must not come back, nor its copy among a story's reports.
  const still = new Set((await history.getAllKeys()).map(String));
  joins = joins.filter((j) => still.has(j.pageKey));
  updates = updates.filter((h) => still.has(h.pageKey));
  await Promise.all([
    ...gone.map((id) => joined.delete(id)),
    ...joins.map(({ record }) => joined.put(record)),
    ...updates.map((record) => history.put(record)),
    tx.done,
  ]);
  for (const id of gone) index.removeArticle(id);
  for (const { record } of joins) index.addArticle(record.storyId, articleDoc(record));
  if (gone.length + joins.length > 0) saveStoryIndexSoon();
}

/** Matches a read article that has no joined copy again, and joins it to the story it matches now. */
export async function matchAgain(database: Database, index: StoryIndex, h: HistoryRecord): Promise<void> {
  // Itself a report of some pack: nothing to add.
  if (await hasReportAtUrl(database, h.pageKey)) return;
  const storyId = (await confirmedStory(database, h.pageKey)) ?? launchedMatch(index.match(articleDoc(joinedArticle(h, '')), { exclude: await rejectedStories(database, h.pageKey) }), h.kind)?.storyId ?? null;
  if (!storyId && storyId === h.storyId) return;
  // Written only while the entry is still there: the reader may have removed it (or cleared
  // history) since `h` was read, and a removed read must not come back.
  const tx = database.transaction(['history', 'joinedReports'], 'readwrite');
  if (!(await tx.objectStore('history').getKey(h.pageKey))) return tx.done;
  const record = storyId ? joinedArticle(h, storyId) : null;
  await Promise.all([
    ...(record ? [tx.objectStore('joinedReports').put(record)] : []),
    ...(storyId !== h.storyId ? [tx.objectStore('history').put({ ...h, storyId })] : []),
    tx.done,
  ]);
  if (!record) return;
  index.addArticle(record.storyId, articleDoc(record));
  saveStoryIndexSoon();
}

/**
 * "Not this story" on a page reading history joined to that story: the page is no longer one of
 * its reports (its coverage, its count, the engine's index). The history entry stays, with no story.
 */
export async function unjoin(database: Database, pageKey: string, storyId: string): Promise<void> {
  const id = articleId(pageKey);
  const tx = database.transaction(['joinedReports', 'history'], 'readwrite');
  const joined = await tx.objectStore('joinedReports').get(id);
  if (joined?.storyId !== storyId) return tx.done;
  const h = await tx.objectStore('history').get(pageKey);
  await Promise.all([tx.objectStore('joinedReports').delete(id), ...(h ? [tx.objectStore('history').put({ ...h, storyId: null })] : []), tx.done]);
  (await storyIndex()).removeArticle(id);
  saveStoryIndexSoon();
}

/**
 * Forgets the reader's answer about one page read: a page their word had joined to a story leaves
 * it, and the page is matched again by the engine alone (which may offer, or join, what they refused).
 */
export async function forgetAnswerAbout(database: Database, index: StoryIndex, pageKey: string): Promise<void> {
  const said = await pageAnswerOf(database, pageKey);
  await forgetPageAnswer(database, pageKey);
  if (said?.kind === 'confirmed') await unjoin(database, pageKey, said.storyId);
  const h = await database.get('history', pageKey);
  if (h) await matchAgain(database, index, h);
}

/**
 * Deletes the entries of `pageKeys` and their copies among stories' reports; answers whether any
 * had such a copy. If so, the engine's stored snapshot, which holds the copies (their addresses and
 * words), goes in the same transaction: the next worker builds the index from what is stored, or
 * the live index, once the caller took the copies out, is saved again.
 */
async function forget(database: Database, pageKeys: readonly string[]): Promise<boolean> {
  const tx = database.transaction(['history', 'joinedReports', 'meta'], 'readwrite');
  const joinedReports = tx.objectStore('joinedReports');
  const copies = await Promise.all(pageKeys.map((key) => joinedReports.count(articleId(key))));
  const joined = copies.some((n) => n > 0);
  const deletes = pageKeys.flatMap((key) => [tx.objectStore('history').delete(key), joinedReports.delete(articleId(key))]);
  const snapshot = joined ? SNAPSHOT_KEYS.map((key) => tx.objectStore('meta').delete(key)) : [];
  await Promise.all([...deletes, ...snapshot, tx.done]);
  return joined;
}

/**
 * Removes one page read as if it had never been read: its entry, its copy among a story's reports
 * (and the engine's index), and the reader's answers about it, which hold its address too.
 */
export async function removeFromHistory(database: Database, index: StoryIndex, pageKey: string): Promise<void> {
  const joined = await forget(database, [pageKey]);
  await forgetPageAnswer(database, pageKey);
  if (!joined) return;
  index.removeArticle(articleId(pageKey));
  saveStoryIndexSoon();
}

/** Removes what was read more than `retentionDays` ago; answers how many entries went. */
export async function pruneHistory(database: Database, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const old = await database.getAllFromIndex('history', 'byReadAt', IDBKeyRange.upperBound(cutoff, true));
  await forget(database, old.map((h) => h.pageKey));
  return old.length;
}

/** Removes every page read. The caller drops the live index (matcher.ts invalidateStoryIndex): it holds the joined reads. */
export async function clearHistory(database: Database): Promise<void> {
  await forget(database, (await database.getAllKeys('history')).map(String));
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
