// Calibrated constants. Written by `npx tsx scripts/calibrate.ts` from allsides-dev and
// neus-dev only, with orphan false matches kept within 0.02 on each calibration run; do not edit
// by hand. Figures measured on those two files are calibration data, not held-out results.

/** Logistic verifier weights, in the order of `verifierFeatures` (decision.ts). */
export const VERIFIER_WEIGHTS: readonly number[] = [
  -6.2087, 4.7549, 6.6706, 1.8746, 0.4122, -1.1272, 10.3654, 1.9718, 0.3339, -1.1573,
  -3.4425, -1.3936, -2.9787, 0.4703, 0.0189, -0.6287, 0.6844, -0.4189, -0.9748, -3.3374,
  1.1983, -0.3564, -0.9423, -1.6107, -0.6029, 1.5989, -1.3022, -0.0237, -0.1457, -0.7262,
  -0.4033, 0.9972, 1.6371, 3.5468, 0.9842, 0.2032, 0.089, 1.2964, 0.1152, 0.4337,
  -5.8122, -2.1078, -0.0178, -0.3448, 0.5459, -1.1573,
];

/** Minimum verifier score for "this page is part of that story". */
export const MATCH_THRESHOLD = 0.94;

/** Stream clustering: minimum score to join a story, and to merge a second story into it. */
export const STREAM_JOIN_THRESHOLD = 0.7;
export const STREAM_MERGE_THRESHOLD = 0.95;
