// How the product turns what it has into the engine's documents: a page the reader opens (the
// content script's extraction) and a stored report (a pack's or a feed's item). Pure, no browser
// imports, so the background, the benchmarks, calibration and the engine's regression test all run
// the very conversion the extension runs: what is measured is what ships.
import type { EngineDoc, MatchCandidate, MatchResult } from '../engine/types';
import { OPINION_ATTACH_THRESHOLD } from './feeds/feed-opinions';
import type { ExtractedArticle } from '../contracts/page-report';
import { HISTORY_TEXT_CHARS, type ReportRecord } from '../formats/storage-schema';
import { urlKey } from '../formats/url';

/** How much of a page the engine reads: the title and the lead carry the event. */
export const LEAD_CHARS = 1_500;

const time = (iso: string | null | undefined): number | null => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? null : ms;
};

/** The page's identity: its canonical URL's key, else its own. */
export function pageKeyOf(article: Pick<ExtractedArticle, 'url' | 'canonicalUrl'>): string {
  return urlKey(article.canonicalUrl ?? article.url) ?? urlKey(article.url) ?? article.url;
}

const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The page's excerpt when it says something its text does not open with. Readability's excerpt is
 * the page's description or its first paragraph, most often the text's own opening: read twice, it
 * would weigh the lead double and push the rest of the text past what the engine reads, which a
 * feed item (headline and one paragraph, once) never does.
 */
function ownExcerpt(excerpt: string | null, text: string): string | null {
  const e = excerpt ? squeeze(excerpt).replace(/(?:\.\.\.|…)$/, '') : '';
  if (!e) return null;
  return squeeze(text.slice(0, excerpt!.length + LEAD_CHARS)).includes(e) ? null : excerpt;
}

/**
 * The page with no date after `now`, the moment it is read: it was published by then. A date ahead
 * is the page's mistake (most often local time labelled UTC), and would put the page hours ahead
 * of its story's other reports, and of the story's "latest report", once it joins it.
 */
export function notAfterRead(article: ExtractedArticle, now: number): ExtractedArticle {
  const ms = time(article.published);
  return ms !== null && ms > now ? { ...article, published: new Date(now).toISOString() } : article;
}

/** A page as the engine reads it: its headline, its excerpt (unless the text opens with it) and text up to LEAD_CHARS, its stated date. */
export function pageDoc(article: ExtractedArticle, pageKey: string): EngineDoc {
  const lead = [ownExcerpt(article.excerpt, article.text), article.text].filter(Boolean).join('\n').slice(0, LEAD_CHARS);
  return { id: pageKey, title: article.title, text: lead, published: time(article.published), outlet: article.siteName };
}

/** What reading history keeps of a page, and what the page brings to a story it joins: its excerpt, else its text, cut. */
export function historyText(article: Pick<ExtractedArticle, 'excerpt' | 'text'>): string {
  return (article.excerpt || article.text).slice(0, HISTORY_TEXT_CHARS);
}

/** A stored report (a pack's or a feed's item, or a joined page) as the engine reads it. */
export function articleDoc(article: Pick<ReportRecord, 'id' | 'title' | 'excerpt' | 'published' | 'outletName'>): EngineDoc {
  return { id: article.id, title: article.title, text: article.excerpt ?? null, published: time(article.published), outlet: article.outletName };
}

/**
 * The story a page launches on: the engine's match or, for a page that says it is an opinion or
 * analysis piece and has none, its best candidate when that scores OPINION_ATTACH_THRESHOLD, the
 * bar opinion items of the reader's feeds join their story at. A column argues about an event
 * without restating its facts, so read against news reports it scores far under the threshold
 * reports are held to (bench:feeds: its story is most often the top candidate all the same).
 */
export function launchedMatch(result: MatchResult, kind: ExtractedArticle['kind']): MatchCandidate | null {
  if (result.match || kind === undefined || kind === 'report') return result.match;
  const top = result.candidates[0];
  return top && top.score >= OPINION_ATTACH_THRESHOLD ? top : null;
}
