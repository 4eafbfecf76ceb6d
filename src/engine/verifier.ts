// The verifier: a logistic model over evidence about (query, candidate story) that tells a report
// of the same event from one on the same topic. It reads the margin over the runner-up, because a
// story that barely beats another on the same topic is weak evidence that the query reports that
// very event, and it reads both directions of overlap (how much of the query the story states, how
// much of the story the query states), because a report on the same person or place shares the
// names but not what happened. Weights, standardisation and ranges come from scripts/calibrate.ts.
//
// All its evidence is measured against members (overlap.ts), none against the story centroid: the
// centroid of fifty headlines resembles a query in ways the centroid of two never does, and a
// verifier calibrated on small stories would read that as certainty. For the same reason each
// value is clamped to the range calibration saw before it is weighed.
import type { Evidence } from './scoring';
import * as c from './calibration';

/** How raw evidence becomes the verifier's input: clamped to [lows, highs], then standardised. */
export interface Standardisation {
  means: readonly number[];
  scales: readonly number[];
  lows: readonly number[];
  highs: readonly number[];
}

/** Everything the decision needs; the calibrated one ships, calibration builds its own. */
export interface Verifier extends Standardisation {
  /** Logistic weights, in the order of `verifierFeatures`. */
  weights: readonly number[];
  /** Minimum score for a match. */
  threshold: number;
  /**
   * Added to the log-odds when the query is a headline alone. The fit's probabilities are not
   * equally trustworthy in the far tail for both kinds of query; this moves headline-only scores so
   * that one threshold keeps wrong matches equally rare for both.
   */
  headlineShift: number;
}

export const CALIBRATED_VERIFIER: Verifier = {
  means: c.FEATURE_MEANS,
  scales: c.FEATURE_SCALES,
  lows: c.FEATURE_LOWS,
  highs: c.FEATURE_HIGHS,
  weights: c.VERIFIER_WEIGHTS,
  threshold: c.MATCH_THRESHOLD,
  headlineShift: c.HEADLINE_SHIFT,
};

/**
 * The verifier the stream clusterer joins and merges with: the one its thresholds
 * (STREAM_JOIN_THRESHOLD, STREAM_MERGE_THRESHOLD) were gridded for. Page matching can be
 * recalibrated without re-gridding the stream (most of calibration's time): until the stream is
 * re-gridded, it keeps the verifier it was measured with.
 */
export const STREAM_VERIFIER: Verifier = {
  means: c.STREAM_FEATURE_MEANS,
  scales: c.STREAM_FEATURE_SCALES,
  lows: c.STREAM_FEATURE_LOWS,
  highs: c.STREAM_FEATURE_HIGHS,
  weights: c.STREAM_VERIFIER_WEIGHTS,
  threshold: c.STREAM_MATCH_THRESHOLD,
  headlineShift: c.STREAM_HEADLINE_SHIFT,
};

/** What the verifier reads about one candidate, in the order of `evidenceVector`. */
export const EVIDENCE_NAMES = [
  'memberCos',
  'memberMargin',
  'maxDocCos',
  'titleCos',
  'storyTitleInQuery',
  'titleInStory',
  'queryCover',
  'storyCover',
  'consensusCover',
  'entities',
  'storyEntities',
  'rarest',
  'sharedFigures',
  'queryHasText',
  'closeness',
  'logGap',
  'logGap²',
] as const;

/** One candidate's evidence as numbers; `bestOther` is the best member cosine among the others. */
export function evidenceVector(e: Evidence, bestOther: number): number[] {
  const logGap = e.gapDays !== null ? Math.log1p(e.gapDays) : 0;
  // Closeness in time is evidence in proportion to how few similar stories share that moment
  // (timeSurprise); a large gap is evidence against, however crowded the moment.
  const closeness = e.gapDays !== null && e.timeSurprise !== null ? e.timeSurprise * Math.exp(-e.gapDays / 2) : 0;
  return [
    e.memberCos,
    e.memberCos - bestOther,
    e.maxDocCos,
    e.titleCos,
    e.storyTitleInQuery,
    e.titleInStory,
    e.queryCover,
    e.storyCover,
    e.consensusCover,
    e.entities === null ? 0 : e.entities - 0.5,
    e.storyEntities === null ? 0 : e.storyEntities - 0.5,
    e.rarest,
    Math.min(e.sharedFigures, 2),
    e.queryHasText ? 1 : 0,
    closeness,
    logGap,
    logGap * logGap,
  ];
}

