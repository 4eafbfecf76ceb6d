import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docTerms, ENGINE_SNAPSHOT_VERSION, StoryIndex, type EngineDoc } from '../../../src/engine/index';

const DAY = 86_400_000;
const T0 = Date.UTC(2021, 5, 1);
const doc = (id: string, title: string, text: string | null = null, published: number | null = T0): EngineDoc => ({ id, title, text, published });

function sample(): StoryIndex {
  const index = new StoryIndex();
  index.addArticle('quake', doc('a1', 'Earthquake of magnitude 7 strikes Haiti', 'A powerful earthquake hit Haiti on Saturday, killing hundreds in Les Cayes.'));
  index.addArticle('quake', doc('a2', 'Haiti earthquake death toll rises', 'The earthquake in Haiti killed hundreds near Les Cayes, officials said.'));
  index.addArticle('budget', doc('b1', 'Senate passes $1 trillion infrastructure bill', 'The Senate approved the bipartisan infrastructure bill on Tuesday.'));
  index.addArticle('budget', doc('b2', 'Infrastructure bill clears Senate with bipartisan support', 'Senators voted 69-30 for the infrastructure package.'));
  return index;
}

test('add, storyOf and counts', () => {
  const index = sample();
  assert.equal(index.articleCount, 4);
  assert.equal(index.storyCount, 2);
  assert.equal(index.storyOf('a1'), 'quake');
  assert.equal(index.storyOf('zz'), undefined);
});

test('re-adding a doc id moves it to the new story instead of counting it twice', () => {
  const index = sample();
  index.addArticle('budget', doc('a2', 'Infrastructure vote in the Senate'));
  assert.equal(index.articleCount, 4);
  assert.equal(index.storyOf('a2'), 'budget');
});

test('removeArticle and removeStory update counts and matching', () => {
  const index = sample();
  index.removeArticle('a1');
  assert.equal(index.articleCount, 3);
  index.removeStory('quake');
  assert.equal(index.storyCount, 1);
  assert.equal(index.storyOf('a2'), undefined);
  const r = index.match(doc('q', 'Haiti earthquake kills hundreds', 'Rescuers search rubble in Les Cayes after the earthquake.'));
  assert.ok(r.candidates.every((c) => c.storyId !== 'quake'));
});

test('matching an indexed doc treats it as a newcomer and leaves the index unchanged', () => {
  const index = sample();
  const r = index.match(doc('a1', 'Earthquake of magnitude 7 strikes Haiti', 'A powerful earthquake hit Haiti on Saturday, killing hundreds in Les Cayes.'));
  assert.equal(r.candidates[0]?.storyId, 'quake');
  assert.equal(index.articleCount, 4);
  assert.equal(index.storyOf('a1'), 'quake');
});

test('snapshot round trip: a structured clone (what IndexedDB returns) answers exactly the same', () => {
  const index = sample();
  const q = doc('q', 'Earthquake in Haiti leaves hundreds dead', 'Hundreds died when the earthquake struck Les Cayes.', T0 + DAY);
  const snap = index.toSnapshot();
  assert.equal(snap.v, ENGINE_SNAPSHOT_VERSION);
  const loaded = StoryIndex.fromSnapshot(structuredClone(snap));
  assert.ok(loaded);
  assert.equal(loaded.articleCount, 4);
  assert.equal(loaded.storyCount, 2);
  assert.equal(loaded.storyOf('b2'), 'budget');
  const a = index.match(q).candidates;
  const b = loaded.match(q).candidates;
  assert.deepEqual(b.map((c) => [c.storyId, c.score, c.shared]), a.map((c) => [c.storyId, c.score, c.shared]));
});

