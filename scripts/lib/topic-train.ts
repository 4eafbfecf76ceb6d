// The whole training procedure of the topic classifier, shared by `npm run train:topics` (which
// ships its result) and `npm run bench:topics` (which reruns it without some outlets for the
// split_media check). Every choice in it is made by a stated rule on the training split (articles
// dated up to 2018) and never by a figure of the held-out years (2019–2020 articles, 2021 stories),
// which only `npm run bench:topics` reads:
// 1. Validation is out of time because the test is: the README's protocol tests on years after the
//    training ones, so the training split's last year (2018) is held back ("held-back year") and
//    only the years before it fit the weights. (An earlier round adopted this after reading a
//    held-out figure; the reason given here needs none.)
// 2. The weights are fitted on the fitting articles, their groups pooled as stories (the product
//    classifies stories of one to many reports), the categories' seed descriptions and the seed of
//    "none of them" (lib/topic-seed.ts), then rounded to hundredths, as they ship.
// 3. The threshold is the lowest hundredth at which the top category's precision reaches the
//    target on the held-back articles AND on the held-back stories (lib/topic-eval.ts's rule). The
//    target is the issue's own, 0.90, taken as given: it is not traded for coverage, since any
//    trade would have to be judged on some figure, and the only figures left are the held-out ones.
// 4. The fitting options (TRAIN_DEFAULTS) are each the variant with the greatest coverage at the
//    precision target on the held-back data: L2 penalty, terms kept and seed weight on a held-back
//    fifth of the training roundups (docs/benchmarks.md, "What was tried"); the rare-class power
//    (0 or 0.5) on the held-back year, articles and roundups averaged.
import { TopicClassifier, type TopicModel } from '../../src/engine/topics/topic-classifier';
import { groupStories, type LabelledItem } from './topic-data';
import { evaluate, scoreItems, type Figures } from './topic-eval';
import { fitTopicModel, type FitOptions } from './topic-fit';
import { CIVIC_CATEGORIES, CIVIC_PARENT, NONE_SEED } from './topic-seed';

export interface TrainOptions extends FitOptions {
  /** Precision the threshold must reach on the held-back runs. */
  target: number;
}

// The target is the (rule 3 above); rarePower by rule 4 (the figures: docs/benchmarks.md).
export const TRAIN_DEFAULTS: Omit<TrainOptions, 'log'> = { lambda: 10, keep: 300, minDf: 3, seedWeight: 10, rarePower: 0.5, target: 0.9 };
/** Training items dated from this day on are held back to set the threshold. */
export const HELD_BACK_FROM = '2018-01-01';
const isHeldBack = (it: LabelledItem): boolean => it.date !== null && it.date >= HELD_BACK_FROM;

export interface Trained {
  model: TopicModel;
  fitting: number;
  heldBack: number;
  /** Figures on the held-back runs at the chosen threshold: calibration data, not held-out results. */
  calibration: { name: string; figures: Figures }[];
}

export function trainTopics(train: readonly LabelledItem[], opts: TrainOptions): Trained {
  const fitting = train.filter((it) => !isHeldBack(it));
  const back = train.filter(isHeldBack);
  const model = fitRounded(fitting, opts);
  const { threshold, calibration } = calibrateThreshold(model, train, opts.target);
  return { model: { ...model, threshold }, fitting: fitting.length, heldBack: back.length, calibration };
}

/** The model fitted on the items (their roundups pooled as stories, plus the seeds), its weights
 * rounded to hundredths as they ship. */
export function fitRounded(items: readonly LabelledItem[], opts: FitOptions): TopicModel {
  const fitted = fitTopicModel([...items, ...groupStories(items)], CIVIC_CATEGORIES, NONE_SEED, opts);
  const round = (x: number): number => Math.round(x * 100) / 100;
  const weights = new Map<string, number[]>();
  for (const [term, row] of fitted.weights) {
    const kept: number[] = [];
    for (let i = 0; i < row.length; i += 2) if (round(row[i + 1]!) !== 0) kept.push(row[i]!, round(row[i + 1]!));
    if (kept.length > 0) weights.set(term, kept);
  }
  return { ...fitted, biases: fitted.biases.map(round), weights };
}

/** The lowest threshold (in hundredths) at which the model's top-category precision reaches the
 * target on the held-back articles and roundups of the training split, with the figures there.
 * Also run alone (`npm run train:topics -- --threshold-only`) on the shipped weights: they were
 * fitted without the held-back year, so setting their threshold again needs no refit. */
export function calibrateThreshold(model: TopicModel, train: readonly LabelledItem[], target: number): { threshold: number; calibration: Trained['calibration'] } {
  const back = train.filter(isHeldBack);
  const classifier = new TopicClassifier(model);
  const runs = [
    { name: 'held-back articles', scored: scoreItems(classifier, back) },
    { name: 'held-back stories (roundup groups)', scored: scoreItems(classifier, groupStories(back)) },
  ];
  const at = (t: number) => runs.map((r) => ({ name: r.name, figures: evaluate(r.scored, t, CIVIC_PARENT) }));
  const grid = Array.from({ length: 50 }, (_, i) => (50 + i) / 100);
  const threshold = grid.find((t) => at(t).every((r) => r.figures.precision >= target)) ?? grid.at(-1)!;
  return { threshold, calibration: at(threshold) };
}
