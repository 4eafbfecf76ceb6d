// npm run train:topics [-- --data DIR] [--lambda 10] [--keep 300] [--rare-power 0.5] [--target 0.9] [--threshold-only | --fit-all]
// Learns the topic classifier (src/engine/topics) and writes src/engine/topic-weights.ts.
// Reads ../shared/data/topics/allsides-baly.jsonl articles dated up to 2018-12-31 ONLY (the README
// protocol's training split; 2019–2020 and the 2021 stories are left to `npm run bench:topics`),
// labelled through scripts/data/topic-map.json, plus the seed descriptions of lib/topic-seed.ts.
// The procedure (fit on the articles up to 2017, threshold on those of 2018) is lib/topic-train.ts.
// A few minutes on two cores (tens of minutes on a loaded machine). --threshold-only keeps the
// shipped weights (fitted without 2018, so 2018 is still held back from them) and sets
// TOPIC_THRESHOLD again for --target: seconds. --fit-all, run after a plain run, refits the weights
// on every training article (2018 too: the latest news the model can learn from) and keeps the
// TOPIC_THRESHOLD that run set on 2018 for weights that had not seen it.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { TopicModel } from '../src/engine/topics/topic-classifier';
import { loadBaly, loadTopicMap, missingData, TOPICS_DIR } from './lib/topic-data';
import { calibrateThreshold, fitRounded, TRAIN_DEFAULTS, trainTopics, type Trained } from './lib/topic-train';
import { parseTopicWeights } from '../src/engine/topics/topic-classifier';
import { TOPIC_BIASES, TOPIC_CATEGORIES, TOPIC_PARENTS, TOPIC_THRESHOLD, TOPIC_WEIGHTS } from '../src/engine/topic-weights';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: TOPICS_DIR },
    lambda: { type: 'string', default: String(TRAIN_DEFAULTS.lambda) },
    keep: { type: 'string', default: String(TRAIN_DEFAULTS.keep) },
    'min-df': { type: 'string', default: String(TRAIN_DEFAULTS.minDf) },
    'seed-weight': { type: 'string', default: String(TRAIN_DEFAULTS.seedWeight) },
    'rare-power': { type: 'string', default: String(TRAIN_DEFAULTS.rarePower) },
    target: { type: 'string', default: String(TRAIN_DEFAULTS.target) },
    'threshold-only': { type: 'boolean', default: false },
    'fit-all': { type: 'boolean', default: false },
  },
});
const dir = path.resolve(values.data);
const missing = missingData(dir);
if (missing) {
  console.error(`train:topics needs the labelled data: ${missing}`);
  process.exit(1);
}
const opts = {
  lambda: Number(values.lambda),
  keep: Number(values.keep),
  minDf: Number(values['min-df']),
  seedWeight: Number(values['seed-weight']),
  rarePower: Number(values['rare-power']),
  target: Number(values.target),
};
const { train } = loadBaly(loadTopicMap(), dir);
const file = path.resolve(import.meta.dirname, '../src/engine/topic-weights.ts');
const started = Date.now();
let model: TopicModel;
let calibration: Trained['calibration'];
// What the weights were fitted with, for the generated file's header.
let fittedWith = `lambda ${opts.lambda}, ${opts.keep} terms per class, rare-class power ${opts.rarePower}`;
// Whether the weights saw 2018, the year that sets the threshold.
const REFIT_MARK = 'refit on every training article';
const refit = values['fit-all'];
const shippedHeader = readFileSync(file, 'utf8').slice(0, 1000);
if (values['threshold-only'] && shippedHeader.includes(REFIT_MARK)) {
  console.error('--threshold-only: the shipped weights were refitted on 2018 too, which sets the threshold; run train:topics without flags first');
  process.exit(1);
}
if (refit) {
  model = { ...fitRounded(train, { ...opts, log: (l) => console.error(`  ${l}`) }), threshold: TOPIC_THRESHOLD };
  calibration = [];
  console.error(`refitted on all ${train.length} training articles in ${((Date.now() - started) / 1000).toFixed(0)} s; TOPIC_THRESHOLD ${TOPIC_THRESHOLD} kept from the run that set it on 2018`);
} else if (values['threshold-only']) {
  const shipped = { categories: TOPIC_CATEGORIES, biases: TOPIC_BIASES, parents: TOPIC_PARENTS, weights: parseTopicWeights(TOPIC_WEIGHTS), threshold: 0.5 };
  ({ threshold: shipped.threshold, calibration } = calibrateThreshold(shipped, train, opts.target));
  model = shipped;
  fittedWith = /^\/\/ (lambda [^,]+, \d+ terms per class(?:, rare-class power [\d.]+)?)/m.exec(readFileSync(file, 'utf8'))?.[1] ?? fittedWith;
  console.error(`threshold only: the shipped weights, ${fittedWith}`);
} else {
  const trained = trainTopics(train, { ...opts, log: (l) => console.error(`  ${l}`) });
  ({ model, calibration } = trained);
  console.error(`training split: ${train.length} articles dated up to 2018-12-31; ${trained.fitting} fit, ${trained.heldBack} held back; ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
if (!refit) console.error(`TOPIC_THRESHOLD ${model.threshold} (precision target ${opts.target}); figures on calibration data, not held-out results:`);
for (const { name, figures: f } of calibration) {
  console.error(`  ${name}: precision ${f.precision.toFixed(3)} (strict ${f.precisionStrict.toFixed(3)}), coverage ${f.coverage.toFixed(3)}, no category ${f.noCategoryShare.toFixed(3)}`);
}
writeFileSync(file, weightsModule(model));
const pairs = [...model.weights.values()].reduce((n, r) => n + r.length / 2, 0);
console.error(`wrote ${path.relative(process.cwd(), file)}: ${model.weights.size} terms, ${pairs} weights, ${(statSync(file).size / 1024).toFixed(1)} KB`);

function weightsModule(m: TopicModel): string {
  const lines = [...m.weights]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([term, row]) => `${term}=${Array.from({ length: row.length / 2 }, (_, i) => `${row[2 * i]}:${row[2 * i + 1]}`).join(',')}`);
  return `// Generated by \`npm run train:topics\` (scripts/train-topics.ts); do not edit by hand.
${refit ? `// Learned from AllSides articles (../shared/data/topics) up to 2018-12-31 and the categories'
// seed descriptions (\`--fit-all\`: ${REFIT_MARK}); TOPIC_THRESHOLD was set on the 2018 articles
// for the same procedure fitted up to 2017-12-31 (\`npm run train:topics\` without flags).` : `// Learned from AllSides articles (../shared/data/topics: those dated up to 2017-12-31 fit the
// weights, those of 2018 set TOPIC_THRESHOLD), the categories' seed descriptions and the seed of
// "none of them" (scripts/lib/topic-seed.ts).`}
// Numbers only: terms are Porter stems and pairs of stems, never sentences of the articles.
// ${fittedWith}, precision target ${opts.target}.

/** Minimum score for a category to be given to a story (set on the held-back 2018 articles and roundups). */
export const TOPIC_THRESHOLD = ${m.threshold};

/** Civic category ids (the built-in pack \`civic\`), in the order the weights index them. */
export const TOPIC_CATEGORIES: readonly string[] = ${JSON.stringify(m.categories)};

/** Index of each category's parent, -1 for a top-level category. */
export const TOPIC_PARENTS: readonly number[] = ${JSON.stringify(m.parents)};

/** Each class's bias: the categories', then "none of them". */
export const TOPIC_BIASES: readonly number[] = ${JSON.stringify(m.biases)};

/** One line per term: \`term=class:weight,…\` (parseTopicWeights in topics/topic-classifier.ts). */
export const TOPIC_WEIGHTS = \`
${lines.join('\n')}
\`;
`;
}
