// The decision: a logistic verifier turns each candidate's evidence into a score in [0, 1], the
// best candidate is a match when it passes MATCH_THRESHOLD, the rest are "maybe related".
// The verifier sees the margin over the runner-up, because a story that barely beats another on
// the same topic is weak evidence that the query reports that very event.
import type { MatchCandidate, MatchResult } from './types';
import type { Evidence } from './scoring';
import { MATCH_THRESHOLD, VERIFIER_WEIGHTS } from './calibration';

/** Feature vector of one candidate; `bestOtherCos` is the best centroid cosine among the others. */
export function verifierFeatures(e: Evidence, bestOtherCos: number): number[] {
  const logGap = e.gapDays !== null ? Math.log1p(e.gapDays) : 0;
  // Closeness in time is evidence in proportion to how few similar stories share that moment
  // (timeSurprise); a large gap is evidence against, however crowded the moment.
  const closeness = e.gapDays !== null && e.timeSurprise !== null ? e.timeSurprise * Math.exp(-e.gapDays / 2) : 0;
  const base = [
    e.cos,
    e.maxDocCos,
    e.entities === null ? 0 : e.entities - 0.5,
    e.rarest,
    Math.min(e.sharedFigures, 2),
    e.cos - bestOtherCos,
    closeness,
    logGap,
  ];
  // Pairwise products let the verifier weigh one piece of evidence by another (a shared name
  // counts for more when the time is close, a high cosine for less when the margin is thin).
  const pairs: number[] = [];
  for (let i = 0; i < base.length; i++) for (let j = i; j < base.length; j++) pairs.push(base[i]! * base[j]!);
  return [1, ...base, logGap * logGap, ...pairs];
}

/** Feature vectors for a candidate list, each with its margin over the best of the others. */
export function evidenceFeatures(list: readonly Evidence[]): number[][] {
  let first = 0;
  let second = 0;
  for (const e of list) {
    if (e.cos > first) [first, second] = [e.cos, first];
    else if (e.cos > second) second = e.cos;
  }
  return list.map((e) => verifierFeatures(e, e.cos === first ? second : first));
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function verifierScore(x: readonly number[], weights: readonly number[] = VERIFIER_WEIGHTS): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += x[i]! * (weights[i] ?? 0);
  return sigmoid(z);
}

/**
 * Ranks candidates. With verifier weights, scores are verifier probabilities and the top one is a
 * match when it passes the threshold; with null (free-text search), the score is the centroid
 * cosine and nothing is declared a match.
 */
export function decide(
  list: readonly Evidence[],
  limit: number,
  weights: readonly number[] | null = VERIFIER_WEIGHTS,
  threshold = MATCH_THRESHOLD,
): MatchResult {
  const verify = weights !== null;
  const feats = verify ? evidenceFeatures(list) : [];
  const ranked: MatchCandidate[] = list
    .map((e, i) => ({ e, score: clamp01(weights ? verifierScore(feats[i]!, weights) : e.cos) }))
    .filter((c) => verify || c.score >= MIN_SEARCH_SCORE)
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.max(0, limit))
    .map(({ e, score }) => ({ storyId: e.story.id, score, shared: e.shared() }));
  const top = ranked[0];
  return { match: verify && top && top.score >= threshold ? top : null, candidates: ranked };
}

// Below this cosine a free-text query shares only incidental words with a story.
const MIN_SEARCH_SCORE = 0.05;

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
