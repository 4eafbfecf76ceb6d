// npx tsx scripts/verifier-cv.ts [--data DIR] [--lambda 10] [--folds 5] [--distractors]
// How well the verifier separates right answers from orphans on data it was not fitted on:
// story-grouped k-fold cross-validation on the calibration files (allsides-dev, neus-dev). The
// verifier is fitted as scripts/calibrate.ts fits it (size-balanced pairs) on the stories of k-1
// folds, and scores the README match protocol's queries and orphans of the stories in the last;
// the out-of-fold scores of every run are then read at bars keeping its orphan false matches at
// 1-5%. With --distractors, allsides-dev's match protocol with every other file of DIR as
// distractors is scored too (out of fold as well). A change of evidence or of the fit is worth
// keeping when the mean over runs moves by more than the spread between folds, not when one
// calibration run moves: those runs set the threshold and are not held-out figures.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, dataDirOrExit, balancedQueries, listFiles, loadFile, matchProtocol, orphanBar } from './lib/dataset';
import { calibrationVariants, collectCases, fitVerifier, mean, type QueryCase } from './lib/verifier-fit';

const CALIBRATION_FILES = ['allsides-dev', 'neus-dev'];
const FM_RATES = [0.01, 0.02, 0.03, 0.04, 0.05];
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: DEFAULT_DATA_DIR },
    lambda: { type: 'string', default: '10' },
    folds: { type: 'string', default: '5' },
    distractors: { type: 'boolean', default: false },
  },
});
const dir = dataDirOrExit('calibrate:cv', values.data, 'fail');
const folds = Number(values.folds);
const files = CALIBRATION_FILES.map((n) => loadFile(path.join(dir, `${n}.jsonl`)));
const variants = calibrationVariants(files);

const training = collectCases('training pairs', variants, (file, others, withDates, onQuery) => {
  for (const seed of [1, 2]) balancedQueries(file, others, { withDates, seed, onQuery });
});
const evaluated = collectCases('match protocol', variants, (file, others, withDates, onQuery) => void matchProtocol(file, others, { withDates, onQuery }));
if (values.distractors) {
  const all = listFiles(dir).map(loadFile);
  const file = all.find((f) => f.name === 'allsides-dev')!;
  const extra = collectCases('with all distractors', [[file, all.filter((f) => f !== file)]], (f, others, withDates, onQuery) => void matchProtocol(f, others, { withDates, onQuery }));
  evaluated.push(...extra.map((c) => ({ ...c, run: `${c.run}, all distractors` })));
}

/** A story's fold: a hash of its id, so its training pairs and its protocol queries share one. */
const foldOf = (story: string): number => {
  let h = 2166136261;
  for (let i = 0; i < story.length; i++) h = Math.imul(h ^ story.charCodeAt(i), 16777619);
  return (h >>> 0) % folds;
};

const scores = new Map<QueryCase, number[]>();
for (let k = 0; k < folds; k++) {
  const fitted = fitVerifier(
    training.filter((c) => foldOf(c.story) !== k),
    Number(values.lambda),
  );
  for (const c of evaluated) if (foldOf(c.story) === k) scores.set(c, c.raw.map((r) => fitted.score(r)));
  console.error(`fold ${k + 1} of ${folds} fitted`);
}

/** Hit@1 of a run at the bars keeping its orphan false matches at each of FM_RATES, and rank alone. */
function runFigures(cases: readonly QueryCase[]): { rank: number; atRates: number[] } {
  const orphanTops = cases.filter((c) => c.orphan).map((c) => Math.max(0, ...scores.get(c)!)).sort((a, b) => b - a);
  // The right story's score when it is on top, else -1.
  const right = cases.filter((c) => !c.orphan).map((c) => {
    const s = scores.get(c)!;
    return c.gold >= 0 && s[c.gold] === Math.max(...s) ? s[c.gold]! : -1;
  });
  const atRates = FM_RATES.map((rate) => {
    const bar = orphanBar(orphanTops, rate);
    return right.filter((x) => x > bar).length / right.length;
  });
  return { rank: right.filter((x) => x >= 0).length / right.length, atRates };
}

const pad = (s: string, n: number): string => s.padEnd(n);
console.log(`story-grouped ${folds}-fold cross-validation, lambda ${values.lambda}; Hit@1 at the bar keeping orphan false matches at 1-5%`);
console.log(`${pad('run', 44)}${pad('rank', 7)}${FM_RATES.map((r) => pad(`@${r * 100}%`, 7)).join('')}mean`);
const means: number[] = [];
for (const run of [...new Set(evaluated.map((c) => c.run))]) {
  const { rank, atRates } = runFigures(evaluated.filter((c) => c.run === run));
  const m = mean(atRates);
  if (!run.endsWith('all distractors')) means.push(m);
  console.log(`${pad(run, 44)}${pad(rank.toFixed(3), 7)}${atRates.map((x) => pad(x.toFixed(3), 7)).join('')}${m.toFixed(3)}`);
}
console.log(`mean over the calibration runs: ${mean(means).toFixed(4)}`);
