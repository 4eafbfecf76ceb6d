// Matches an extracted page against the stored stories: first by identity (the page is a stored
// report), then by the reader's word (a story they said the page is about), then through the
// engine, never to a story the reader rejected for this page.
import type { IDBPDatabase } from 'idb';
import { CallError, STORY_GONE } from '../contracts/call-result';
import type { ExtractedArticle } from '../contracts/page-report';
import { CONFIRMATION_PREFIX, confirmationKey, HISTORY_PACK_ID, historyArticleId, REJECTION_PREFIX, rejectionKey, type ArticleRecord, type StorylineDB, type UserStateRecord } from '../formats/storage-schema';
import { launchedMatch, LEAD_CHARS, pageDoc, pageKeyOf } from './page-doc';
import { urlKey } from '../formats/url';
import { headlineKey } from '../formats/headline';
import { maybeRelated } from '../engine';

export { pageKeyOf };
import { storyIndex } from './matcher';
import { writeForStory } from './story-writes';
import { hasReportAtUrl, reportCount, reportIds, reportsAtUrl, storyReports } from './story-reports';
import type { TabMatch } from './tab-state';

type Database = IDBPDatabase<StorylineDB>;

/** Every key that starts with `prefix`. */
export const prefixRange = (prefix: string): IDBKeyRange => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

export async function rejectedStories(database: Database, pageKey: string): Promise<Set<string>> {
  const records = await database.getAll('userState', prefixRange(`${REJECTION_PREFIX}${pageKey}:`));
  return new Set(records.flatMap((r) => (r.kind === 'rejected' ? [r.storyId] : [])));
}

/** Where the reader's answers about pages are kept. */
const ANSWER_RANGES = (): IDBKeyRange[] => [REJECTION_PREFIX, CONFIRMATION_PREFIX].map(prefixRange);

/** How many answers about pages the reader gave ("Not this story", "This page is about this story"). */
export async function countPageAnswers(database: Database): Promise<number> {
  let total = 0;
  for (const range of ANSWER_RANGES()) total += await database.count('userState', range);
  return total;
}

/** Forgets them all: those pages are matched by the engine alone again. */
export async function forgetPageAnswers(database: Database): Promise<void> {
  const tx = database.transaction('userState', 'readwrite');
  await Promise.all([...ANSWER_RANGES().map((range) => tx.store.delete(range)), tx.done]);
}

/** Forgets the answers about page `pageKey` alone: the engine matches it again, offering what it refused. */
export async function forgetPageAnswer(database: Database, pageKey: string): Promise<void> {
  const tx = database.transaction('userState', 'readwrite');
  await Promise.all([tx.store.delete(confirmationKey(pageKey)), tx.store.delete(prefixRange(`${REJECTION_PREFIX}${pageKey}:`)), tx.done]);
}

/** The story the reader said page `pageKey` is about, while it exists; null otherwise. */
export async function confirmedStory(database: Database, pageKey: string): Promise<string | null> {
  const record = await database.get('userState', confirmationKey(pageKey));
  return record?.kind === 'confirmed' && (await database.get('stories', record.storyId)) ? record.storyId : null;
}

export interface PageAnswer {
  kind: 'confirmed' | 'rejected';
  storyId: string;
}

/** Of one page's answer records: the story the reader gave it, else the story they refused it last. */
function answerOf(records: readonly UserStateRecord[]): PageAnswer | null {
  let answer: (PageAnswer & { at: string }) | null = null;
  for (const r of records) {
    if (r.kind === 'confirmed') return { kind: 'confirmed', storyId: r.storyId };
    if (r.kind === 'rejected' && (!answer || r.at > answer.at)) answer = { kind: 'rejected', storyId: r.storyId, at: r.at };
  }
  return answer && { kind: answer.kind, storyId: answer.storyId };
}

/** The reader's answer about page `pageKey`; null if none. */
export async function pageAnswerOf(database: Database, pageKey: string): Promise<PageAnswer | null> {
  const confirmed = await database.get('userState', confirmationKey(pageKey));
  return answerOf([...(confirmed ? [confirmed] : []), ...(await database.getAll('userState', prefixRange(`${REJECTION_PREFIX}${pageKey}:`)))]);
}

