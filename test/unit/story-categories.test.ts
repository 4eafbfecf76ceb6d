// Categories in a story's view: a story no curator filed (built from feeds here) gets the topic
// classifier's categories from the built-in `civic` pack, with the words that decided them and the
// categories' standing steps; a curated story keeps its own; without the civic pack, none.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStorylineDB } from '../../src/background/db';
import { installPack, removePack, scopedId } from '../../src/background/pack-store';
import { CIVIC_PACK_ID } from '../../src/background/story-categories';
import { storySummary, storyView } from '../../src/background/story-views';
import type { Pack } from '../../src/formats/model';
import { samplePack } from '../fixtures/packs';

let counter = 0;

/** A stand-in for the built-in taxonomy pack: a few of the fixed ids, one standing step each. */
function civicPack(): Pack {
  const category = (id: string, name: string, parent?: string) => ({
    id,
    name,
    ...(parent ? { parent } : {}),
    actions: [{ id: 'learn', kind: 'learn' as const, title: `Learn about ${name.toLowerCase()}`, details: 'Primary sources and explainers.' }],
  });
  return {
    format: 1,
    id: CIVIC_PACK_ID,
    publisher: 'Storyline',
    version: '1',
    updated: '2026-01-01T00:00:00Z',
    categories: [category('politics', 'Government and politics'), category('elections', 'Elections and voting', 'politics'), category('disasters', 'Disasters and emergencies')],
    outlets: [],
    stories: [],
  };
}

/** A story as the feeds build it: reports from two outlets, no categories. */
function feedPack(): Pack {
  return {
    format: 1,
    id: 'feeds',
    publisher: 'Your feeds',
    version: '1',
    updated: '2026-01-01T00:00:00Z',
    categories: [],
    outlets: [
      { id: 'a', name: 'Harbour Post' },
      { id: 'b', name: 'The Daily Meridian' },
    ],
    stories: [
      {
        id: 'runoff',
        title: 'Georgia runoff',
        summary: '',
        categories: [],
        articles: [
          {
            id: 'a1',
            title: 'Voters head to the polls in Georgia runoff as early turnout breaks records',
            outlet: 'a',
            kind: 'report',
            excerpt: 'Election officials reported long lines at polling places as voters cast ballots in the Senate runoff between the two candidates.',
          },
          {
            id: 'b1',
            title: 'Record turnout in Georgia runoff election',
            outlet: 'b',
            kind: 'report',
            excerpt: 'More than a million ballots were cast during early voting, state election officials said.',
          },
        ],
        opinions: [],
        actions: [],
      },
    ],
  };
}

async function setup(withCivic = true) {
  const database = await openStorylineDB(`storyline-story-categories-${++counter}`);
  if (withCivic) await installPack(database, civicPack(), 'builtin');
  await installPack(database, feedPack(), 'feeds');
  await installPack(database, samplePack(), 'file');
  return database;
}

test('a feed story without categories shows the civic category it is about, with why and its steps; a curated one keeps its own', async () => {
  const database = await setup();
  const view = await storyView(database, scopedId('feeds', 'runoff'));
  assert.ok(view);
  const [first, ...others] = view.categories;
  assert.equal(first?.id, scopedId(CIVIC_PACK_ID, 'elections'));
  assert.equal(first?.name, 'Elections and voting');
  assert.ok(first?.why && first.why.length > 0, 'the classified category says why');
  const text = view.reports.map((r) => `${r.title} ${r.excerpt ?? ''}`).join(' ').toLowerCase();
  for (const word of first?.why ?? []) assert.ok(text.includes(word.toLowerCase()), `"${word}" is a word of the reports`);
  assert.ok(others.every((c) => c.id.startsWith(`${CIVIC_PACK_ID}/`)));
  // The category's standing step follows it, as a curated category's would.
  const step = view.actions.find((a) => a.id === `${scopedId(CIVIC_PACK_ID, 'elections')}#learn`);
  assert.equal(step?.fromCategory, 'Elections and voting');

  // A curated story in the same database keeps its own categories and steps, without why.
  const curated = await storyView(database, scopedId('sample', 'summit'));
  assert.deepEqual(curated?.categories, [{ id: scopedId('sample', 'world'), name: 'World' }]);
  assert.deepEqual(
    curated?.actions.filter((a) => a.fromCategory !== undefined).map((a) => a.id),
    [`${scopedId('sample', 'world')}#learn`],
  );
});

