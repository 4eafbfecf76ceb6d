// Articles leaving the stream clusterer: an ordinary member leaves without splitting its story
// (the oldest included), the article that merged two stories splits them back under their old ids,
// and adding a batch then removing it restores the stories exactly, in any order of removal. The
// state survives a structured clone (what IndexedDB stores) and carries on identically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readClustererState, StoryIndex, StreamClusterer, writeClustererState, type EngineDoc } from '../../../src/engine/index';

const T0 = Date.UTC(2021, 7, 14);
const HOUR = 3_600_000;
const doc = (id: string, title: string, text: string, h = 0): EngineDoc => ({ id, title, text, published: T0 + h * HOUR });

const quake = [
  doc('q1', 'Magnitude 7.2 earthquake strikes Haiti', 'A powerful earthquake hit Haiti on Saturday, killing at least 300 people near Les Cayes.'),
  doc('q2', 'Haiti earthquake kills hundreds', 'The 7.2 earthquake in Haiti killed at least 300 people near Les Cayes, officials said.', 3),
  doc('q3', 'Rescuers search rubble after Haiti earthquake', 'Rescuers in Les Cayes dug through rubble after the 7.2 earthquake killed hundreds in Haiti.', 9),
  doc('q4', 'Haiti earthquake survivors wait for aid in Les Cayes', 'Survivors of the 7.2 earthquake in Haiti waited for aid near Les Cayes.', 20),
];

/** Story id → sorted member ids, as a sorted list (a canonical picture of the clusters). */
const picture = (c: StreamClusterer): [string, string[]][] =>
  [...c.clusters()].map(([id, members]): [string, string[]] => [id, [...members].sort()]).sort((a, b) => (a[0] < b[0] ? -1 : 1));

test('a member leaving, the oldest included, keeps the story together under its id', () => {
  const c = new StreamClusterer();
  const ids = quake.map((d) => c.add(d));
  assert.deepEqual(new Set(ids), new Set(['s:q1']));
  c.takeTouched();
  c.remove('q1');
  assert.deepEqual(picture(c), [['s:q1', ['q2', 'q3', 'q4']]]);
  assert.deepEqual(c.takeTouched(), new Set(['s:q1']));
  c.remove('q3');
  assert.deepEqual(picture(c), [['s:q1', ['q2', 'q4']]]);
  // Later arrivals join through the new representative.
  assert.equal(c.add(quake[0]!), 's:q1');
  c.remove('q2');
  c.remove('q4');
  c.remove('q1');
  assert.deepEqual(picture(c), []);
  assert.deepEqual(c.takeTouched(), new Set(['s:q1']));
});

test('the article that merged two stories splits them back under their own ids when it leaves', () => {
  // Two halves filed apart (as an imported index might hold them); the third report matches both.
  const index = new StoryIndex();
  index.addArticle('half-a', quake[0]!);
  index.addArticle('half-b', quake[1]!);
  const c = new StreamClusterer({ index, joinThreshold: 0, mergeThreshold: 0 });
  const merged = c.add(quake[2]!);
  assert.equal(c.clusters().size, 1);
  assert.equal(merged, 'half-a', 'the older half names the merged story');
  // A later member joins the merged story; then the merger leaves.
  c.add(quake[3]!);
  c.takeTouched();
  c.remove('q3');
  assert.deepEqual(picture(c), [['half-a', ['q1', 'q4']], ['half-b', ['q2']]]);
  assert.deepEqual(c.takeTouched(), new Set(['half-a', 'half-b']));
});

test('an age-out of the oldest members keeps a merge, and the merger leaving still splits it', () => {
  const index = new StoryIndex();
  index.addArticle('half-a', quake[0]!);
  index.addArticle('half-b', quake[1]!);
  const c = new StreamClusterer({ index, joinThreshold: 0, mergeThreshold: 0 });
  c.add(quake[2]!);
  c.add(quake[3]!);
  c.remove('q1');
  assert.deepEqual(picture(c), [['half-a', ['q2', 'q3', 'q4']]], 'the merger q3 still holds both halves');
  c.remove('q3');
  assert.deepEqual(picture(c), [['half-a', ['q4']], ['half-b', ['q2']]]);
});

