// Calibrated constants. Written by `npm run calibrate` from allsides-dev, neus-dev, gva-dev only,
// with orphan false matches kept within 0.02 on each calibration run; do not edit by hand.
// Figures measured on those files are calibration data, not held-out results.

/** Mean, scale and range of each evidence value (`EVIDENCE_NAMES`, verifier.ts) over the calibration pairs. */
export const FEATURE_MEANS: readonly number[] = [
  0.1444, -0.2019, 0.1582, 0.13, 0.1932, 0.1796, 0.3556, 0.3775, 0.2016, -0.3162,
  -0.3123, 0.7127, 0.0564, 0.5051, 0.0132, 0, 0.0165, 1.1517, 6.3559,
];
export const FEATURE_SCALES: readonly number[] = [
  0.0895, 0.153, 0.0958, 0.112, 0.1364, 0.1398, 0.126, 0.1212, 0.1876, 0.2413,
  0.2472, 0.0821, 0.2477, 0.5, 0.1071, 1, 0.1953, 2.2426, 13.4667,
];
export const FEATURE_LOWS: readonly number[] = [
  0.009, -0.9737, 0.0118, 0, 0, 0, 0.054, 0.0516, 0, -0.5,
  -0.5, 0.3448, 0, 0, 0, 0, 0, 0, 0,
];
export const FEATURE_HIGHS: readonly number[] = [
  1, 0.8678, 1, 1, 1, 1, 1, 1, 1, 0.5,
  0.5, 0.9296, 2, 1, 1, 0, 4.3241, 7.3441, 53.9354,
];

/** Logistic verifier weights, in the order of `verifierFeatures` (verifier.ts). */
export const VERIFIER_WEIGHTS: readonly number[] = [
  -6.7272, 1.3639, 1.2243, 0.2004, -0.4302, 0.7438, 0.4329, 0.1717, -0.2949, -0.2052,
  -0.2764, -0.1596, 0.6893, -0.1944, -0.4509, -0.2618, 0, 0.4636, -0.5675, -0.2957,
  -0.4003, -0.1856, 0.2089, 0.2871, 0.2162, 0.2305, 0.1186, 0.0946, -0.0753, 0.1011,
  -0.0473, 0.0322, -0.122, -0.0679, -0.134, 0, -0.0111, -0.3674, 0.1701, 0.0335,
  -0.0302, 0.0808, -0.0681, 0.1155, -0.0055, 0.061, 0.0965, 0.0203, -0.1734, 0.0549,
  0.3065, 0.0293, 0, -0.0243, -0.0622, -0.1276, 0.0828, 0.0272, -0.0086, 0.0646,
  -0.1964, 0.0741, -0.0523, 0.0489, -0.0309, 0.0136, 0.0423, 0.0334, 0, -0.0059,
  -0.0303, -0.0863, 0.0727, 0.0608, -0.2673, -0.2588, 0.016, -0.0126, -0.0502, -0.0443,
  0.0072, 0.5089, 0.0289, 0, 0.0059, 0.0402, 0.0137, -0.1521, -0.0134, -0.4054,
  0.0204, -0.1084, 0.0979, 0.0664, -0.0009, -0.3033, 0.0039, 0, 0.0061, -0.0613,
  0.0338, -0.3315, 0.0441, -0.0681, 0.0931, 0.0022, 0.0569, -0.0296, -0.0536, -0.0112,
  0, -0.0058, -0.0516, 0.0416, -0.13, -0.0023, -0.1783, 0.065, -0.0475, 0.1321,
  -0.1715, 0.071, 0, 0.0203, 0.1769, 0.2521, -0.129, 0.0638, -0.0875, 0.0231,
  0.0788, 0.0393, 0.0312, 0, -0.0051, 0.2404, 0.1153, 0.0085, -0.0212, -0.0012,
  0.0287, 0.0694, -0.0248, 0, -0.015, -0.0756, 0.0917, -0.0973, -0.0478, -0.0289,
  -0.087, 0.0537, 0, 0.0015, 0.0409, 0.073, -0.0511, -0.0287, -0.0709, 0.0191,
  0, 0.0005, 0.0683, 0.1131, 0.0526, -0.1641, -0.0247, 0, 0.0043, 0.3303,
  0.0031, 0.0485, -0.0031, 0, 0.0012, 0.0059, 0.0093, 0.0055, 0, -0.0432,
  -0.0045, 0.0187, 0, 0.0072, -0.0405, 0, 0, 0, -0.003, 0.2449,
  -0.2088,
];

/** Minimum verifier score for "this page is part of that story". */
export const MATCH_THRESHOLD = 0.877;

/** Log-odds added to the verifier's score when the query is a headline alone. */
export const HEADLINE_SHIFT = -0.2;

/** Stream clustering: minimum score to join a story, and to merge a second story into it. */
export const STREAM_JOIN_THRESHOLD = 0.35;
export const STREAM_MERGE_THRESHOLD = 0.9;