test('a loaded index keeps working: articles join, leave, and a new snapshot round-trips', () => {
  const loaded = StoryIndex.fromSnapshot(structuredClone(sample().toSnapshot()))!;
  const fresh = sample();
  const extra = doc('a3', 'Haiti quake survivors wait for aid', 'Survivors of the Haiti earthquake near Les Cayes waited for aid.', T0 + DAY);
  for (const ix of [loaded, fresh]) {
    ix.addArticle('quake', extra);
    ix.removeArticle('b1');
  }
  const q = doc('q', 'Aid reaches Haiti earthquake survivors', 'Aid arrived in Les Cayes for survivors of the earthquake.', T0 + 2 * DAY);
  const scores = (ix: StoryIndex) => ix.match(q).candidates.map((c) => [c.storyId, Math.round(c.score * 1e9)]);
  assert.deepEqual(scores(loaded), scores(fresh));
  const again = StoryIndex.fromSnapshot(structuredClone(loaded.toSnapshot()))!;
  assert.deepEqual(scores(again), scores(fresh));
  assert.equal(again.storyOf('b1'), undefined);
});

test('a loaded snapshot makes the articles of the stories a match reads, and the rest when asked', () => {
  const live = new StoryIndex();
  const places = ['Haiti', 'Nepal', 'Chile', 'Turkey', 'Japan', 'Peru', 'Iran', 'Fiji'];
  places.forEach((place, k) => {
    for (let a = 0; a < 3; a++) live.addArticle(`quake-${place}`, doc(`${place}-${a}`, `Earthquake strikes ${place}, report ${a}`, `A powerful earthquake hit ${place} on day ${k}.`, T0 + k * DAY));
    for (let a = 0; a < 3; a++) live.addArticle(`vote-${place}`, doc(`v${place}-${a}`, `${place} parliament votes on the budget, report ${a}`, `Lawmakers in ${place} passed the budget.`, T0 + k * DAY));
  });
  const loaded = StoryIndex.fromSnapshot(structuredClone(live.toSnapshot()))!;
  assert.equal(loaded.articleCount, 48);
  assert.equal(loaded.madeArticleCount, 0, 'nothing made at load');
  const query = doc('q', 'Earthquake strikes Nepal', 'A powerful earthquake hit Nepal on day 1.', T0 + DAY);
  assert.deepEqual(loaded.match(query), live.match(query));
  assert.ok(loaded.madeArticleCount > 0 && loaded.madeArticleCount < 48, `made ${loaded.madeArticleCount} of 48`);
  assert.equal(loaded.storyOf('Fiji-2'), 'quake-Fiji');
  assert.equal(loaded.docs.size, 48);
  assert.equal(loaded.madeArticleCount, 48);
});

test('fromSnapshot refuses another version or malformed data', () => {
  const snap = sample().toSnapshot();
  assert.equal(StoryIndex.fromSnapshot({ ...snap, v: ENGINE_SNAPSHOT_VERSION - 1 }), null);
  assert.equal(StoryIndex.fromSnapshot({ ...snap, termStart: snap.termStart.slice(1) }), null);
  assert.equal(StoryIndex.fromSnapshot({ ...snap, termIds: snap.termIds.map(() => 1e6) }), null);
  assert.equal(StoryIndex.fromSnapshot({ ...snap, sumIds: snap.sumIds.map(() => -1) }), null);
  assert.equal(StoryIndex.fromSnapshot({ ...snap, df: [...snap.df] }), null);
  assert.equal(StoryIndex.fromSnapshot({ ...snap, ids: snap.ids.slice(1) }), null);
  assert.equal(StoryIndex.fromSnapshot(JSON.parse(JSON.stringify(snap))), null);
  assert.equal(StoryIndex.fromSnapshot(null), null);
  assert.equal(StoryIndex.fromSnapshot('x'), null);
});

test('search ranks stories by free-text overlap without a threshold', () => {
  const index = sample();
  const hits = index.search('infrastructure bill');
  assert.equal(hits[0]?.storyId, 'budget');
  assert.ok(hits.every((h) => h.storyId !== 'quake'));
  assert.deepEqual(index.search('zebra xylophone'), []);
});

test('a snapshot keeps only the terms some article still holds, and answers as before', () => {
  const index = sample();
  index.addArticle('zoo', doc('z1', 'Panda cub born at the national zoo', 'Zookeepers in Washington welcomed a giant panda cub.'));
  index.removeStory('zoo');
  const snap = index.toSnapshot();
  assert.ok(snap.terms.length < index.vocab.terms.length, 'the zoo story\'s words are gone');
  assert.ok(!snap.terms.some((t) => /panda/.test(t)));
  const loaded = StoryIndex.fromSnapshot(structuredClone(snap))!;
  const q = doc('q', 'Senate infrastructure vote', 'The Senate voted on the infrastructure bill.', T0 + DAY);
  const scores = (ix: StoryIndex) => ix.match(q).candidates.map((c) => [c.storyId, Math.round(c.score * 1e9)]);
  assert.deepEqual(scores(loaded), scores(index));
});

