// The decision: the verifier (verifier.ts) turns each candidate's evidence into a score in [0, 1];
// the best candidate is a match when it passes the verifier's threshold, the rest are "maybe
// related". Free-text search ranks by centroid cosine and never declares a match.
import type { MatchCandidate, MatchResult } from './types';
import type { Evidence } from './scoring';
import { CALIBRATED_VERIFIER, verify, type Verifier } from './verifier';

/**
 * Ranks candidates. With a verifier, scores are its probabilities and the top one is a match when
 * it passes the threshold; with null (free-text search), the score is the centroid cosine and
 * nothing is declared a match.
 */
export function decide(list: readonly Evidence[], limit: number, verifier: Verifier | null = CALIBRATED_VERIFIER): MatchResult {
  const scores = verifier ? verify(list, verifier) : list.map((e) => e.cos());
  const ranked: MatchCandidate[] = list
    .map((e, i) => ({ e, score: clamp01(scores[i]!) }))
    .filter((c) => verifier || c.score >= MIN_SEARCH_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.max(0, limit))
    .map(({ e, score }) => ({ storyId: e.story.id, score, shared: e.shared() }));
  const top = ranked[0];
  return { match: verifier && top && top.score >= verifier.threshold ? top : null, candidates: ranked };
}

/**
 * A page with no match still has a best guess, and the right story is often it: in the reader's
 * path (`npm run bench:feeds -- --maybe`) the top candidate is of the page's event on most pages
 * that get no launcher, under the threshold because a long page is read against a story of short
 * feed items. Those candidates are offered as "maybe related", said to be unsure, never as a match.
 * The floor is the lowest score at which, on each dev file (allsides-dev, gva-dev), at least three
 * in four of the stories offered on pages without a launcher hold a report of the page's event.
 */
export const MAYBE_FLOOR = 0.3;
export const MAX_MAYBE = 3;

/** The stories offered as "maybe related" for a page that matched none (none when one matched). */
export function maybeRelated(result: MatchResult): MatchCandidate[] {
  if (result.match) return [];
  return result.candidates.filter((c) => c.score >= MAYBE_FLOOR).slice(0, MAX_MAYBE);
}

// Below this cosine a free-text query shares only incidental words with a story.
const MIN_SEARCH_SCORE = 0.05;

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
