// Regression guard on the held-out data of ../shared/data/topics/README.md: the shipped topic
// classifier on every allsides-baly article dated 2019–2020, and on the 2021 allsides-dev stories
// (each from its member articles). Fails when the top category's precision drops more than two
// points below the figure recorded here, or its coverage does (a classifier that gave no category
// at all would otherwise pass). The figures are what `npm run bench:topics` printed for the
// committed weights (lenient rule, lib/topic-eval.ts): record the new ones when the weights change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { civicTopics, TOPIC_THRESHOLD } from '../../../src/engine';
import { loadBaly, loadDevStories, loadTopicMap, missingData, type LabelledItem } from '../../../scripts/lib/topic-data';
import { evaluate, scoreItems } from '../../../scripts/lib/topic-eval';
import { CIVIC_PARENT } from '../../../scripts/lib/topic-seed';

const RECORDED = {
  articles: { precision: 0.87, coverage: 0.096 },
  stories: { precision: 0.823, coverage: 0.475 },
};
const TOLERANCE = 0.02;
const missing = missingData();

function check(items: readonly LabelledItem[], recorded: { precision: number; coverage: number }): void {
  const f = evaluate(scoreItems(civicTopics(), items), TOPIC_THRESHOLD, CIVIC_PARENT);
  assert.ok(f.precision >= recorded.precision - TOLERANCE, `precision ${f.precision.toFixed(3)} < recorded ${recorded.precision} - ${TOLERANCE}`);
  assert.ok(f.coverage >= recorded.coverage - TOLERANCE, `coverage ${f.coverage.toFixed(3)} < recorded ${recorded.coverage} - ${TOLERANCE}`);
}

test('top-category precision on the 2019–2020 held-out articles has not dropped', { skip: missing ?? false }, () => {
  const { test: heldOut } = loadBaly(loadTopicMap());
  assert.ok(heldOut.length > 8000, `${heldOut.length} held-out articles`);
  check(heldOut, RECORDED.articles);
});

test('top-category precision on the 2021 stories has not dropped', { skip: missing ?? false }, () => {
  const { items } = loadDevStories(loadTopicMap());
  assert.equal(items.length, 251);
  check(items, RECORDED.stories);
});