test('renameStory moves a story to another id; sharesTermWith tells whether a text could match given stories', () => {
  const index = sample();
  index.renameStory('quake', 'haiti');
  assert.equal(index.storyOf('a1'), 'haiti');
  assert.equal(index.stories.has('quake'), false);
  assert.throws(() => index.renameStory('haiti', 'budget'));
  const text = docTerms({ title: 'Earthquake in Haiti', text: null });
  assert.equal(index.sharesTermWith(text, new Set(['haiti'])), true);
  assert.equal(index.sharesTermWith(text, new Set(['budget'])), false);
  assert.equal(index.sharesTermWith(text, new Set(['nowhere'])), false);
  // termFilter answers the same for many texts, the stories' terms gathered once.
  const texts = [text, docTerms({ title: 'Senate infrastructure talks stall', text: null }), docTerms({ title: 'Nothing in common here', text: null })];
  for (const stories of [new Set(['haiti']), new Set(['budget']), new Set(['haiti', 'budget']), new Set(['nowhere'])]) {
    const near = index.termFilter(stories);
    assert.deepEqual(texts.map(near), texts.map((t) => index.sharesTermWith(t, stories)));
  }
  assert.deepEqual(texts.map(index.termFilter(new Set(['haiti', 'budget']))), [true, true, false]);
});

test('matchTwo gives the best candidate and the one a match without it would rank first', () => {
  const index = sample();
  index.addArticle('quake-aid', doc('c1', 'Aid reaches Haiti after earthquake', 'Aid convoys reached Les Cayes days after the earthquake in Haiti.', T0 + 2 * DAY));
  const q = doc('q', 'Haiti earthquake: hundreds dead in Les Cayes', 'The earthquake that struck Haiti killed hundreds, officials in Les Cayes said.');
  const { best, other } = index.matchTwo(q);
  const first = index.match(q, { limit: 1 }).candidates[0];
  assert.ok(best && first);
  assert.equal(best.storyId, first.storyId);
  assert.equal(best.score, first.score);
  const second = index.match(q, { exclude: new Set([best.storyId]), limit: 1 }).candidates[0];
  assert.ok(other && second);
  assert.equal(other.storyId, second.storyId);
  assert.ok(Math.abs(other.score - second.score) < 1e-9, `${other.score} vs ${second.score}`);
  assert.deepEqual(index.matchTwo(doc('x', 'Zebra xylophone quokka')), { best: undefined, other: undefined });
  // Asked only for an article that joins: below joinAt there is no other, at or above it the same one.
  assert.deepEqual(index.matchTwo(q, best.score + 1e-6), { best, other: undefined });
  assert.deepEqual(index.matchTwo(q, best.score), { best, other });
});

test('a date that is not a number is no date: the story still matches, and its member can leave', () => {
  const index = new StoryIndex();
  const title = 'Earthquake of magnitude 7 strikes Haiti';
  const text = 'A powerful earthquake hit Haiti on Saturday, killing hundreds in Les Cayes.';
  index.addArticle('quake', doc('bad', title, text, Number.NaN));
  index.addArticle('quake', doc('good', title, text));
  index.addArticle('budget', doc('b1', 'Senate passes $1 trillion infrastructure bill', 'The Senate approved the bipartisan infrastructure bill on Tuesday.'));
  // As the query's date and as a member's: scored as undated, not as nothing.
  for (const published of [Number.NaN, Number.POSITIVE_INFINITY, T0]) {
    const result = index.match(doc('q', title, text, published));
    assert.equal(result.match?.storyId, 'quake', String(published));
  }
  index.removeArticle('bad');
  index.removeArticle('good');
  index.addArticle('quake', doc('again', title, text));
  assert.equal(index.match(doc('q', title, text, T0 + DAY)).match?.storyId, 'quake');
});
