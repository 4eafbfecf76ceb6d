// Report, opinion or analysis, from what the feed says about an item: its URL path (/opinion/,
// /commentisfree/), its categories ("Op-Ed") and its section. Whole words only: a category
// "Opinion polls" is a report about polls.
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

function pathLabels(url: string | null): string[] {
  if (!url) return [];
  try {
    return new URL(url).pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return [];
  }
}

/** Opinion wins over analysis: an opinion column filed under "Analysis" is still an opinion. */
export function articleKind(url: string | null, categories: readonly string[], section: string | null): ArticleKind {
  const kinds = [...pathLabels(url), ...categories, ...(section ? [section] : [])].map(kindOfLabel);
  if (kinds.includes('opinion')) return 'opinion';
  if (kinds.includes('analysis')) return 'analysis';
  return 'report';
}
