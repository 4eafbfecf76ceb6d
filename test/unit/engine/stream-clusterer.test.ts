import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoryIndex, StreamClusterer, type EngineDoc } from '../../../src/engine/index';

const T0 = Date.UTC(2021, 7, 14);
const HOUR = 3_600_000;
const doc = (id: string, title: string, text: string, h = 0): EngineDoc => ({ id, title, text, published: T0 + h * HOUR });

const quake = [
  doc('q1', 'Magnitude 7.2 earthquake strikes Haiti', 'A powerful earthquake hit Haiti on Saturday, killing at least 300 people near Les Cayes.'),
  doc('q2', 'Haiti earthquake kills hundreds', 'The 7.2 earthquake in Haiti killed at least 300 people near Les Cayes, officials said.', 3),
  doc('q3', 'Rescuers search rubble after Haiti earthquake', 'Rescuers in Les Cayes dug through rubble after the 7.2 earthquake killed hundreds in Haiti.', 9),
];
const senate = [
  doc('s1', 'Senate passes $1 trillion infrastructure bill', 'The Senate approved the bipartisan infrastructure bill on Tuesday in a 69-30 vote.', 1),
  doc('s2', 'Infrastructure bill clears Senate in bipartisan vote', 'Senators voted 69-30 for the $1 trillion infrastructure package.', 4),
];

test('articles join the story of their event and unrelated ones start their own', () => {
  const c = new StreamClusterer();
  const ids = [quake[0]!, senate[0]!, quake[1]!, senate[1]!, quake[2]!].map((d) => c.add(d));
  assert.equal(ids[2], ids[0]);
  assert.equal(ids[4], ids[0]);
  assert.equal(ids[3], ids[1]);
  assert.notEqual(ids[0], ids[1]);
  const clusters = [...c.clusters().values()].map((m) => [...m].sort());
  assert.deepEqual(clusters.sort(), [['q1', 'q2', 'q3'], ['s1', 's2']]);
});

/** The first two reports filed apart (as an imported index might hold them). */
function halves(): StoryIndex {
  const index = new StoryIndex();
  index.addArticle('s:q1', quake[0]!);
  index.addArticle('other-half', quake[1]!);
  return index;
}

test('two stories that turn out to be one are merged', () => {
  // The third report matches both halves.
  const c2 = new StreamClusterer({ index: halves(), joinThreshold: 0, mergeThreshold: 0 });
  assert.equal(c2.clusters().size, 2);
  const joined = c2.add(quake[2]!);
  assert.equal(c2.clusters().size, 1);
  assert.ok(c2.clusters().has(joined));
  assert.deepEqual([...c2.clusters().values()][0]!.sort(), ['q1', 'q2', 'q3']);
});

test('with merging off, the split halves stay apart', () => {
  const c = new StreamClusterer({ index: halves(), joinThreshold: 0, mergeThreshold: 1.01 });
  c.add(quake[2]!);
  assert.equal(c.clusters().size, 2);
});

test("an article that matches a story through one member and sits poorly with the rest starts its own (cohesion)", () => {
  // A story of the earthquake, one of whose reports also covers the aid pledged afterwards; then a
  // report of the aid conference alone. It shares the aid report's words, hardly the others'.
  const aid = doc('q4', 'Donors pledge aid after Haiti earthquake', 'Donors at a Geneva conference pledged $600 million in aid for Les Cayes reconstruction.', 30);
  const conference = doc('a1', 'Geneva donors conference pledges $600 million', 'Donors at the Geneva conference pledged $600 million in reconstruction aid, the UN said.', 40);
  const run = (cohesion: number): { story: string; conference: string; mean: number } => {
    const c = new StreamClusterer({ joinThreshold: 0.01, mergeThreshold: 2, cohesion });
    let story = '';
    for (const d of [...quake, aid]) story = c.add(d);
    const mean = c.index.cohesion(story, conference);
    return { story, conference: c.add(conference), mean };
  };
  const open = run(0);
  assert.equal(open.conference, open.story, 'with no cohesion asked, the weak match joins');
  const gated = run(open.mean + 0.01);
  assert.notEqual(gated.conference, gated.story, 'below the cohesion asked, it starts its own story');
  assert.ok(open.mean < 0.3, `mean cosine with the members ${open.mean.toFixed(3)}`);
});

test('cohesion reads every member: an article like all of them scores far above one like one of them', () => {
  const c = new StreamClusterer({ cohesion: 0 });
  let story = '';
  for (const d of quake) story = c.add(d);
  const alike = c.index.cohesion(story, doc('x1', 'Haiti earthquake of magnitude 7.2 kills at least 300', 'Rescuers dug through rubble in Les Cayes after the earthquake killed at least 300 people.'));
  const partly = c.index.cohesion(story, doc('x2', 'Rescuers dig through rubble', 'Rescuers dug through the rubble of a collapsed school.'));
  assert.ok(alike > 0.3, `alike ${alike.toFixed(3)}`);
  assert.ok(partly < alike / 2, `partly ${partly.toFixed(3)} against alike ${alike.toFixed(3)}`);
  assert.equal(c.index.cohesion('no such story', quake[0]!), 0);
});
