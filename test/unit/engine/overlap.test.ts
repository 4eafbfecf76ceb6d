// Evidence the verifier weighs (overlap.ts via scoreCandidates), on small hand-made cases whose
// answer is obvious.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StoryIndex, type EngineDoc } from '../../../src/engine/index';
import { scoreCandidates, type Evidence } from '../../../src/engine/scoring';
import { extractFeatures } from '../../../src/engine/features';
import { closestMembers } from '../../../src/engine/overlap';
import { TermKind, termKind } from '../../../src/engine/vocabulary';

const doc = (id: string, title: string, text: string | null = null): EngineDoc => ({ id, title, text });

/** Evidence about one story for a query, from an index of the given stories. */
function evidence(stories: Record<string, EngineDoc[]>, query: EngineDoc, story: string): Evidence {
  const index = new StoryIndex();
  for (const [id, docs] of Object.entries(stories)) for (const d of docs) index.addArticle(id, d);
  const e = scoreCandidates(index, { features: extractFeatures(query), published: null }).find((c) => c.story.id === story);
  assert.ok(e, `${story} is a candidate`);
  return e;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;

test('the same headline gives full headline evidence; a different headline on the topic gives less', () => {
  const stories = { s: [doc('a', 'Senate passes infrastructure bill', 'Senators voted for the package.')] };
  const same = evidence(stories, doc('q', 'Senate passes infrastructure bill', 'Senators voted for the package.'), 's');
  assert.ok(near(same.titleCos, 1) && near(same.titleInStory, 1) && near(same.storyTitleInQuery, 1), JSON.stringify(same));
  const other = evidence(stories, doc('q', 'Infrastructure talks stall in the House', 'Senators voted for the package.'), 's');
  assert.ok(other.titleCos < 0.5 && other.titleInStory < 1 && other.storyTitleInQuery < 1);
  assert.ok(other.titleCos > 0, 'they share "infrastructure"');
});

test('coverage runs both ways: a short query inside a long member covers all of itself, little of the member', () => {
  const long = 'Volcano erupts near the village. Lava flows reached farms, ash closed the airport, schools shut and hundreds fled.';
  const stories = { s: [doc('a', 'Volcano erupts', long)] };
  const e = evidence(stories, doc('q', 'Volcano erupts', 'Lava reached farms.'), 's');
  assert.ok(near(e.queryCover, 1), `queryCover ${e.queryCover}`);
  assert.ok(e.storyCover < 0.9, `storyCover ${e.storyCover}`);
  const reverse = evidence({ s: [doc('a', 'Volcano erupts', 'Lava reached farms.')] }, doc('q', 'Volcano erupts', long), 's');
  assert.ok(near(reverse.storyCover, 1) && reverse.queryCover < 0.9, JSON.stringify(reverse));
});

test('names: the share of the query’s names a member has, and of the member’s names the query has', () => {
  const stories = { s: [doc('a', 'Talks resume', 'Secretary John Kerry met officials in Vienna on Monday.')] };
  const both = evidence(stories, doc('q', 'Talks resume', 'Secretary John Kerry met officials in Vienna and Geneva.'), 's');
  assert.ok(both.entities! > 0 && both.entities! < 1, `query names Geneva too: ${both.entities}`);
  assert.ok(near(both.storyEntities!, 1), `every name of the member is in the query: ${both.storyEntities}`);
  const none = evidence(stories, doc('q', 'talks resume', 'officials met on monday'), 's');
  assert.equal(none.entities, null, 'a lower-case query names nothing');
  assert.equal(none.storyEntities, 0);
});

test('member cosine: identical reports score 1, the best member counts for maxDocCos', () => {
  const a = doc('a', 'Storm floods subway', 'Heavy rain flooded subway stations overnight.');
  const b = doc('b', 'Markets rally', 'Stocks rose on strong earnings.');
  const e = evidence({ s: [a, b] }, { ...a, id: 'q' }, 's');
  assert.ok(near(e.maxDocCos, 1), `maxDocCos ${e.maxDocCos}`);
  assert.ok(e.memberCos > 0.4 && e.memberCos < 0.6, `mean of 1 and ~0: ${e.memberCos}`);
});

test('consensus: what both members say, said by the query too', () => {
  const stories = {
    s: [doc('a', 'Earthquake strikes Haiti', 'Rescuers search rubble in Jeremie.'), doc('b', 'Earthquake strikes Haiti', 'Aid convoys reach Les Cayes.')],
  };
  const says = evidence(stories, doc('q', 'Earthquake strikes Haiti', 'Nothing else.'), 's');
  assert.ok(near(says.consensusCover, 1), `consensus ${says.consensusCover}`);
  const silent = evidence(stories, doc('q', 'Rescuers search rubble', 'Aid convoys in Jeremie.'), 's');
  assert.ok(silent.consensusCover < 0.2, `consensus ${silent.consensusCover}`);
});

test('figures: a shared "224,000" counts, a shared year does not; the rarest shared term is rare', () => {
  const stories = { s: [doc('a', 'Employers added 224,000 jobs in 2019', 'Hiring beat forecasts.')] };
  const e = evidence(stories, doc('q', 'Economy added 224,000 jobs in 2019', 'Payrolls rose.'), 's');
  assert.equal(e.sharedFigures, 1);
  assert.ok(e.rarest > 0.5);
  const year = evidence(stories, doc('q', 'Jobs in 2019', 'Payrolls rose.'), 's');
  assert.equal(year.sharedFigures, 0);
});

test('term kinds: names, quantities, figures and words', () => {
  assert.equal(termKind('e:john kerry'), TermKind.Name);
  assert.equal(termKind('n:300 people'), TermKind.Quantity);
  assert.equal(termKind('224000'), TermKind.Figure);
  assert.equal(termKind('2021'), TermKind.Word);
  assert.equal(termKind('5'), TermKind.Word);
  assert.equal(termKind('senat'), TermKind.Word);
});

test('member evidence reads the three members of a large story closest to the query', () => {
  const index = new StoryIndex();
  const texts = [
    'Storm floods the harbour of Lisbon',
    'Parliament debates the fishing quota',
    'Storm closes the Lisbon airport for a day',
    'Minister resigns over the quota vote',
    'Lisbon storm damage counted by insurers',
  ];
  texts.forEach((t, i) => index.addArticle('s', doc(`d${i}`, t)));
  const f = extractFeatures({ title: 'Lisbon storm: harbour flooded, airport shut', text: '' });
  // The query's weights by term id (0: not in the query), as scoring fills them.
  const q = new Float64Array(index.vocab.terms.length);
  for (const [t, w] of f.terms) {
    const id = index.vocab.id(t);
    if (id !== undefined) q[id] = w * index.vocab.idf(id);
  }
  const chosen = closestMembers(index, index.stories.get('s')!, q).map((d) => d.id);
  assert.deepEqual([...chosen].sort(), ['d0', 'd2', 'd4']);
});

test('a story of three or fewer is read whole', () => {
  const index = new StoryIndex();
  for (let i = 0; i < 3; i++) index.addArticle('s', doc(`d${i}`, `Report ${i} on the storm`));
  assert.deepEqual(
    closestMembers(index, index.stories.get('s')!, new Float64Array(index.vocab.terms.length)).map((d) => d.id),
    ['d0', 'd1', 'd2'],
  );
});

test('headline terms and whether a lead was given', () => {
  const f = extractFeatures({ title: 'Kerry meets Iran officials', text: 'John Kerry met officials from Iran on Monday.' });
  assert.ok(f.titleTerms.has('kerri') || f.titleTerms.has('kerry'), [...f.titleTerms].join(','));
  assert.ok(!f.titleTerms.has('mondai') && !f.titleTerms.has('monday'), 'lead words are not headline terms');
  assert.equal(f.hasText, true);
  assert.equal(extractFeatures({ title: 'Kerry meets Iran officials', text: '  ' }).hasText, false);
});
