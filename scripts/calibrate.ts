// npx tsx scripts/calibrate.ts [--data DIR] [--max-orphan-fm 0.01] [--stream-sample 3000] [--lambda 10] [--no-stream | --stream-only]
// Sets the engine's learned constants from the calibration files allsides-dev, neus-dev and gva-dev
// ONLY, each with the others as distractors (in a dated run, moved into the file's own time window),
// dated and undated, with leads and headlines only:
// 1. fits the logistic verifier on (query, candidate story) pairs in which story size says nothing
//    about the answer (balancedQueries in lib/dataset.ts), evidence standardised on those pairs;
// 2. picks MATCH_THRESHOLD as the lowest score keeping orphan false matches within the limit on
//    every calibration run of the README match protocol;
// 3. grid-searches the stream thresholds for BCubed F1 with that verifier.
// Writes src/engine/calibration.ts. About four minutes on two cores.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Verifier } from '../src/engine/verifier';
import type { StreamClustererOptions } from '../src/engine/index';
import { DEFAULT_DATA_DIR, dataDirOrExit, balancedQueries, hasDates, intoWindow, loadFile, matchProtocol, orphanBar, streamProtocol, shuffled, type DataFile } from './lib/dataset';
import { calibrationVariants, collectCases, fitVerifier, headlinesOnly, mean, type QueryCase } from './lib/verifier-fit';

const CALIBRATION_FILES = ['allsides-dev', 'neus-dev', 'gva-dev'];
// Where calibration.ts's stream block (STREAM_VERIFIER and the stream thresholds) begins.
const STREAM_MARK = '// The stream clusterer\'s verifier (STREAM_VERIFIER, verifier.ts): the one the stream';
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: DEFAULT_DATA_DIR },
    // Half the issue's 2%: on the reader's path (bench:feeds, dev files) orphan false launchers ran
    // at about twice the protocol's orphan false matches at the same threshold (a feed's stories
    // are larger than the protocol's, so an orphan page meets more members), and the reader's
    // target there is 1%.
    'max-orphan-fm': { type: 'string', default: '0.01' },
    'stream-sample': { type: 'string', default: '3000' },
    lambda: { type: 'string', default: '10' },
    // Only step 3, with the stream's verifier calibration.ts holds; rewrites the two stream thresholds there.
    'stream-only': { type: 'boolean', default: false },
    'stream-step': { type: 'string', default: '0.05' },
    // Steps 1 and 2 only: the stream thresholds calibration.ts holds are kept (the stream grid is
    // most of calibration's time; re-grid them with --stream-only when the verifier's scores move).
    'no-stream': { type: 'boolean', default: false },
    // Iteration on a loaded machine: each calibration file cut to this many stories (seeded; the
    // distractors stay whole). Say so when shipping constants set this way.
    'sample-stories': { type: 'string' },
    // The collected evidence written to / read from a file (steps 1 and 2 then skip collecting it):
    // trials of other evidence subsets or penalties on the very same pairs.
    'cases-out': { type: 'string' },
    'cases-in': { type: 'string' },
  },
});
const maxOrphanFm = Number(values['max-orphan-fm']);
const storySample = values['sample-stories'] === undefined ? Infinity : Number(values['sample-stories']);
const files = CALIBRATION_FILES.map((n) => loadFile(path.join(dataDirOrExit('calibrate', values.data, 'fail'), `${n}.jsonl`)));
// Each file as it is and with headlines only: a verifier fitted only on headline-plus-lead pairs
// ranks headline-only queries badly.
const variants = calibrationVariants(files).map(([f, others]) => [keepStories(f, storySample), others] as const);
function keepStories(f: DataFile, n: number): DataFile {
  if (n === Infinity) return f;
  const keep = new Set(shuffled([...new Set(f.rows.map((r) => r.story))].sort(), 1).slice(0, n));
  return { ...f, rows: f.rows.filter((r) => keep.has(r.story)) };
}

if (values['stream-only']) {
  // The stream's own verifier (kept since page matching was calibrated apart with --no-stream).
  const { STREAM_VERIFIER } = await import('../src/engine/verifier');
  const [join, merge, cohesion] = streamThresholds(STREAM_VERIFIER);
  const file = path.resolve(import.meta.dirname, '../src/engine/calibration.ts');
  const text = readFileSync(file, 'utf8');
  if (!text.includes(STREAM_MARK)) throw new Error('src/engine/calibration.ts has no stream block to replace');
  writeFileSync(file, text.slice(0, text.indexOf(STREAM_MARK)) + streamBlock(STREAM_VERIFIER, join, merge, cohesion));
  console.error(`stream join ${join}, merge ${merge}, cohesion ${cohesion} for the stream's verifier written to src/engine/calibration.ts`);
  process.exit(0);
}

