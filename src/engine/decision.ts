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
  const scores = verifier ? verify(list, verifier) : list.map((e) => e.cos);
  const ranked: MatchCandidate[] = list
    .map((e, i) => ({ e, score: clamp01(scores[i]!) }))
    .filter((c) => verifier || c.score >= MIN_SEARCH_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.max(0, limit))
    .map(({ e, score }) => ({ storyId: e.story.id, score, shared: e.shared() }));
  const top = ranked[0];
  return { match: verifier && top && top.score >= verifier.threshold ? top : null, candidates: ranked };
}

// Below this cosine a free-text query shares only incidental words with a story.
const MIN_SEARCH_SCORE = 0.05;

export function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