/** Every page's answer, by page key, in two reads (the reader's answers are few; a page list is long). */
export async function pageAnswers(database: Database): Promise<Map<string, PageAnswer>> {
  const byPage = new Map<string, UserStateRecord[]>();
  for (const range of ANSWER_RANGES()) {
    for (const r of await database.getAll('userState', range)) {
      if (r.kind === 'confirmed' || r.kind === 'rejected') byPage.set(r.pageKey, [...(byPage.get(r.pageKey) ?? []), r]);
    }
  }
  const answers = new Map<string, PageAnswer>();
  for (const [pageKey, records] of byPage) {
    const answer = answerOf(records);
    if (answer) answers.set(pageKey, answer);
  }
  return answers;
}

async function storedReport(database: Database, article: ExtractedArticle, rejected: Set<string>): Promise<ArticleRecord | null> {
  const keys = new Set([urlKey(article.url), article.canonicalUrl ? urlKey(article.canonicalUrl) : null]);
  for (const key of keys) {
    if (!key) continue;
    for (const hit of await reportsAtUrl(database, key)) {
      if (rejected.has(hit.storyId)) continue;
      // A page joined to a story that has gone since (merged into another as feeds refreshed)
      // keeps its join until history is joined again: not a story to answer with.
      if (!(await database.get('stories', hit.storyId))) continue;
      return hit;
    }
  }
  return null;
}

/**
 * The page's match. `privateWindow`: the page is in a private window, and these are the stories the
 * reader rejected for it there (not stored); the match carries it on.
 */
export async function matchPage(database: Database, article: ExtractedArticle, privateWindow?: TabMatch['privateWindow']): Promise<TabMatch> {
  const pageKey = pageKeyOf(article);
  const rejected = await rejectedStories(database, pageKey);
  for (const id of privateWindow?.rejected ?? []) rejected.add(id);
  const base = { pageKey, pageTitle: article.title, article: { ...article, text: article.text.slice(0, LEAD_CHARS) }, ...(privateWindow ? { privateWindow } : {}) };
  const known = await storedReport(database, article, rejected);
  if (known) {
    const story = await database.get('stories', known.storyId);
    const count = story ? await reportCount(database, story) : 1;
    const match: TabMatch = { ...base, storyId: known.storyId, currentArticleId: known.id, why: null, otherReports: count - 1 };
    // A pack's own report is answered at once; one only because history joined it was the
    // reader's word then, or the engine's match (which the reader may still reject).
    if (known.packId !== HISTORY_PACK_ID) return match;
    return (await confirmedStory(database, pageKey)) === known.storyId ? { ...match, confirmed: true } : { ...match, joined: true };
  }
  const confirmed = await confirmedStory(database, pageKey);
  if (confirmed && !rejected.has(confirmed)) return { ...(await storyMatch(database, article, confirmed)), ...base, why: null, confirmed: true };
  const result = (await storyIndex()).match(pageDoc(article, pageKey), { exclude: rejected });
  const match = launchedMatch(result, article.kind);
  if (!match) return { ...base, storyId: null, currentArticleId: null, why: null, otherReports: 0, maybe: maybeRelated(result) };
  const { storyId, score, shared } = match;
  return { ...(await storyMatch(database, article, storyId)), ...base, why: { score, shared } };
}

/** The page in story `storyId`: the report with its headline, if any, is the page itself. */
async function storyMatch(database: Database, article: ExtractedArticle, storyId: string): Promise<Pick<TabMatch, 'storyId' | 'currentArticleId' | 'otherReports'>> {
  const story = await database.get('stories', storyId);
  const reports = story ? await storyReports(database, story) : [];
  const headline = headlineKey(article.title);
  // The page's own copy, when reading history joined it there (a story merged since it was read).
  const own = historyArticleId(pageKeyOf(article));
  const current = reports.find((a) => headlineKey(a.title) === headline) ?? reports.find((a) => a.id === own) ?? null;
  return { storyId, currentArticleId: current?.id ?? null, otherReports: reports.length - (current ? 1 : 0) };
}

/**
 * Starts loading the engine's index for a page about to be matched, unless its address is a stored
 * report's (answered by URL key, without the engine). Called as the page's extraction bundle is
 * injected, so after a worker start the index's snapshot is read while the page is still being
 * read, not after. Resolves once decided (one index count), not once loaded.
 */
