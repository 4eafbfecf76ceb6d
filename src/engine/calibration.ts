// Calibrated constants. Written by `npx tsx scripts/calibrate.ts` from allsides-dev and
// neus-dev only, with orphan false matches kept within 0.02 on each calibration run; do not edit
// by hand. Figures measured on those two files are calibration data, not held-out results.

/** Logistic verifier weights, in the order of `verifierFeatures` (decision.ts). */
export const VERIFIER_WEIGHTS: readonly number[] = [-6.7843, 3.1398, 5.4986, -1.1753, 2.6363, 0.2175, 12.7158, 2.1459, 0.6455, -2.2201];

/** Minimum verifier score for "this page is part of that story". */
export const MATCH_THRESHOLD = 0.97;

/** Stream clustering: minimum score to join a story, and to merge a second story into it. */
export const STREAM_JOIN_THRESHOLD = 0.2;
export const STREAM_MERGE_THRESHOLD = 1.01;
