// Calibrated constants. Written by `npx tsx scripts/calibrate.ts` from allsides-dev and
// neus-dev only, with orphan false matches kept within 0.02 on each calibration run; do not edit
// by hand. Figures measured on those two files are calibration data, not held-out results.

/** Mean, scale and range of each evidence value (`EVIDENCE_NAMES`, verifier.ts) over the calibration pairs. */
export const FEATURE_MEANS: readonly number[] = [
  0.1372, -0.2019, 0.1542, 0.123, 0.1792, 0.1699, 0.3477, 0.3634, 0.2057, -0.3049,
  -0.309, 0.7112, 0.0343, 0.5048, 0.0041, 0.0577, 0.2169,
];
export const FEATURE_SCALES: readonly number[] = [
  0.0832, 0.1485, 0.0897, 0.103, 0.1293, 0.1306, 0.1203, 0.1178, 0.1986, 0.243,
  0.2492, 0.0799, 0.1919, 0.5, 0.0757, 0.4621, 1.8898,
];
export const FEATURE_LOWS: readonly number[] = [
  0.0111, -0.9649, 0.0192, 0, 0, 0, 0.0541, 0.0457, 0, -0.5,
  -0.5, 0.4435, 0, 0, 0, 0, 0,
];
export const FEATURE_HIGHS: readonly number[] = [
  1, 0.7982, 1, 1, 1, 1, 1, 1, 1, 0.5,
  0.5, 0.9272, 2, 1, 2.851, 5.1875, 26.9098,
];

/** Logistic verifier weights, in the order of `verifierFeatures` (verifier.ts). */
export const VERIFIER_WEIGHTS: readonly number[] = [
  -6.0589, 1.9519, 1.5317, 0.0165, -0.8671, 1.1258, 0.7826, -0.0918, -0.621, -0.23,
  -0.2797, -0.1335, 0.4918, -0.1142, -0.737, 0.4565, 0.7173, -0.0389, -0.5006, -0.0162,
  0.425, 0.2726, 0.1677, 0.3555, 0.0183, 0.2424, -0.0801, 0.0796, -0.0722, 0.0962,
  -0.021, -0.0955, 0.1027, -0.1342, 0.0425, -0.0572, -0.0327, 0.1014, 0.0842, -0.1017,
  -0.049, 0.0556, 0.0475, 0.0088, -0.0882, 0.0199, 0.298, -0.0199, 0.0203, -0.094,
  0.0291, -0.0734, -0.1937, 0.0304, -0.1282, 0.0821, 0.0506, -0.0077, -0.1475, 0.0206,
  0.1674, -0.0112, -0.3225, -0.1051, 0.1209, 0.0937, -0.2703, -0.2267, 0.0069, -0.0375,
  0.0066, 0.0005, 0.0023, 0.7892, -0.0084, 0.1219, -0.0047, -0.0123, -0.1095, -0.2881,
  0.0018, -0.0538, 0.0338, 0.0215, -0.0128, -0.6079, 0.0059, -0.0847, -0.0113, -0.2336,
  -0.1666, -0.0413, 0.0549, -0.0418, 0.0217, -0.0305, -0.3412, 0.0101, -0.0476, 0.0063,
  0.014, 0.0031, -0.1633, 0.1333, -0.0009, 0.074, -0.1195, -0.0546, 0.2159, 0.0236,
  -0.1592, -0.0251, -0.0048, 0.0192, -0.0181, 0.0304, -0.045, 0.1421, 0.135, 0.0074,
  -0.0222, 0.0214, 0.0007, 0.102, -0.0064, -0.2164, 0.071, -0.0704, -0.0151, -0.0178,
  -0.058, 0.005, -0.0849, 0.046, -0.0301, -0.0115, 0.0103, -0.0025, 0.0884, 0.0327,
  0.0366, -0.1829, -0.0135, -0.1261, 0.0065, 0.0577, 0.0012, 0.0468, 0.0141, -0.028,
  -0.425, -0.0085, -0.0252, -0.5236,
];

/** Minimum verifier score for "this page is part of that story". */
export const MATCH_THRESHOLD = 0.838;

/** Log-odds added to the verifier's score when the query is a headline alone. */
export const HEADLINE_SHIFT = -0.7854;

/** Stream clustering: minimum score to join a story, and to merge a second story into it. */
export const STREAM_JOIN_THRESHOLD = 0.35;
export const STREAM_MERGE_THRESHOLD = 0.9;
