// What the content script reports about its page: the article it extracted, and its own problems.
// Apart from messages.ts so the content script can use these without the background's call table.
import { isoDate, isRecord, optStr, str } from '../formats/guards';
import type { ArticleKind } from '../formats/model';
import { MAX_URL_CHARS } from '../formats/url';

/** What the content script extracts from an article page. Bounded so a page cannot flood the background. */
export interface ExtractedArticle {
  /** The page's own URL, tracking parameters and fragment removed. */
  url: string;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 when the page states it; null otherwise (never "now"). */
  published: string | null;
  lang: string | null;
  excerpt: string | null;
  /** The article's text, cut to MAX_ARTICLE_TEXT characters: enough for matching. */
  text: string;
  /** What the page says it is (content/page-kind.ts); absent: a report. */
  kind?: ArticleKind;
}

const ARTICLE_KINDS: readonly ArticleKind[] = ['report', 'opinion', 'analysis'];

export const MAX_ARTICLE_TEXT = 6_000;
/** A problem report from a content script is cut to this many characters per field. */
export const MAX_PROBLEM_TEXT = 500;

/** Before this no news page was on the web: an earlier stated date is a CMS's empty value (0001-01-01, 1970-01-01). */
const EARLIEST_PUBLISHED_MS = Date.UTC(1990, 0, 1);
/**
 * A stated date at most this far ahead of the reading is the page's clock (local time labelled
 * UTC), moved back to the reading by notAfterRead (background/page-doc.ts); further ahead it is no date.
 */
const PUBLISHED_AHEAD_MS = 24 * 3_600_000;

/** Whether a page's stated publication time (ms) can be one: else the page is undated, never dated today. */
export function plausiblePublished(ms: number, now: number): boolean {
  return ms >= EARLIEST_PUBLISHED_MS && ms <= now + PUBLISHED_AHEAD_MS;
}

/** A stated date that parses but cannot be the page's reads as none: the report is kept, undated. */
function publishedIn(value: unknown, now: number): string | null | undefined {
  if (value === null || value === undefined) return null;
  const iso = isoDate(value);
  return iso === undefined ? undefined : plausiblePublished(Date.parse(iso), now) ? iso : null;
}

export function parseArticle(value: unknown, now = Date.now()): ExtractedArticle | undefined {
  if (!isRecord(value)) return undefined;
  const url = str(value['url'], MAX_URL_CHARS);
  const title = str(value['title'], 1_000);
  const text = str(value['text'], MAX_ARTICLE_TEXT);
  const canonicalUrl = optStr(value['canonicalUrl'], MAX_URL_CHARS);
  const byline = optStr(value['byline'], 500);
  const siteName = optStr(value['siteName'], 500);
  const lang = optStr(value['lang'], 35);
  const excerpt = optStr(value['excerpt'], 2_000);
  const published = publishedIn(value['published'], now);
  const kind = value['kind'];
  if (url === undefined || title === undefined || text === undefined) return undefined;
  if (canonicalUrl === undefined || byline === undefined || siteName === undefined) return undefined;
  if (lang === undefined || excerpt === undefined || published === undefined) return undefined;
  if (kind !== undefined && !ARTICLE_KINDS.includes(kind as ArticleKind)) return undefined;
  return { url, canonicalUrl, title, byline, siteName, published, lang, excerpt, text, ...(kind === undefined ? {} : { kind: kind as ArticleKind }) };
}
