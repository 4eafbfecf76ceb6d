// The whole training procedure of the topic classifier, shared by `npm run train:topics` (which
// ships its result) and `npm run bench:topics` (which reruns it without some outlets for the
// split_media check): on the training split only,
// 1. roundup groups are split 80/20 by a stable hash of their name (a roundup's articles stay on
//    one side): 80% fit the weights, 20% are held back;
// 2. the weights are fitted on the fitting articles, their groups pooled as stories (the product
//    classifies stories of one to many reports) and the seed descriptions, then rounded to
//    hundredths, as they ship;
// 3. the threshold is the lowest hundredth at which the top category's precision reaches the
//    target on the held-back articles AND on the held-back stories (lib/topic-eval.ts's rule).
import { TopicClassifier, type TopicModel } from '../../src/engine/topics/topic-classifier';
import { groupStories, heldBack, type LabelledItem } from './topic-data';
import { evaluate, scoreItems, type Figures } from './topic-eval';
import { fitTopicModel, type FitOptions } from './topic-fit';
import { CIVIC_CATEGORIES, CIVIC_PARENT } from './topic-seed';

export interface TrainOptions extends FitOptions {
  /** Precision the threshold must reach on the held-back runs. */
  target: number;
}

export const TRAIN_DEFAULTS: Omit<TrainOptions, 'log'> = { lambda: 10, keep: 300, minDf: 3, seedWeight: 10, target: 0.9 };
const HELD_BACK_SHARE = 0.2;

export interface Trained {
  model: TopicModel;
  fitting: number;
  heldBack: number;
  /** Figures on the held-back runs at the chosen threshold: calibration data, not held-out results. */
  calibration: { name: string; figures: Figures }[];
}

export function trainTopics(train: readonly LabelledItem[], opts: TrainOptions): Trained {
  const fitting = train.filter((it) => !heldBack(it.group, HELD_BACK_SHARE));
  const back = train.filter((it) => heldBack(it.group, HELD_BACK_SHARE));
  const fitted = fitTopicModel([...fitting, ...groupStories(fitting)], CIVIC_CATEGORIES, opts);
  const round = (x: number): number => Math.round(x * 100) / 100;
  const weights = new Map<string, number[]>();
  for (const [term, row] of fitted.weights) {
    const kept: number[] = [];
    for (let i = 0; i < row.length; i += 2) if (round(row[i + 1]!) !== 0) kept.push(row[i]!, round(row[i + 1]!));
    if (kept.length > 0) weights.set(term, kept);
  }
  const model: TopicModel = { ...fitted, biases: fitted.biases.map(round), weights };

  const classifier = new TopicClassifier(model);
  const runs = [
    { name: 'held-back articles', scored: scoreItems(classifier, back) },
    { name: 'held-back stories (roundup groups)', scored: scoreItems(classifier, groupStories(back)) },
  ];
  const at = (t: number) => runs.map((r) => ({ name: r.name, figures: evaluate(r.scored, t, CIVIC_PARENT) }));
  const grid = Array.from({ length: 50 }, (_, i) => (50 + i) / 100);
  const threshold = grid.find((t) => at(t).every((r) => r.figures.precision >= opts.target)) ?? grid.at(-1)!;
  return { model: { ...model, threshold }, fitting: fitting.length, heldBack: back.length, calibration: at(threshold) };
}
