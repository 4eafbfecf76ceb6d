// A feed story's categories borrowed from a pack story about the same event are not a curator's:
// they show, with their steps, until the reader files the story; the reader may take one away,
// file it elsewhere, or choose again; and a reader's filing stands over categories a later refresh
// of the feeds borrows. A curated story still refuses to be filed. Through the background's own
// message listener, with the committed civic pack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { db } from '../../../src/background/db';
import { installPack, scopedId } from '../../../src/background/pack-store';
import { CIVIC_PACK_ID } from '../../../src/background/story-categories';
import type { Result } from '../../../src/contracts/call-result';
import type { StoryCategoriesView, StoryView } from '../../../src/contracts/views';
import type { Category, Pack } from '../../../src/formats/model';
import { samplePack } from '../../fixtures/packs';
import { pageSender, readCommitted, startFakeBackground } from './background-env';

const civic = (id: string): string => scopedId(CIVIC_PACK_ID, id);
const CALL = scopedId('feeds', 'call');
const sidebar = pageSender('sidebar.html');

// What FeedLabels copies into the feeds pack when a story borrows a labelled story's categories.
const BORROWED: Category[] = [
  { id: 'storyline-starter:foreign-policy', name: 'Foreign Policy & International Relations', actions: [] },
  { id: 'storyline-starter:us-elections-voting-rights', name: 'U.S. Elections & Voting Rights', actions: [{ id: 'reg', kind: 'learn', title: 'Check that you are registered to vote', details: 'Your state’s election office.' }] },
];

/** The feeds pack as a refresh writes it: the story with the categories it borrowed, or none. */
function feeds(borrowed: readonly Category[], version: string): Pack {
  return {
    format: 1,
    id: 'feeds',
    publisher: 'Your feeds',
    version,
    updated: '2026-01-01T00:00:00Z',
    categories: [...borrowed],
    outlets: [{ id: 'a', name: 'Harbour Post' }],
    stories: [
      {
        id: 'call',
        title: 'Trump and Putin speak by phone',
        summary: '',
        categories: borrowed.map((c) => c.id),
        articles: [
          {
            id: 'a1',
            title: 'Trump and Putin speak by phone about Ukraine ceasefire',
            outlet: 'a',
            kind: 'report',
            excerpt: 'President Trump and Russian President Vladimir Putin spoke for two hours by phone on Tuesday about a possible ceasefire in Ukraine, the White House said.',
          },
        ],
        opinions: [],
        actions: [],
      },
    ],
  };
}

async function setup(borrowed: readonly Category[]) {
  const database = await db();
  // One database per test file: each test starts with no filing of the story.
  await database.clear('userState');
  await installPack(database, (await readCommitted('packs/civic.json')) as Pack, 'builtin');
  await installPack(database, feeds(borrowed, '1'), 'feeds');
  await installPack(database, samplePack(), 'file');
  return { database, bg: startFakeBackground() };
}

type Bg = Awaited<ReturnType<typeof setup>>['bg'];

async function file(bg: Bg, storyId: string, categories: string[] | null): Promise<Result<StoryCategoriesView>> {
  return (await bg.send({ type: 'story/set-categories', payload: { storyId, categories } }, sidebar)) as Result<StoryCategoriesView>;
}

async function view(bg: Bg, storyId: string): Promise<StoryView> {
  const answer = (await bg.send({ type: 'sidebar/story', payload: { storyId, tabId: 1 } }, sidebar)) as Result<StoryView | null>;
  assert.ok(answer.ok && answer.value, JSON.stringify(answer));
  return answer.value;
}

test('the reader’s filing stands when a refresh of the feeds later borrows categories, and they may file again', async () => {
  const { database, bg } = await setup([]);
  const filed = await file(bg, CALL, [civic('foreign-policy')]);
  assert.ok(filed.ok, JSON.stringify(filed));

  // The refresh: a new member brings the story near a labelled pack story.
  await installPack(database, feeds(BORROWED, '2'), 'feeds');
  const after = await view(bg, CALL);
  assert.deepEqual(after.categories.map((c) => c.id), [civic('foreign-policy')], 'the reader’s own filing is shown');
  assert.equal(after.categoryChoice?.byReader, true);
  assert.ok(!after.actions.some((a) => a.title.includes('registered to vote')), 'no step of a category the reader did not choose');

  const again = await file(bg, CALL, [civic('war-peace')]);
  assert.ok(again.ok, JSON.stringify(again));
  assert.deepEqual(again.value.categories.map((c) => c.id), [civic('war-peace')]);
});

test('borrowed categories show with their steps until the reader refiles; one can be taken away and put back', async () => {
  const { bg } = await setup(BORROWED);
  const ids = BORROWED.map((c) => scopedId('feeds', c.id));
  const before = await view(bg, CALL);
  assert.deepEqual(before.categories.map((c) => c.id), ids);
  assert.ok(before.actions.some((a) => a.title.includes('registered to vote')), 'a borrowed category brings its steps');
  const choice = before.categoryChoice;
  assert.ok(choice && !choice.byReader, 'the reader may refile a story no curator filed');
  assert.ok(ids.every((id) => choice.options.some((o) => o.id === id)), 'the borrowed categories are among the options');

  // The sidebar's "×" on the voting category sends the others.
  const removed = await file(bg, CALL, [ids[0]!]);
  assert.ok(removed.ok, JSON.stringify(removed));
  assert.deepEqual(removed.value.categories.map((c) => c.id), [ids[0]]);
  assert.ok(!removed.value.actions.some((a) => a.title.includes('registered to vote')));
  const back = await file(bg, CALL, null);
  assert.ok(back.ok);
  assert.deepEqual(back.value.categories.map((c) => c.id), ids, 'choosing again gives the borrowed categories back');
  assert.equal(back.value.categoryChoice?.byReader, false);
});

test('a curated story still refuses to be filed, and a category of another pack is refused', async () => {
  const { bg } = await setup(BORROWED);
  const curated = await file(bg, scopedId('sample', 'summit'), [civic('labor')]);
  assert.equal(curated.ok ? null : curated.error.code, 'refused');
  assert.equal((await view(bg, scopedId('sample', 'summit'))).categoryChoice, undefined);
  const foreign = await file(bg, CALL, [scopedId('sample', 'world')]);
  assert.equal(foreign.ok ? null : foreign.error.code, 'not-found');
});