test('without the civic pack a feed story has no categories to show', async () => {
  const database = await setup(false);
  const view = await storyView(database, scopedId('feeds', 'runoff'));
  assert.deepEqual(view?.categories, []);
  assert.deepEqual(view?.actions, []);
  // And once it is installed, the same story is classified: nothing is stored per story.
  await installPack(database, civicPack(), 'builtin');
  assert.equal((await storyView(database, scopedId('feeds', 'runoff')))?.categories[0]?.id, scopedId(CIVIC_PACK_ID, 'elections'));
  await removePack(database, CIVIC_PACK_ID);
  assert.deepEqual((await storyView(database, scopedId('feeds', 'runoff')))?.categories, []);
});

test('a story with no opinion counts the reader\'s opinion feeds, where columns would come from', async () => {
  const database = await setup();
  const feed = (url: string, title: string | null) => ({ url, title, addedAt: '2026-01-01T00:00:00Z', itemCount: 0, checkedAt: null, okAt: null, error: null, etag: null, lastModified: null });
  assert.equal((await storyView(database, scopedId('feeds', 'runoff')))?.opinionSources, 0);
  await database.put('feeds', feed('https://harbour.example/rss/opinion.xml', 'Harbour Post'));
  await database.put('feeds', feed('https://meridian.example/feed', 'The Daily Meridian | Analysis'));
  await database.put('feeds', feed('https://meridian.example/news.xml', 'The Daily Meridian'));
  assert.equal((await storyView(database, scopedId('feeds', 'runoff')))?.opinionSources, 2);
  // A story with opinions shows them: nothing to count.
  const opinion = { id: 'col', title: 'A column', summary: 'An argument.', kind: 'opinion' as const };
  await installPack(database, { ...samplePack('2'), stories: samplePack('2').stories.map((s) => ({ ...s, opinions: [opinion] })) }, 'file');
  const curated = await storyView(database, scopedId('sample', 'summit'));
  assert.equal(curated?.opinions.length, 1);
  assert.equal(curated?.opinionSources, undefined);
});

test("the civic pack's U.S. steps are held back on a story about another country's election, and kept on a U.S. one", async () => {
  const database = await openStorylineDB(`storyline-story-categories-${++counter}`);
  const civic = JSON.parse(readFileSync(new URL('../../assets/packs/civic.json', import.meta.url), 'utf8')) as Pack;
  await installPack(database, civic, 'builtin');
  const feeds = feedPack();
  const france = {
    id: 'france',
    title: 'France votes in a tight presidential runoff',
    summary: '',
    categories: [],
    articles: [
      { id: 'f1', title: 'French voters head to the polls in presidential runoff', outlet: 'a', kind: 'report' as const, excerpt: 'Polling stations opened across France as voters chose between the two candidates for president.' },
      { id: 'f2', title: 'Turnout falls in France election runoff', outlet: 'b', kind: 'report' as const, excerpt: 'Turnout in Paris and across the country was lower than in the first round, the interior ministry said.' },
    ],
    opinions: [],
    actions: [],
  };
  await installPack(database, { ...feeds, stories: [...feeds.stories, france] }, 'feeds');

  const abroad = await storyView(database, scopedId('feeds', 'france'));
  assert.equal(abroad?.categories[0]?.id, scopedId(CIVIC_PACK_ID, 'elections'));
  assert.ok(abroad?.heldBack && abroad.heldBack.actions.length > 0, 'U.S. steps held back');
  assert.ok(abroad.heldBack.actions.every((a) => a.country === 'US'));
  assert.ok(!abroad.actions.some((a) => a.country === 'US'), 'none shown');
  assert.ok(!abroad.actions.some((a) => a.url === 'https://vote.gov/'), 'no Vote.gov on a French election');
  assert.deepEqual([abroad.heldBack.countries, abroad.heldBack.about], [['US'], 'FR']);
  // The popup's count is of the steps shown.
  assert.equal((await storySummary(database, scopedId('feeds', 'france')))?.actionCount, abroad.actions.length);

  const home = await storyView(database, scopedId('feeds', 'runoff'));
  assert.equal(home?.heldBack, undefined);
  assert.ok(home?.actions.some((a) => a.url === 'https://vote.gov/'), 'Vote.gov on the Georgia runoff');
});
