// npm run bench:topics [-- --json] [--skip-media] [--suggest]
// The shipped topic classifier (src/engine/topic-weights.ts) on the held-out data of
// ../shared/data/topics/README.md, never fitted on:
// - allsides-baly articles dated 2019–2020 (the headline figures), and the same roundups pooled
//   as stories;
// - allsides-dev-story-topics (2021, out of time): each story classified from its member articles
//   in ../shared/data/stories/allsides-dev.jsonl (their headlines and leads; never AllSides' own
//   title or summary of the story);
// - the split_media check: the training procedure rerun without the authors' split_media "test"
//   outlets, then scored on those outlets' articles (unseen outlets), before and after 2019;
// - speed: classification time per story over 1,000 stories;
// - the categories offered to the reader for the stories given none (TOPIC_SUGGEST_FLOOR): how
//   often the offered list holds a right category, and how many of those stories it reaches.
// --suggest sets the floor instead: it sweeps it on the held-back 2018 articles and roundups (the
// data that sets TOPIC_THRESHOLD; the shipped weights were fitted without 2018), prints the lowest
// floor at which at least half of the categories offered are right on both, and stops. (Not the
// share of lists holding a right one: that only grows as the floor falls and the lists lengthen.)
// Scoring rule (lib/topic-eval.ts): "no category" is right for items the data puts in none; a top
// category is right when it is a gold category or (lenient, the headline) its parent; strict
// figures count the gold category only.
import { parseArgs } from 'node:util';
import { civicTopics, TOPIC_SUGGEST_FLOOR, TOPIC_THRESHOLD } from '../src/engine';
import { groupStories, loadBaly, loadDevStories, loadTopicMap, missingData, type LabelledItem } from './lib/topic-data';
import { evaluate, scoreItems, suggestionFigures, type Figures, type SuggestionFigures } from './lib/topic-eval';
import { HELD_BACK_FROM, TRAIN_DEFAULTS, trainTopics } from './lib/topic-train';
import { parseTopicWeights, TopicClassifier } from '../src/engine/topics/topic-classifier';
import { TOPIC_WEIGHTS } from '../src/engine/topic-weights';
import { CIVIC_IDS, CIVIC_PARENT } from './lib/topic-seed';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, 'skip-media': { type: 'boolean', default: false }, suggest: { type: 'boolean', default: false } },
});
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

// The rule that sets TOPIC_SUGGEST_FLOOR: at least this share of the categories offered are right.
const SUGGEST_TARGET = 0.5;
const suggestLine = (name: string, g: SuggestionFigures): string =>
  `| ${name} | ${g.abstained} | ${g.offered} of ${g.abstainedWithGold} | ${g.noneOffered} | ${g.listPrecision.toFixed(3)} | ${g.reach.toFixed(3)} | ${(g.entries / Math.max(1, g.offered + g.noneOffered)).toFixed(2)} | ${g.entryPrecision.toFixed(3)} |`;
const SUGGEST_HEAD = '| run | given no category | offered a list (of those with a gold category) | no-category items offered one | lists right | reach | categories per list | categories right |\n|---|---|---|---|---|---|---|---|';
if (values.suggest) {
  const back = train.filter((it) => it.date !== null && it.date >= HELD_BACK_FROM);
  const held = [
    { name: 'held-back 2018 articles', scored: scoreItems(classifier, back) },
    { name: 'held-back 2018 roundups as stories', scored: scoreItems(classifier, groupStories(back)) },
  ];
  console.log(`Suggestion floor sweep at TOPIC_THRESHOLD ${TOPIC_THRESHOLD} (calibration data: the weights were fitted up to 2017). "lists right": offered lists holding the gold category or its parent, over every list offered; reach: abstained items with a gold category offered a right one.`);
  let chosen: number | null = null;
  for (let f = 0.1; f <= 0.701; f += 0.05) {
    const floor = Math.round(f * 100) / 100;
    const figures = held.map((h) => ({ name: h.name, g: suggestionFigures(h.scored, TOPIC_THRESHOLD, floor, CIVIC_PARENT) }));
    console.log(`\nfloor ${floor}\n${SUGGEST_HEAD}`);
    for (const { name, g } of figures) console.log(suggestLine(name, g));
    if (chosen === null && figures.every(({ g }) => g.entryPrecision >= SUGGEST_TARGET)) chosen = floor;
  }
  console.log(`\nLowest floor with categories right ≥ ${SUGGEST_TARGET} on both: ${chosen ?? 'none in the sweep'} (shipped TOPIC_SUGGEST_FLOOR: ${TOPIC_SUGGEST_FLOOR}).`);
  process.exit(0);
}
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

// The categories offered for the stories given none, on the held-out runs.
const suggested = [
  { name: 'allsides-baly 2019–2020 articles', g: suggestionFigures(scoreItems(classifier, test), TOPIC_THRESHOLD, TOPIC_SUGGEST_FLOOR, CIVIC_PARENT) },
  { name: 'allsides-baly 2019–2020 roundups as stories', g: suggestionFigures(scoreItems(classifier, groupStories(test)), TOPIC_THRESHOLD, TOPIC_SUGGEST_FLOOR, CIVIC_PARENT) },
  { name: 'allsides-dev 2021 stories', g: suggestionFigures(scoreItems(classifier, dev.items), TOPIC_THRESHOLD, TOPIC_SUGGEST_FLOOR, CIVIC_PARENT) },
];

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
log(`Offered to the reader for the stories given no category (TOPIC_SUGGEST_FLOOR ${TOPIC_SUGGEST_FLOOR}, at most 3; offered, never given): "lists right" = offered lists holding the gold category or its parent, over every list offered; reach = the items with a gold category given none that are offered a right one.`);
log(SUGGEST_HEAD);
for (const { name, g } of suggested) log(suggestLine(name, g));
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
      suggestions: { floor: TOPIC_SUGGEST_FLOOR, runs: suggested.map(({ name, g }) => ({ name, ...g })) },
      speed,
    }),
  );
}
