// The reader files a story no curator filed: the classifier's offers when it gives none, the whole
// taxonomy to choose from, the reader's categories replacing the classifier's with their steps,
// "let Storyline choose again", and a curator's categories that stand as written. Through the
// background's own message listener, with the committed civic pack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { db } from '../../../src/background/db';
import { installPack, scopedId } from '../../../src/background/pack-store';
import { CIVIC_PACK_ID } from '../../../src/background/story-categories';
import type { Result } from '../../../src/contracts/call-result';
import type { StoryCategoriesView, StoryView } from '../../../src/contracts/views';
import type { Pack } from '../../../src/formats/model';
import { samplePack } from '../../fixtures/packs';
import { pageSender, readCommitted, startFakeBackground } from './background-env';

const civic = (id: string): string => scopedId(CIVIC_PACK_ID, id);
const STRIKE = scopedId('feeds', 'strike');

/** A story as the feeds build it, which the classifier is not sure of: a dockworkers' strike. */
function feedPack(): Pack {
  const report = (id: string, outlet: string, title: string, excerpt: string) => ({ id, title, outlet, kind: 'report' as const, excerpt });
  return {
    format: 1,
    id: 'feeds',
    publisher: 'Your feeds',
    version: '1',
    updated: '2026-01-01T00:00:00Z',
    categories: [],
    outlets: [{ id: 'a', name: 'Harbour Post' }],
    stories: [
      {
        id: 'strike',
        title: 'Dockworkers walk out',
        summary: '',
        categories: [],
        articles: [
          report('a1', 'a', 'Dockworkers walk out at three ports as talks stall', 'Union leaders said the strike would continue until the port operators return to the table over pay and automation.'),
        ],
        opinions: [],
        actions: [],
      },
      {
        id: 'runoff',
        title: 'France votes in a presidential runoff',
        summary: '',
        categories: [],
        articles: [
          report('r1', 'a', 'French voters choose a president in a tight runoff', 'Polling stations opened across France on Sunday as voters chose between the two candidates; turnout in Paris was lower than in the first round.'),
        ],
        opinions: [],
        actions: [],
      },
    ],
  };
}

async function setup() {
  const database = await db();
  await installPack(database, (await readCommitted('packs/civic.json')) as Pack, 'builtin');
  await installPack(database, feedPack(), 'feeds');
  await installPack(database, samplePack(), 'file');
  return startFakeBackground();
}

type Bg = Awaited<ReturnType<typeof setup>>;
const sidebar = pageSender('sidebar.html');

async function file(bg: Bg, storyId: string, categories: string[] | null): Promise<Result<StoryCategoriesView>> {
  return (await bg.send({ type: 'story/set-categories', payload: { storyId, categories } }, sidebar)) as Result<StoryCategoriesView>;
}

async function view(bg: Bg, storyId: string): Promise<StoryView> {
  const answer = (await bg.send({ type: 'sidebar/story', payload: { storyId, tabId: 1 } }, sidebar)) as Result<StoryView | null>;
  assert.ok(answer.ok && answer.value, JSON.stringify(answer));
  return answer.value;
}

