// Readability on a clone of the page, plus the page's own metadata, bounded for the message.
import { Readability } from '@mozilla/readability';
import { MAX_ARTICLE_TEXT, plausiblePublished, type ExtractedArticle } from '../contracts/page-report';
import { parseFeedDate } from '../formats/feeds/dates';
import { cleanUrl, MAX_URL_CHARS } from '../formats/url';
import { pageKind } from './page-kind';

/** Below this much text Readability found a teaser or a shell, not an article. */
const MIN_TEXT_CHARS = 200;

function metaContent(doc: Document, selector: string): string | null {
  return doc.querySelector(selector)?.getAttribute('content')?.trim() || null;
}

/**
 * The URL cleaned for the report, or null: not http(s), or longer than the report admits
 * (contracts/page-report.ts), which would make the whole report invalid and the page go unmatched
 * without a word. Measured before parsing too, so a huge address is never parsed.
 */
function reportUrl(raw: string, base?: string): string | null {
  if (raw.length > MAX_URL_CHARS) return null;
  // Cleaning can lengthen it (the query is re-encoded) and a relative one gains the base.
  const url = cleanUrl(raw, base);
  return url !== null && url.length <= MAX_URL_CHARS ? url : null;
}

const atRoot = (url: string): boolean => {
  const { pathname, search } = new URL(url);
  return pathname === '/' && search === '';
};

/** A host without its `www.`: the site a page or its canonical address belongs to. */
const siteOf = (url: string): string => new URL(url).hostname.toLowerCase().replace(/^www\./, '');

/**
 * Whether a page may name `canonical` as its address: on its own site (the same host, or one the
 * other's subdomain: edition.cnn.com and cnn.com, amp.theguardian.com and theguardian.com). A page
 * naming another site's address would be filed there: any page could put a headline of its own
 * under another outlet's address in a story's coverage.
 */
function sameSite(canonical: string, pageUrl: string): boolean {
  const [a, b] = [siteOf(canonical), siteOf(pageUrl)];
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/**
 * The page's canonical URL (rel=canonical, then og:url), cleaned of tracking parameters, when it is
 * on the page's own site. A site whose template names its home page as every page's canonical would
 * make all its articles one page (one history entry, one "Not this story"): a root address is no
 * article's, unless the page itself is at the root.
 */
export function canonicalUrl(doc: Document, pageUrl: string = doc.URL): string | null {
  const link = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  const declared = link ?? metaContent(doc, 'meta[property="og:url" i]');
  // One too long to report is no canonical URL: the page is still reported, under its own.
  const canonical = declared ? reportUrl(declared, doc.baseURI) : null;
  const page = cleanUrl(pageUrl) ?? pageUrl;
  if (!canonical || !sameSite(canonical, page)) return null;
  return atRoot(canonical) && !atRoot(page) ? null : canonical;
}

/**
 * An ISO timestamp for a stated date, or null: an unparseable date is no date, never "now", and
 * so is one no page can have (a CMS's 0001-01-01, a year ahead): plausiblePublished says which.
 */
export function isoTime(value: string | null | undefined, now = Date.now()): string | null {
  if (!value) return null;
  // Read as a feed's date is first (ISO 8601 and RFC 822; no zone is UTC), so that the same report
  // gets the same time from its page as from its feed item, in every time zone: Date.parse reads
  // "2021-10-18T16:15:00" in the reader's own. Other forms as Date.parse can.
  const stated = parseFeedDate(value);
  const v = value.trim();
  const ms = stated !== null ? Date.parse(stated) : AMBIGUOUS_DATE.test(v) ? NaN : parseNamedDate(v);
  return Number.isNaN(ms) || !plausiblePublished(ms, now) ? null : new Date(ms).toISOString();
}

/**
 * A zone Date.parse reads (a U.S. zone's letters, GMT, UTC, UT, Z, or an offset after a time:
 * "10:00 -0500", "10:00+01:00"): its instant stands. An offset must follow a space or a colon's
 * pair, or the year of "07-Dec-2021" would read as one.
 */
const STATED_ZONE = /\b(?:GMT|UTC?|[ECMP][SD]T)\b|\s[+-]\d{4}\b|[+-]\d{2}:\d{2}\b|\dZ\b/i;

/**
 * A form only Date.parse reads ("December 7, 2026 10:00 AM"). With no zone stated, Date.parse reads
 * it in the reader's own, so one page got times hours apart in two zones: it is read as a zone-less
 * ISO time is (feeds/dates.ts), the clock as UTC and a day alone at noon UTC.
 */
function parseNamedDate(v: string): number {
  if (STATED_ZONE.test(v)) return Date.parse(v);
  // Told the zone is UTC: read in the reader's own, a clock time in its spring-forward gap would
  // move by an hour. A form that takes no zone after it is read in the reader's, its fields as UTC.
  const told = Date.parse(`${v} UTC`);
  const at = Number.isNaN(told) ? localFieldsAsUtc(Date.parse(v)) : told;
  if (Number.isNaN(at) || /\d:\d\d/.test(v)) return at;
  const day = new Date(at);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12);
}

/** The reader's-zone fields of an instant, read as the same fields in UTC. */
function localFieldsAsUtc(ms: number): number {
  if (Number.isNaN(ms)) return NaN;
  const d = new Date(ms);
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds());
}

/**
 * Dates Date.parse would read wrong rather than not at all: all-number days ("05/12/2026" is 5
 * December in Paris, read as May 12; "07.12.2026" as July 12), and ISO days parseFeedDate refused as
 * impossible ("2026-02-30", which Date.parse rolls over to 2 March).
 */
const AMBIGUOUS_DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})(?!\d)/;

const clip = (text: string | null | undefined, max: number): string | null => {
  const clean = text?.replace(/\s+/g, ' ').trim();
  return clean ? clean.slice(0, max) : null;
};

export function extractArticle(doc: Document, pageUrl: string): ExtractedArticle | null {
  const url = reportUrl(pageUrl);
  if (!url) return null;
  // Readability mutates the document it reads: it gets a clone, the page is never touched.
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  const text = clip(parsed?.textContent, MAX_ARTICLE_TEXT);
  if (!parsed || !text || text.length < MIN_TEXT_CHARS) return null;
  const title = clip(parsed.title, 1_000) ?? clip(doc.title, 1_000);
  if (!title) return null;
  const canonical = canonicalUrl(doc, url);
  const kind = pageKind(doc, canonical ?? url);
  return {
    url,
    canonicalUrl: canonical,
    title,
    byline: clip(parsed.byline, 500),
    siteName: clip(parsed.siteName, 500),
    published: isoTime(parsed.publishedTime),
    lang: clip(parsed.lang, 35) ?? clip(doc.documentElement.lang, 35),
    excerpt: clip(parsed.excerpt, 2_000),
    text,
    ...(kind === 'report' ? {} : { kind }),
  };
}

/**
 * The article as reported after an in-page navigation from `before` (the page this document last
 * reported). Many single-page sites swap the article and its address but leave the <head> as it
 * was: the canonical URL then still names the article read before, and the new one would be taken
 * for it (its story, its history entry, the reader's answers about it). A canonical URL that
 * another address of this document already declared is not this page's.
 */
export function afterInPageNavigation(article: ExtractedArticle | null, before: ExtractedArticle | null): ExtractedArticle | null {
  if (!article || !before || article.canonicalUrl === null) return article;
  return article.url !== before.url && article.canonicalUrl === before.canonicalUrl ? { ...article, canonicalUrl: null } : article;
}