export async function warmForPage(database: Database, pageUrl: string): Promise<void> {
  const key = urlKey(pageUrl);
  if (!key || (await hasReportAtUrl(database, key))) return;
  // Not awaited: a failure shows again, and is logged, when the page's match needs the index.
  storyIndex().catch(() => undefined);
}

/**
 * The tab's match as it would be now that stories changed under it (feeds refreshed, a pack updated):
 * a story that went (merged into another, aged out, its pack removed or re-edited) is looked for
 * again, as after "Not this story"; a story still there is counted again, as reports joined or
 * left it; a page with no story is matched again. Null when nothing changed.
 */
export async function matchNow(database: Database, match: TabMatch | null): Promise<TabMatch | null> {
  if (!match) return null;
  if (!match.storyId) {
    // A page that matched nothing may belong to a story that came since: the first run's feeds
    // land while the reader is already reading. Otherwise nothing changes unless what it is offered
    // does: a story offered may have gone (merged into another), and one offered that is gone
    // cannot be taken (match/confirm), so the sidebar must hear of it and ask again.
    const next = await matchPage(database, match.article, match.privateWindow);
    const offeredIds = (m: TabMatch): string => (m.maybe ?? []).map((c) => c.storyId).join(' ');
    return next.storyId || offeredIds(next) !== offeredIds(match) ? next : null;
  }
  const ids = await reportIds(database, match.storyId);
  if (ids.length === 0) return matchPage(database, match.article, match.privateWindow);
  // Which report is the page now: the one it was, if still there; else its own copy, joined since
  // (history matched it again after its story merged into this one); else the story's report at its
  // address (a feed brought the page read before, whose copy then left): never another outlet's.
  const own = historyArticleId(match.pageKey);
  const atAddress = async (): Promise<string | null> => (await reportsAtUrl(database, match.pageKey)).find((r) => r.storyId === match.storyId && ids.includes(r.id))?.id ?? null;
  const currentArticleId = match.currentArticleId !== null && ids.includes(match.currentArticleId) ? match.currentArticleId : ids.includes(own) ? own : await atAddress();
  const otherReports = ids.filter((id) => id !== currentArticleId).length;
  return otherReports === match.otherReports && currentArticleId === match.currentArticleId ? null : { ...match, currentArticleId, otherReports };
}

/**
 * "Not this story": remembered for this page, which then falls back to the runner-up or nothing.
 * A page the reader had said was about that story is no longer (the later answer stands). In a
 * private window nothing is written: the tab's match keeps the rejection while the page is loaded.
 */
export async function rejectMatch(database: Database, match: TabMatch, storyId: string): Promise<TabMatch> {
  if (match.privateWindow) return matchPage(database, match.article, { rejected: [...match.privateWindow.rejected, storyId] });
  const tx = database.transaction('userState', 'readwrite');
  const confirmed = await tx.store.get(confirmationKey(match.pageKey));
  if (confirmed?.kind === 'confirmed' && confirmed.storyId === storyId) await tx.store.delete(confirmed.key);
  await tx.store.put({ key: rejectionKey(match.pageKey, storyId), kind: 'rejected', pageKey: match.pageKey, storyId, at: new Date().toISOString() });
  await tx.done;
  return matchPage(database, match.article);
}

/**
 * "This page is about this story", said of one of the stories that came closest to a page that
 * matched none: the page has that story. Remembered for the page (in place of any earlier such
 * answer, and of a rejection of that story), except in a private window: there the page gets its
 * story in that tab alone, and nothing is written.
 */
export async function confirmMatch(database: Database, match: TabMatch, storyId: string): Promise<TabMatch> {
  // The story was offered, but a refresh may have merged it into another since: an answer about a
  // story that is gone would join the page to nothing. Checked where the answer is written.
  if (match.privateWindow) {
    if ((await database.getKey('stories', storyId)) === undefined) throw new CallError('not-found', STORY_GONE);
  } else {
    await writeForStory(database, storyId, async (answers) => {
      await answers.delete(rejectionKey(match.pageKey, storyId));
      await answers.put({ key: confirmationKey(match.pageKey), kind: 'confirmed', pageKey: match.pageKey, storyId, at: new Date().toISOString() });
    });
  }
  const { maybe: _offered, ...page } = match;
  return { ...page, ...(await storyMatch(database, match.article, storyId)), why: null, confirmed: true };
}
