import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MATCH_THRESHOLD, MAX_MAYBE, MAYBE_FLOOR, maybeRelated, StoryIndex, type EngineDoc } from '../../../src/engine/index';

const DAY = 86_400_000;
const T0 = Date.UTC(2021, 7, 14);
const doc = (id: string, title: string, text: string, published: number | null = T0): EngineDoc => ({ id, title, text, published });

// Background stories on other topics give IDF something to weigh against.
function index(): StoryIndex {
  const ix = new StoryIndex();
  const topics = ['wildfire in California forces evacuations', 'Federal Reserve holds interest rates', 'Olympic swimmer wins gold in Tokyo', 'Apple unveils new iPhone model', 'Storm floods New York subway'];
  topics.forEach((t, i) => {
    for (let k = 0; k < 2; k++) ix.addArticle(`bg${i}`, doc(`bg${i}-${k}`, t, `${t}. Reports ${k} from the scene.`, T0 - (i + 3) * DAY));
  });
  ix.addArticle('quake', doc('a1', 'Magnitude 7.2 earthquake strikes Haiti', 'A powerful earthquake hit southwestern Haiti on Saturday, killing at least 300 people near Les Cayes.'));
  ix.addArticle('quake', doc('a2', 'Haiti earthquake kills hundreds', 'The 7.2 earthquake in Haiti killed at least 300 people, Prime Minister Ariel Henry said.'));
  return ix;
}

const query = (published: number | null = T0 + DAY / 2) =>
  doc('q', 'Deadly earthquake hits Haiti, hundreds dead', 'Rescuers in Les Cayes searched for survivors after the 7.2 earthquake in Haiti killed more than 300 people.', published);

test('a report of the same event is matched, with the shared terms that explain it', () => {
  const r = index().match(query());
  assert.equal(r.match?.storyId, 'quake');
  assert.ok(r.match.score >= MATCH_THRESHOLD && r.match.score <= 1);
  const shared = r.match.shared.map((s) => s.toLowerCase());
  assert.ok(shared.some((s) => s.includes('haiti')), shared.join(','));
  assert.equal(r.candidates[0], r.match);
});

test('an unrelated article gets no match', () => {
  const r = index().match(doc('q', 'Parliament debates fishing quotas', 'Lawmakers in Oslo argued over cod quotas for the North Sea fleet.'));
  assert.equal(r.match, null);
});

test('the same words score lower the further apart in time they are', () => {
  const ix = index();
  const at = [0.5, 3, 30, 365].map((days) => ix.match(query(T0 + days * DAY)).candidates[0]!);
  assert.ok(at.every((c) => c.storyId === 'quake'));
  for (let i = 1; i < at.length; i++) assert.ok(at[i]!.score < at[i - 1]!.score, `${at[i]!.score} < ${at[i - 1]!.score}`);
});

test('a rejected story is never returned for that page', () => {
  const r = index().match(query(), { exclude: new Set(['quake']) });
  assert.ok(r.candidates.every((c) => c.storyId !== 'quake'));
  assert.notEqual(r.match?.storyId, 'quake');
});

test('limit bounds the candidate list', () => {
  const r = index().match(query(), { limit: 1 });
  assert.equal(r.candidates.length, 1);
});

test('maybe related: a page that matches nothing is offered the candidates above the floor, best first, at most three', () => {
  const candidate = (storyId: string, score: number) => ({ storyId, score, shared: [] });
  const ranked = [candidate('a', 0.7), candidate('b', 0.5), candidate('c', MAYBE_FLOOR), candidate('d', 0.31), candidate('e', MAYBE_FLOOR - 0.01)];
  assert.deepEqual(
    maybeRelated({ match: null, candidates: ranked }).map((c) => c.storyId),
    ['a', 'b', 'c'],
  );
  assert.equal(MAX_MAYBE, 3);
  assert.deepEqual(maybeRelated({ match: null, candidates: [candidate('e', MAYBE_FLOOR - 0.01)] }), []);
  // A page with a match gets its launcher, and nothing offered beside it.
  const top = candidate('a', 0.95);
  assert.deepEqual(maybeRelated({ match: top, candidates: [top, candidate('b', 0.6)] }), []);
  // Through the engine: a report of another Haiti event a year on shares names, not the news.
  const other = index().match(doc('q2', 'Haiti marks a year since the earthquake', 'Les Cayes residents still live in tents a year after the quake, aid groups in Haiti said.', T0 + 365 * DAY));
  assert.equal(other.match, null);
  const offered = maybeRelated(other);
  assert.deepEqual(offered.map((c) => c.storyId), ['quake'], JSON.stringify(other.candidates));
  assert.ok(offered[0]!.score >= MAYBE_FLOOR && offered[0]!.score < MATCH_THRESHOLD);
});

test('the shared terms shown say each thing once: an amount or a name covers its words, shown before it or after', () => {
  const ix = new StoryIndex();
  ix.addArticle('budget', doc('b1', 'Biden proposes $6 trillion budget', 'President Biden proposed a $6 trillion budget on Friday, the largest since the Second World War.'));
  ix.addArticle('budget', doc('b2', 'Biden unveils $6 trillion spending plan', 'The White House released a $6 trillion budget plan that would lift federal spending.'));
  const r = ix.match(doc('q', 'Biden sends Congress a $6 trillion budget', 'Biden asked Congress for $6 trillion in spending in his first budget on Friday.'));
  const shown = r.match?.shared ?? r.candidates[0]?.shared ?? [];
  assert.ok(shown.length > 0);
  const words = shown.map((s) => s.toLowerCase().replace(/[$€£¥]/g, ''));
  for (const [i, w] of words.entries()) {
    for (const [j, other] of words.entries()) if (i !== j) assert.ok(!other.split(' ').includes(w), `"${shown[i]}" is a word of "${shown[j]}": ${shown.join(', ')}`);
  }
});