test('a merge is reported once, with the story that holds the merged one\'s articles', () => {
  const index = new StoryIndex();
  index.addArticle('half-a', quake[0]!);
  index.addArticle('half-b', quake[1]!);
  const c = new StreamClusterer({ index, joinThreshold: 0, mergeThreshold: 0 });
  assert.deepEqual(c.takeMerges(), new Map());
  c.add(quake[2]!);
  assert.deepEqual(c.takeMerges(), new Map([['half-b', 'half-a']]));
  assert.deepEqual(c.takeMerges(), new Map(), 'taken: not reported again');
});

test('a merge undone before it is taken is not reported; a chain of merges leads to the last story', () => {
  const index = new StoryIndex();
  index.addArticle('half-a', quake[0]!);
  index.addArticle('half-b', quake[1]!);
  const c = new StreamClusterer({ index, joinThreshold: 0, mergeThreshold: 0 });
  c.add(quake[2]!);
  c.remove('q3');
  assert.deepEqual(c.takeMerges(), new Map(), 'half-b has its id back');

  // b merges into a (the older), then a into c (older still): b's articles are in c.
  const chain = new StoryIndex();
  chain.addArticle('c', doc('c1', 'Aid convoy reaches Les Cayes', 'Trucks with food and water reached Les Cayes in Haiti.', -10));
  chain.addArticle('a', quake[0]!);
  chain.addArticle('b', quake[1]!);
  const d = new StreamClusterer({ index: chain, joinThreshold: 0, mergeThreshold: 0 });
  assert.equal(d.add(quake[2]!), 'a');
  assert.equal(d.add(doc('q5', 'Aid convoy reaches Haiti earthquake survivors in Les Cayes', 'Trucks with food and water reached survivors of the earthquake in Les Cayes.', 30)), 'c');
  assert.deepEqual([...d.clusters().keys()], ['c']);
  const survivor = 'c';
  const merges = d.takeMerges();
  assert.deepEqual([...merges.keys()].sort(), ['a', 'b']);
  for (const to of merges.values()) assert.equal(to, survivor, 'every merged story leads to the one left');
});

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  ['Haiti', 'earthquake', 'Cayes', 'rubble', 'rescuers', 'magnitude', 'aftershock', 'hospital'],
  ['Senate', 'infrastructure', 'bill', 'bipartisan', 'vote', 'trillion', 'Schumer', 'broadband'],
  ['wildfire', 'California', 'evacuation', 'acres', 'firefighters', 'Dixie', 'containment', 'smoke'],
  ['Taliban', 'Kabul', 'airport', 'evacuation', 'Afghanistan', 'troops', 'withdrawal', 'refugees'],
  ['hurricane', 'Ida', 'Louisiana', 'landfall', 'power', 'outage', 'flooding', 'Orleans'],
  ['vaccine', 'Pfizer', 'booster', 'FDA', 'approval', 'doses', 'Moderna', 'mandate'],
  ['Olympics', 'Tokyo', 'medal', 'Biles', 'gymnastics', 'swimming', 'Ledecky', 'relay'],
  ['Fed', 'inflation', 'Powell', 'rates', 'Treasury', 'bond', 'yields', 'tapering'],
];

/** Articles on eight topics, a quarter of them mixing two: loose thresholds then join and merge often. */
function articles(seed: number, n: number, prefix: string, fromHour: number): EngineDoc[] {
  const r = rng(seed);
  const pick = (topic: string[]): string => topic[Math.floor(r() * topic.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const a = TOPICS[Math.floor(r() * TOPICS.length)]!;
    const b = r() < 0.25 ? TOPICS[Math.floor(r() * TOPICS.length)]! : a;
    const words = Array.from({ length: 8 }, (_, k) => pick(k % 3 === 2 ? b : a));
    return doc(`${prefix}${i}`, words.slice(0, 5).join(' '), `${words.join(' ')}.`, fromHour + i);
  });
}

const LOOSE = { joinThreshold: 0.3, mergeThreshold: 0.6 };

