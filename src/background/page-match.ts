// Matches an extracted page against the stored stories: first by identity (the page is a stored
// report), then through the engine, never to a story the reader rejected for this page.
import type { IDBPDatabase } from 'idb';
import type { ExtractedArticle } from '../contracts/page-report';
import { rejectionKey, type ArticleRecord, type StorylineDB } from '../formats/storage-schema';
import { launchedMatch, LEAD_CHARS, pageDoc, pageKeyOf } from './page-doc';
import { urlKey } from '../formats/url';
import { headlineKey } from '../formats/headline';
import { maybeRelated } from '../engine';

export { pageKeyOf };
import { storyIndex } from './matcher';
import { hasReportAtUrl, reportCount, reportIds, reportsAtUrl, storyReports } from './story-reports';
import type { TabMatch } from './tab-state';

type Database = IDBPDatabase<StorylineDB>;

export async function rejectedStories(database: Database, pageKey: string): Promise<Set<string>> {
  const prefix = `reject:${pageKey}:`;
  const records = await database.getAll('userState', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  return new Set(records.flatMap((r) => (r.kind === 'rejected' ? [r.storyId] : [])));
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

export async function matchPage(database: Database, article: ExtractedArticle): Promise<TabMatch> {
  const pageKey = pageKeyOf(article);
  const rejected = await rejectedStories(database, pageKey);
  const base = { pageKey, pageTitle: article.title, article: { ...article, text: article.text.slice(0, LEAD_CHARS) } };
  const known = await storedReport(database, article, rejected);
  if (known) {
    const story = await database.get('stories', known.storyId);
    const count = story ? await reportCount(database, story) : 1;
    return { ...base, storyId: known.storyId, currentArticleId: known.id, why: null, otherReports: count - 1 };
  }
  const result = (await storyIndex()).match(pageDoc(article, pageKey), { exclude: rejected });
  const match = launchedMatch(result, article.kind);
  if (!match) return { ...base, storyId: null, currentArticleId: null, why: null, otherReports: 0, maybe: maybeRelated(result) };
  const { storyId, score, shared } = match;
  const story = await database.get('stories', storyId);
  const reports = story ? await storyReports(database, story) : [];
  const headline = headlineKey(article.title);
  const current = reports.find((a) => headlineKey(a.title) === headline) ?? null;
  return {
    ...base,
    storyId,
    currentArticleId: current?.id ?? null,
    why: { score, shared },
    otherReports: reports.length - (current ? 1 : 0),
  };
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
    // land while the reader is already reading. Nothing changes unless it now has a story.
    const next = await matchPage(database, match.article);
    return next.storyId ? next : null;
  }
  const ids = await reportIds(database, match.storyId);
  if (ids.length === 0) return matchPage(database, match.article);
  const otherReports = ids.filter((id) => id !== match.currentArticleId).length;
  return otherReports === match.otherReports ? null : { ...match, otherReports };
}

/** "Not this story": remembered for this page, which then falls back to the runner-up or nothing. */
export async function rejectMatch(database: Database, match: TabMatch, storyId: string): Promise<TabMatch> {
  const key = rejectionKey(match.pageKey, storyId);
  await database.put('userState', { key, kind: 'rejected', pageKey: match.pageKey, storyId, at: new Date().toISOString() });
  return matchPage(database, match.article);
}