/**
 * The verifier's input: the evidence clamped to its calibrated range and standardised (mean 0,
 * scale 1 on the calibration pairs, so the fit's regularisation weighs every value alike), then a
 * bias, the standardised evidence and the pairwise products of all but the last (logGap², already
 * a product). The products let the verifier weigh one piece of evidence by another: a shared name
 * counts for more when the time is close, a high cosine for less when the story's own headline is
 * not in the query.
 */
export function verifierFeatures(raw: readonly number[], s: Standardisation): number[] {
  const z = raw.map((v, i) => (Math.min(s.highs[i] ?? v, Math.max(s.lows[i] ?? v, v)) - (s.means[i] ?? 0)) / (s.scales[i] || 1));
  const paired = z.length - 1;
  const out = [1, ...z];
  for (let i = 0; i < paired; i++) for (let j = i; j < paired; j++) out.push(z[i]! * z[j]!);
  return out;
}

/** Evidence vectors for a candidate list, each with its margin over the best of the others. */
export function evidenceVectors(list: readonly Evidence[]): number[][] {
  const [first, second] = bestTwo(list.map((e) => e.memberCos));
  return list.map((e) => evidenceVector(e, e.memberCos === first ? second : first));
}

export function bestTwo(xs: readonly number[]): [number, number] {
  let first = 0;
  let second = 0;
  for (const x of xs) {
    if (x > first) [first, second] = [x, first];
    else if (x > second) second = x;
  }
  return [first, second];
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Probability that the candidate reports the query's event, from its verifier input. */
export function verifierScore(x: readonly number[], weights: readonly number[], shift = 0): number {
  let z = shift;
  for (let i = 0; i < x.length; i++) z += x[i]! * (weights[i] ?? 0);
  return sigmoid(z);
}

/** Scores for a candidate list under a verifier. */
export function verify(list: readonly Evidence[], v: Verifier): number[] {
  const shift = verifyShift(list, v);
  const [first, second] = bestTwo(list.map((e) => e.memberCos));
  return list.map((e) => scoreEvidence(e, e.memberCos === first ? second : first, v, shift));
}

/** The shift `verify` adds for this list (the query is the same for every candidate). */
export function verifyShift(list: readonly Evidence[], v: Verifier): number {
  return list[0]?.queryHasText === false ? v.headlineShift : 0;
}

// Scratch for scoreEvidence: the raw evidence and its standardised values of one candidate.
const rawScratch = new Float64Array(EVIDENCE_NAMES.length);
const zScratch = new Float64Array(EVIDENCE_NAMES.length);

/**
 * verifierScore(verifierFeatures(evidenceVector(e, bestOther), v), v.weights, shift) without its
 * arrays (two per candidate, the larger of 150 numbers, twice per stream arrival): the same
 * values, products and sums in the same order, so the same score to the last bit.
 */
export function scoreEvidence(e: Evidence, bestOther: number, v: Verifier, shift: number): number {
  const raw = rawScratch;
  const logGap = e.gapDays !== null ? Math.log1p(e.gapDays) : 0;
  raw[0] = e.memberCos;
  raw[1] = e.memberCos - bestOther;
  raw[2] = e.maxDocCos;
  raw[3] = e.titleCos;
  raw[4] = e.storyTitleInQuery;
  raw[5] = e.titleInStory;
  raw[6] = e.queryCover;
  raw[7] = e.storyCover;
  raw[8] = e.consensusCover;
  raw[9] = e.entities === null ? 0 : e.entities - 0.5;
  raw[10] = e.storyEntities === null ? 0 : e.storyEntities - 0.5;
  raw[11] = e.rarest;
  raw[12] = Math.min(e.sharedFigures, 2);
  raw[13] = e.queryHasText ? 1 : 0;
  raw[14] = e.gapDays !== null && e.timeSurprise !== null ? e.timeSurprise * Math.exp(-e.gapDays / 2) : 0;
  raw[15] = logGap;
  raw[16] = logGap * logGap;
  const n = raw.length;
  const z = zScratch;
  for (let i = 0; i < n; i++) {
    const x = raw[i]!;
    z[i] = (Math.min(v.highs[i] ?? x, Math.max(v.lows[i] ?? x, x)) - (v.means[i] ?? 0)) / (v.scales[i] || 1);
  }
  const w = v.weights;
  let sum = shift;
  sum += 1 * (w[0] ?? 0);
  for (let i = 0; i < n; i++) sum += z[i]! * (w[1 + i] ?? 0);
  let k = 1 + n;
  const paired = n - 1;
  for (let i = 0; i < paired; i++) for (let j = i; j < paired; j++) sum += z[i]! * z[j]! * (w[k++] ?? 0);
  return sigmoid(sum);
}