for (const seed of [1, 2, 3, 4]) {
  test(`seed ${seed}: adding a batch then removing it restores every story exactly, whatever the order of removal`, () => {
    const c = new StreamClusterer(LOOSE);
    for (const d of articles(seed, 80, 'base', 0)) c.add(d);
    const before = picture(c);
    const batch = articles(seed + 100, 30, 'new', 80);
    let merges = 0;
    for (const d of batch) {
      c.add(d);
      if (c.graph.nodes.get(d.id)!.links[1]) merges++;
    }
    assert.notDeepEqual(picture(c), before);
    // Last in first out for odd seeds, a shuffle for even ones.
    const r = rng(seed);
    const order = seed % 2 ? [...batch].reverse() : batch.map((d) => [r(), d] as const).sort((x, y) => x[0] - y[0]).map(([, d]) => d);
    for (const d of order) c.remove(d.id);
    assert.deepEqual(picture(c), before, `${merges} merges undone`);
  });
}

test('the seeds exercise merges (the property above is not vacuous)', () => {
  let merges = 0;
  for (const seed of [1, 2, 3, 4]) {
    const c = new StreamClusterer(LOOSE);
    for (const d of [...articles(seed, 80, 'base', 0), ...articles(seed + 100, 30, 'new', 80)]) {
      c.add(d);
      if (c.graph.nodes.get(d.id)!.links[1]) merges++;
    }
  }
  assert.ok(merges >= 4, `${merges} merges`);
});

test('state round trip: a structured clone restores the clusters and carries on exactly as the original', () => {
  const original = new StreamClusterer(LOOSE);
  for (const d of articles(5, 60, 'a', 0)) original.add(d);
  for (const id of ['a3', 'a10', 'a11', 'a40']) original.remove(id);
  const restored = readClustererState(structuredClone(writeClustererState(original)), LOOSE);
  assert.ok(restored);
  assert.deepEqual(picture(restored), picture(original));
  const more = articles(6, 30, 'b', 60);
  for (const d of more) assert.equal(restored.add(d), original.add(d), d.id);
  for (const id of ['a0', 'b3', 'a20']) {
    original.remove(id);
    restored.remove(id);
  }
  assert.deepEqual(picture(restored), picture(original));
});

test('a state that does not hold together is refused', () => {
  const c = new StreamClusterer(LOOSE);
  for (const d of articles(7, 40, 'a', 0)) c.add(d);
  const state = writeClustererState(c);
  assert.ok(readClustererState(structuredClone(state)));
  assert.equal(readClustererState({ ...state, v: 0 }), null);
  assert.equal(readClustererState(JSON.parse(JSON.stringify(state))), null);
  // A link cut: the graph no longer makes the index's stories.
  const cut = structuredClone(state);
  const linked = cut.joinTo.findIndex((t) => t >= 0);
  cut.joinTo[linked] = -1;
  assert.equal(readClustererState(cut), null);
  // A link to a later article, and an article the index does not hold.
  const forward = structuredClone(state);
  forward.joinTo[0] = 1;
  assert.equal(readClustererState(forward), null);
  const stranger = structuredClone(state);
  stranger.ids[0] = 'nobody';
  assert.equal(readClustererState(stranger), null);
  assert.equal(readClustererState(null), null);
});

test('random arrivals and departures keep the graph and the index describing the same stories', () => {
  const c = new StreamClusterer(LOOSE);
  const r = rng(11);
  const pool = articles(12, 300, 'x', 0);
  const present: string[] = [];
  let splits = 0;
  for (const [step, d] of pool.entries()) {
    c.add(d);
    present.push(d.id);
    if (r() < 0.45) {
      // Mostly the oldest (an age-out), sometimes any.
      const at = r() < 0.6 ? 0 : Math.floor(r() * present.length);
      const [gone] = present.splice(at, 1);
      const before = c.clusters().size;
      c.remove(gone!);
      if (c.clusters().size > before) splits++;
    }
    if (step % 25 === 24) assert.ok(readClustererState(writeClustererState(c), LOOSE), `consistent after step ${step}`);
  }
  assert.equal(c.index.articleCount, present.length);
  assert.ok(splits > 0, 'some departures split a story');
});
