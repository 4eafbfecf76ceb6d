// npm run bench:topics [-- --json] [--skip-media]
// The shipped topic classifier (src/engine/topic-weights.ts) on the held-out data of
// ../shared/data/topics/README.md, never fitted on:
// - allsides-baly articles dated 2019–2020 (the headline figures), and the same roundups pooled
//   as stories;
// - allsides-dev-story-topics (2021, out of time): each story classified from its member articles
//   in ../shared/data/stories/allsides-dev.jsonl (their headlines and leads; never AllSides' own
//   title or summary of the story);
// - the split_media check: the training procedure rerun without the authors' split_media "test"
//   outlets, then scored on those outlets' articles (unseen outlets), before and after 2019;
// - speed: classification time per story over 1,000 stories.
// Scoring rule (lib/topic-eval.ts): "no category" is right for items the data puts in none; a top
// category is right when it is a gold category or (lenient, the headline) its parent; strict
// figures count the gold category only.
import { parseArgs } from 'node:util';
import { civicTopics, TOPIC_THRESHOLD } from '../src/engine';
import { groupStories, loadBaly, loadDevStories, loadTopicMap, missingData, type LabelledItem } from './lib/topic-data';
import { evaluate, scoreItems, type Figures } from './lib/topic-eval';
import { TRAIN_DEFAULTS, trainTopics } from './lib/topic-train';
import { parseTopicWeights, TopicClassifier } from '../src/engine/topics/topic-classifier';
import { TOPIC_WEIGHTS } from '../src/engine/topic-weights';
import { CIVIC_IDS, CIVIC_PARENT } from './lib/topic-seed';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, 'skip-media': { type: 'boolean', default: false } } });
const missing = missingData();
if (missing) {
  const reason = `bench:topics skipped: ${missing}`;
  console.log(values.json ? JSON.stringify({ skipped: reason }) : reason);
  process.exit(0);
}
const log = (line: string): void => {
  if (!values.json) console.log(line);
};

const map = loadTopicMap();
const { train, test } = loadBaly(map);
const dev = loadDevStories(map);
const classifier = civicTopics();
const figures = (c: TopicClassifier, items: readonly LabelledItem[]): Figures => evaluate(scoreItems(c, items), c.model.threshold, CIVIC_PARENT);

const runs: { name: string; items: number; f: Figures }[] = [];
const run = (name: string, items: readonly LabelledItem[], c = classifier): Figures => {
  const f = figures(c, items);
  runs.push({ name, items: items.length, f });
  return f;
};
const articles = run('allsides-baly 2019–2020 articles', test);
run('allsides-baly 2019–2020 roundups as stories', groupStories(test));
const stories = run(`allsides-dev 2021 stories (${dev.skipped.length} merged ids left out)`, dev.items);

if (!values['skip-media']) {
  // Unseen outlets: the same procedure, fitted and calibrated without the split_media test outlets.
  const unseen = (it: LabelledItem): boolean => it.splitMedia === 'test';
  const trained = trainTopics(train.filter((it) => !unseen(it)), TRAIN_DEFAULTS);
  const retrained = new TopicClassifier(trained.model);
  const note = `retrained without them, threshold ${trained.model.threshold}`;
  run(`split_media test outlets up to 2018 (${note})`, train.filter(unseen), retrained);
  run(`split_media test outlets 2019–2020 (${note})`, test.filter(unseen), retrained);
}

// Speed: 1,000 stories (the 2019–2020 roundups, cycled), each timed after one warm-up pass; and
// the one-off cost of parsing the shipped weights on first use.
const parseStart = performance.now();
parseTopicWeights(TOPIC_WEIGHTS);
const parseMs = performance.now() - parseStart;
const speedStories = groupStories(test).map((s) => s.members);
const sample = Array.from({ length: 1000 }, (_, i) => speedStories[i % speedStories.length]!);
for (const s of sample) classifier.classify(s);
const times = sample.map((s) => {
  const t0 = performance.now();
  classifier.classify(s);
  return (performance.now() - t0) * 1000;
});
times.sort((a, b) => a - b);
const speed = {
  stories: sample.length,
  meanMembers: sample.reduce((n, s) => n + s.length, 0) / sample.length,
  meanMicros: times.reduce((a, b) => a + b, 0) / times.length,
  p50Micros: times[Math.floor(times.length / 2)]!,
  p99Micros: times[Math.floor(times.length * 0.99)]!,
  parseMs,
};

const pct = (x: number): string => x.toFixed(3);
log(`TOPIC_THRESHOLD ${TOPIC_THRESHOLD}. Rule: "no category" is right for items the data puts in none; a top category is right when it is the gold category or its parent (strict: the gold category only). precision = right answers / (categories given + "no category" on no-category items); coverage = items with a gold category that are given one.`);
log('');
log('| run | items | precision | strict | precision of given | coverage | no category | set P | set R |');
log('|---|---|---|---|---|---|---|---|---|');
for (const { name, items, f } of runs) {
  log(`| ${name} | ${items} | ${pct(f.precision)} | ${pct(f.precisionStrict)} | ${pct(f.precisionOfGiven)} | ${pct(f.coverage)} | ${pct(f.noCategoryShare)} | ${pct(f.setPrecision)} | ${pct(f.setRecall)} |`);
}
for (const [name, f] of [['allsides-baly 2019–2020 articles', articles], ['allsides-dev 2021 stories', stories]] as const) {
  log('');
  log(`Per category, ${name}. gold: items the data puts in it; top: items given it as top category, and the share right; recall: gold items given it (or, lenient, its parent)`);
  log('| category | gold | top | top P | recall |');
  log('|---|---|---|---|---|');
  for (const id of CIVIC_IDS) {
    const c = f.perCategory[id];
    if (!c) continue;
    log(`| ${id} | ${c.gold} | ${c.top} | ${c.top ? pct(c.topRight / c.top) : '–'} | ${c.gold ? pct(c.found / c.gold) : '–'} |`);
  }
}
log('');
log(`Speed: ${speed.stories} stories of ${speed.meanMembers.toFixed(1)} members on average: mean ${speed.meanMicros.toFixed(0)} µs, p50 ${speed.p50Micros.toFixed(0)} µs, p99 ${speed.p99Micros.toFixed(0)} µs per story; parsing the weights on first use ${speed.parseMs.toFixed(1)} ms.`);

if (values.json) {
  const perCategory = Object.fromEntries(
    Object.entries(articles.perCategory).map(([id, c]) => [id, { ...c, topPrecision: c.top ? c.topRight / c.top : null, recall: c.gold ? c.found / c.gold : null }]),
  );
  console.log(
    JSON.stringify({
      threshold: TOPIC_THRESHOLD,
      rule: 'lenient: a top category is right when it is the gold category or its parent; "no category" is right for items with no gold category',
      precision: articles.precision,
      coverage: articles.coverage,
      precisionStrict: articles.precisionStrict,
      precisionOfGiven: articles.precisionOfGiven,
      noCategoryShare: articles.noCategoryShare,
      setPrecision: articles.setPrecision,
      setRecall: articles.setRecall,
      perCategory,
      runs: runs.map(({ name, f }) => ({ name, ...f, perCategory: undefined })),
      speed,
    }),
  );
}