// 1. The verifier, on size-balanced pairs (two seeded draws of which members each story keeps).
type Collected = { training: QueryCase[]; cases: QueryCase[] };
const stored: Collected | null = values['cases-in'] ? (JSON.parse(readFileSync(values['cases-in'], 'utf8')) as Collected) : null;
const training =
  stored?.training ??
  collectCases('training pairs', variants, (file, others, withDates, onQuery) => {
    for (const seed of [1, 2]) balancedQueries(file, others, { withDates, seed, onQuery });
  });
const { standard, weights, score } = fitVerifier(training, Number(values.lambda), (l) => console.error(`  ${l}`));
const { means, scales, lows, highs } = standard;

// 2. The threshold: the lowest score keeping orphan false matches within the limit on every run of
// the README match protocol whose queries have a lead; then the log-odds shift for headline-only
// queries that makes the same threshold hold on every headline-only run.
const cases = stored?.cases ?? collectCases('match protocol', variants, (file, others, withDates, onQuery) => void matchProtocol(file, others, { withDates, onQuery }));
if (values['cases-out']) writeFileSync(values['cases-out'], JSON.stringify({ training, cases } satisfies Collected));
const runs = [...new Set(cases.map((c) => c.run))];
const headlineRun = (run: string): boolean => cases.some((c) => c.run === run && c.headline);
const tops = (run: string, shift: number): number[] =>
  cases
    .filter((c) => c.run === run && c.orphan)
    .map((c) => Math.max(0, ...c.raw.map((r) => score(r, shift))))
    .sort((a, b) => b - a);
/** Lowest threshold (in thousandths) keeping every given run's orphan false matches within the limit. */
const needed = (subset: string[], shift = 0): number =>
  Math.max(...subset.map((run) => Math.ceil((orphanBar(tops(run, shift), maxOrphanFm) + 1e-9) * 1000) / 1000));
const threshold = needed(runs.filter((r) => !headlineRun(r)));
const logit = (p: number): number => Math.log(p / (1 - p));
const headlineShift = Math.round((logit(threshold) - logit(Math.min(0.9999, needed(runs.filter(headlineRun))))) * 1e4) / 1e4;
console.error('MATCH_THRESHOLD', threshold, 'HEADLINE_SHIFT', headlineShift);
for (const run of runs) {
  const shift = headlineRun(run) ? headlineShift : 0;
  const queries = cases.filter((c) => c.run === run && !c.orphan);
  const hits = queries.filter((c) => {
    const scores = c.raw.map((r) => score(r, shift));
    return c.gold >= 0 && scores[c.gold]! >= threshold && scores[c.gold] === Math.max(...scores);
  }).length;
  const fm = tops(run, shift).filter((t) => t >= threshold).length / tops(run, shift).length;
  console.error(`  ${run}: Hit@1 ${(hits / queries.length).toFixed(3)}, orphan false matches ${fm.toFixed(3)}, its own bar ${needed([run], shift)}`);
}
const verifier: Verifier = { ...standard, weights, threshold, headlineShift };

// 3. Stream thresholds, on a seeded sample of stories: the join bar maximises the mean BCubed F1
// over the calibration runs (dated and undated, with leads and headlines only, and the files
// together in one 30-day window: readerWindow) with merging off;
// then the merge bar (a second story scoring this high for the same article is merged in) is
// chosen with it, from the join bar up (2: never merge).
// With --no-stream the stream keeps its verifier and thresholds (the block of calibration.ts that
// holds them is copied as it is); otherwise it gets the new verifier and thresholds gridded for it.
const shipped = readFileSync(path.resolve(import.meta.dirname, '../src/engine/calibration.ts'), 'utf8');
if (!shipped.includes(STREAM_MARK)) throw new Error('src/engine/calibration.ts has no stream block to keep or replace');
const stream = values['no-stream'] ? shipped.slice(shipped.indexOf(STREAM_MARK)) : streamBlock(verifier, ...streamThresholds(verifier));

function streamThresholds(v: Verifier): [number, number, number] {
  const sampled = files.map((f) => sampleStories(f, Number(values['stream-sample'])));
  const streamFiles = [...sampled, ...sampled.map(headlinesOnly)];
  const mixed = readerWindow(sampled);
  const streamRuns: [DataFile, boolean][] = [
    ...streamFiles.flatMap((f) => (hasDates(f) ? [[f, true], [f, false]] : [[f, false]]) as [DataFile, boolean][]),
    [mixed, true],
    [headlinesOnly(mixed), true],
  ];
  const gridBest = (grid: number[], opts: (x: number) => StreamClustererOptions) => {
    let best = { x: grid[0]!, f1: -1 };
    for (const x of grid) {
      const f1 = mean(streamRuns.map(([f, d]) => streamProtocol(f, d, opts(x)).f1));
      console.error(`  ${x}: F1 ${f1.toFixed(4)}`);
      if (f1 > best.f1) best = { x, f1 };
    }
    return best.x;
  };
  const by = Number(values['stream-step']);
  const steps = (from: number, to: number): number[] => Array.from({ length: Math.round((to - from) / by) + 1 }, (_, i) => Math.round((from + i * by) * 100) / 100);
  console.error('stream join:');
  const j = gridBest(steps(0.05, 0.8), (x) => ({ joinThreshold: x, mergeThreshold: 2, cohesion: 0, verifier: v }));
  console.error('stream merge:');
  const m = gridBest([...steps(j, 0.95), 0.99, 2], (x) => ({ joinThreshold: j, mergeThreshold: x, cohesion: 0, verifier: v }));
  // Then the cohesion an article needs with the members of the story it joins (0: none), finer:
  // it matters where a window crowds one topic's events together.
  console.error('stream cohesion:');
  const c = gridBest([0, 0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.25], (x) => ({ joinThreshold: j, mergeThreshold: m, cohesion: x, verifier: v }));
  return [j, m, c];
}