test('a story given no category offers the ones it came closest to, and the reader files it under one with its steps', async () => {
  const bg = await setup();
  bg.openTab(1, 'https://harbour.example/');
  const before = await view(bg, STRIKE);
  assert.deepEqual(before.categories, []);
  assert.deepEqual(before.actions, [], 'an offered category brings no steps');
  const choice = before.categoryChoice;
  assert.ok(choice && !choice.byReader);
  assert.equal(choice.suggested[0]?.id, civic('economy'), JSON.stringify(choice.suggested));
  assert.ok(choice.suggested[0]?.why?.includes('strike'), 'the offer says why');
  // The whole taxonomy to choose from, by name.
  assert.equal(choice.options.length, 29);
  assert.ok(choice.options.some((o) => o.id === civic('labor')));
  const names = choice.options.map((o) => o.name);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));

  const filed = await file(bg, STRIKE, [civic('labor')]);
  assert.ok(filed.ok, JSON.stringify(filed));
  assert.deepEqual(filed.value.categories, [{ id: civic('labor'), name: choice.options.find((o) => o.id === civic('labor'))!.name }]);
  assert.equal(filed.value.categoryChoice?.byReader, true);
  assert.deepEqual(filed.value.categoryChoice?.suggested, []);
  assert.ok(filed.value.actions.length > 0 && filed.value.actions.every((a) => a.id.startsWith(`${civic('labor')}#`)), 'the category’s standing steps follow it');

  // Stored: the next view of the story is filed the same way.
  const after = await view(bg, STRIKE);
  assert.deepEqual(after.categories, filed.value.categories);
  assert.deepEqual(after.actions.map((a) => a.id), filed.value.actions.map((a) => a.id));

  // Taking every category away is a choice too; null gives the story back to the classifier.
  const none = await file(bg, STRIKE, []);
  assert.ok(none.ok);
  assert.deepEqual(none.value.categories, []);
  assert.deepEqual(none.value.actions, []);
  assert.equal(none.value.categoryChoice?.byReader, true);
  assert.deepEqual(none.value.categoryChoice?.suggested, [], 'nothing is offered against the reader’s choice');
  const back = await file(bg, STRIKE, null);
  assert.ok(back.ok);
  assert.deepEqual(back.value.categoryChoice?.byReader, false);
  assert.deepEqual(back.value.categoryChoice?.suggested, choice.suggested);
});

test('a curator’s categories stand; an unknown story or category is refused and nothing is stored', async () => {
  const bg = await setup();
  const curated = scopedId('sample', 'summit');
  const refused = await file(bg, curated, [civic('labor')]);
  assert.equal(refused.ok, false);
  assert.equal(refused.ok ? null : refused.error.code, 'refused');
  assert.equal((await view(bg, curated)).categoryChoice, undefined, 'no choice is offered for a curated story');

  const unknownStory = await file(bg, 'feeds/nothing', [civic('labor')]);
  assert.equal(unknownStory.ok ? null : unknownStory.error.code, 'not-found');
  // A category of another pack is not one the reader can file under.
  const foreign = await file(bg, STRIKE, [scopedId('sample', 'world')]);
  assert.equal(foreign.ok ? null : foreign.error.code, 'not-found');
  assert.equal((await view(bg, STRIKE)).categoryChoice?.byReader, false);
});

test('only the sidebar may file a story', async () => {
  const bg = await setup();
  const fromPopup = (await bg.send({ type: 'story/set-categories', payload: { storyId: STRIKE, categories: [civic('labor')] } }, pageSender('popup.html'))) as Result<unknown>;
  assert.equal(fromPopup.ok ? null : fromPopup.error.code, 'refused');
  assert.equal((await view(bg, STRIKE)).categoryChoice?.byReader, false);
});

test("a story about another country filed under Elections: the U.S. steps come held back with the answer, the others shown", async () => {
  const bg = await setup();
  bg.openTab(1, 'https://harbour.example/');
  const runoff = scopedId('feeds', 'runoff');
  const answer = await file(bg, runoff, [civic('elections')]);
  assert.ok(answer.ok, JSON.stringify(answer));
  const shown = answer.value.actions.filter((a) => a.id.startsWith(`${civic('elections')}#`));
  assert.ok(shown.length >= 1 && shown.every((a) => a.country === undefined), 'a step any reader can take');
  assert.ok(answer.value.heldBack && answer.value.heldBack.actions.length >= 1);
  assert.ok(answer.value.heldBack.actions.every((a) => a.country === 'US'));
  assert.equal(answer.value.heldBack.about, 'FR');
  // The story's view says the same after.
  assert.deepEqual((await view(bg, runoff)).heldBack, answer.value.heldBack);
});
