// Report, opinion or analysis, from what the feed says about an item: its URL path (/opinion/,
// /commentisfree/), its categories ("Op-Ed"), its section and the label its headline opens with
// ("Opinion | …"). Whole words only: a category "Opinion polls" is a report about polls.
import type { ArticleKind } from '../model';

const OPINION = new Set([
  'opinion', 'opinions', 'comment', 'commentisfree', 'commentary', 'op-ed', 'oped', 'op-eds', 'editorial',
  'editorials', 'column', 'columns', 'columnist', 'columnists', 'views', 'letters', 'meinung', 'kommentar',
  'tribune', 'opinión', 'opinião',
]);
const ANALYSIS = new Set(['analysis', 'news-analysis', 'news analysis', 'analyse', 'explainer', 'explainers', 'fact-check']);

const norm = (label: string): string => label.trim().toLowerCase().replace(/\s+/g, ' ');

function kindOfLabel(label: string): ArticleKind | null {
  const l = norm(label);
  if (OPINION.has(l)) return 'opinion';
  if (ANALYSIS.has(l)) return 'analysis';
  return null;
}

function pathLabels(url: string | URL | null): string[] {
  if (!url) return [];
  try {
    return (typeof url === 'string' ? new URL(url) : url).pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return [];
  }
}

/**
 * The label a headline opens with, as aggregators and some outlets write them: "Opinion | Why the
 * summit failed", "ANALYSIS: …". An aggregator's item links through the aggregator and has no
 * section: this is all it says of what it carries. Bounded, so it reads a few words at most.
 */
function headlineLabel(title: string | null | undefined): string[] {
  const label = title ? /^\s*([\p{L}][\p{L} -]{1,20}?)\s*[:|]\s/u.exec(title)?.[1] : undefined;
  return label ? [label] : [];
}

/**
 * Opinion wins over analysis: an opinion column filed under "Analysis" is still an opinion. `url`
 * may come parsed already (a feed item's is).
 */
export function articleKind(url: string | URL | null, categories: readonly string[], section: string | null, title?: string | null): ArticleKind {
  const kinds = [...pathLabels(url), ...categories, ...(section ? [section] : []), ...headlineLabel(title)].map(kindOfLabel);
  if (kinds.includes('opinion')) return 'opinion';
  if (kinds.includes('analysis')) return 'analysis';
  return 'report';
}

// Words that name an opinion section in a feed's own address: outlets call theirs "Opinion.xml",
// "RSSOpinion.xml", "/commentisfree/rss", "/voices/rss". "voices" is read only here, in a feed's
// address, where it names a section; in an article's path it may be a report about voices.
const OPINION_FEED_WORDS = new Set([...OPINION, 'voices']);

/** The words of an address's path: split at anything not a letter and where case says a word starts. */
function pathWords(url: string): string[] {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  // "RSSOpinion" → "RSS Opinion", "newsOpinion" → "news Opinion".
  return path.replace(/(\p{Ll})(\p{Lu})|(\p{Lu})(\p{Lu}\p{Ll})/gu, (_, a?: string, b?: string, c?: string, d?: string) => (a ? `${a} ${b}` : `${c} ${d}`)).split(/[^\p{L}]+/u).filter(Boolean).map((w) => w.toLowerCase());
}

/**
 * A section's separator in a feed title, spaces on both sides ("The Daily Meridian | Opinion").
 * Tried only where a run of white space starts (the lookbehind): tried at every space of a run, the
 * leading `\s+` read the rest of the run again from each, quadratic in a long run (a title of
 * 100,000 spaces took 14 s). The matches are the same, as a match always starts where its run does.
 */
const TITLE_SEPARATOR = /(?<!\s)\s+[|\-–—:»>›]\s+/;

/**
 * "The Daily Meridian | World news" → ["The Daily Meridian", "World news"]: the outlet and any
 * sections, in either order ("World news | The Guardian", "NYT > U.S. News").
 */
export const titleParts = (title: string): string[] => title.split(TITLE_SEPARATOR);

/**
 * The kind every item of a feed has, when the feed is an outlet's opinion (or analysis) section:
 * its address names the section (every opinion feed of the shipped directory does; a unit test
 * checks it) or its title does ("The Daily Meridian | Opinion"). Null for a general feed, whose
 * items keep their own kinds.
 */
export function feedKind(feedUrl: string, feedTitle: string | null): Exclude<ArticleKind, 'report'> | null {
  // Every part: outlets put the section first as often as last ("Opinion | The Guardian").
  const sections = feedTitle ? titleParts(feedTitle) : [];
  const labels = [...pathWords(feedUrl), ...sections.map(norm)];
  if (labels.some((l) => OPINION_FEED_WORDS.has(l))) return 'opinion';
  if (labels.some((l) => ANALYSIS.has(l))) return 'analysis';
  return null;
}