function fmt(x: number): string {
  return String(Math.round(x * 1e4) / 1e4);
}
function list(xs: readonly number[]): string {
  return `[\n${chunks(xs.map(fmt), 10).map((c) => `  ${c.join(', ')},`).join('\n')}\n]`;
}
writeFileSync(
  path.resolve(import.meta.dirname, '../src/engine/calibration.ts'),
  `// Calibrated constants. Written by \`npm run calibrate\` from ${CALIBRATION_FILES.join(', ')} only,
// with orphan false matches kept within ${maxOrphanFm} on each calibration run; do not edit by hand.
// Figures measured on those files are calibration data, not held-out results.

/** Mean, scale and range of each evidence value (\`EVIDENCE_NAMES\`, verifier.ts) over the calibration pairs. */
export const FEATURE_MEANS: readonly number[] = ${list(means)};
export const FEATURE_SCALES: readonly number[] = ${list(scales)};
export const FEATURE_LOWS: readonly number[] = ${list(lows)};
export const FEATURE_HIGHS: readonly number[] = ${list(highs)};

/** Logistic verifier weights, in the order of \`verifierFeatures\` (verifier.ts). */
export const VERIFIER_WEIGHTS: readonly number[] = ${list(weights)};

/** Minimum verifier score for "this page is part of that story". */
export const MATCH_THRESHOLD = ${threshold};

/** Log-odds added to the verifier's score when the query is a headline alone. */
export const HEADLINE_SHIFT = ${headlineShift};

${stream}`,
);

function streamBlock(v: Verifier, join: number, merge: number, cohesion: number): string {
  return `${STREAM_MARK}
// thresholds below were gridded for (a --no-stream calibration copies this block as it is).
export const STREAM_FEATURE_MEANS: readonly number[] = ${list(v.means)};
export const STREAM_FEATURE_SCALES: readonly number[] = ${list(v.scales)};
export const STREAM_FEATURE_LOWS: readonly number[] = ${list(v.lows)};
export const STREAM_FEATURE_HIGHS: readonly number[] = ${list(v.highs)};
export const STREAM_VERIFIER_WEIGHTS: readonly number[] = ${list(v.weights)};
export const STREAM_MATCH_THRESHOLD = ${v.threshold};
export const STREAM_HEADLINE_SHIFT = ${v.headlineShift};

/** Stream clustering: minimum score to join a story, and to merge a second story into it. */
export const STREAM_JOIN_THRESHOLD = ${join};
export const STREAM_MERGE_THRESHOLD = ${merge};
/** Stream clustering: minimum mean cosine between an article and the members of the story it joins (cohesion.ts). */
export const STREAM_COHESION = ${cohesion};
`;
}
console.error('wrote src/engine/calibration.ts');

/**
 * The calibration files' stories in one 30-day window, as a reader's feeds hold them: each story
 * placed at a seeded moment of the window, keeping its own spread (an undated one gets ±24 h per
 * article; intoWindow). A file alone is one topic or one era; the reader's stream crowds every
 * topic into the retention window, where a join bar set on single files joins events it should
 * not (bench:feeds-ingest's 100 sources: BCubed precision 0.765 at the bar set without this run).
 */
function readerWindow(sampled: readonly DataFile[]): DataFile {
  const window: DataFile = { name: 'window', datesMoved: false, rows: [0, 30 * 86_400_000].map((date) => ({ id: '', story: '', title: '', text: null, source: null, date })) };
  const moved = intoWindow(window, sampled, 7);
  const rows = moved.flatMap((f) => f.rows.map((r) => ({ ...r, id: `${f.name}:${r.id}`, story: `${f.name}:${r.story}` })));
  return { name: 'reader-window', datesMoved: false, rows };
}

function sampleStories(f: DataFile, maxRows: number): DataFile {
  const stories = new Set(shuffled([...new Set(f.rows.map((r) => r.story))], 1).slice(0, Math.ceil(maxRows / 3)));
  return { ...f, rows: f.rows.filter((r) => stories.has(r.story)) };
}

function chunks<T>(xs: readonly T[], n: number): T[][] {
  return Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
}

