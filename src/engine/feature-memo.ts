// Features read once per text while a feed change runs (withFeatureMemo), and the terms the engine
// reads in an article (docTerms: what the background uses to tell which stories a text can concern).
import type { EngineDoc } from './types';
import { extractFeatures, type DocFeatures } from './features';

/** The terms the engine reads in an article (what sharesTermWith takes). */
export function docTerms(doc: Pick<EngineDoc, 'title' | 'text'>): string[] {
  return [...featuresOf(doc).terms.keys()];
}

/** The same terms, read without the memo: for a text read once (a headline alone, one sentence). */
export function termsOnce(doc: Pick<EngineDoc, 'title' | 'text'>): string[] {
  return [...extractFeatures(doc).terms.keys()];
}

/**
 * Features of the texts read while a memo is open (withFeatureMemo). One feed change reads each
 * new item three times: the clusterer matches it, its story's summary reads it, and the pages'
 * index takes its report; a batch of fetches also reads each answer's items while the other
 * sources are still being fetched. Features depend on the text alone and are never modified once
 * made, so within the memo they are made once. The memo goes when the outermost work ends; past
 * MEMO_TEXTS it keeps what it holds and adds nothing (a change that reclusters everything must not
 * hold every article's features, and what was read ahead must stay for the change to use).
 */
let memo: Map<string, DocFeatures> | null = null;
let memoDepth = 0;
export const MEMO_TEXTS = 4096;

export async function withFeatureMemo<T>(work: () => Promise<T>): Promise<T> {
  if (memoDepth++ === 0) memo = new Map();
  try {
    return await work();
  } finally {
    if (--memoDepth === 0) memo = null;
  }
}

export function featuresOf(doc: Pick<EngineDoc, 'title' | 'text'>): DocFeatures {
  if (!memo) return extractFeatures(doc);
  // What extractFeatures reads: a missing title or text reads as empty. Length-prefixed, so no
  // title and text pair can spell another's key.
  const title = doc.title ?? '';
  const key = `${title.length}:${title}${doc.text ?? ''}`;
  let f = memo.get(key);
  if (!f) {
    f = extractFeatures(doc);
    if (memo.size < MEMO_TEXTS) memo.set(key, f);
  }
  return f;
}
