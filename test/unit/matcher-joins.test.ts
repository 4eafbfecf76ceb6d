// Reading history joins a page to its story without saving the engine's whole snapshot (4.5-5.9 MB
// at 10k articles) for each page read: the join is noted beside the snapshot, and a worker that
// loads the snapshot takes the noted joins in from `joinedReports`, as they are then.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { db } from '../../src/background/db';
import { invalidateStoryIndex, saveStoryIndex, storyIndex } from '../../src/background/matcher';
import { installPack, scopedId } from '../../src/background/pack-store';
import { recordReading, removeFromHistory, unjoin } from '../../src/background/sources/history';
import { summitPack } from '../fixtures/packs';
import { summitPage } from '../fixtures/pages';

const STORY = scopedId('p', 'summit');

const page = summitPage;

const snapshotRecord = async () => JSON.stringify((await (await db()).get('meta', 'engine-snapshot/docs'))?.value ?? null);
const noted = async () => ((await (await db()).get('meta', 'engine-snapshot/joins'))?.value ?? []) as string[];

test('a page read joins its story without the snapshot saved again; the next worker finds it all the same', async () => {
  const database = await db();
  await installPack(database, summitPack('p'), 'file');
  await storyIndex();
  assert.ok(await saveStoryIndex());
  const saved = await snapshotRecord();

  const read = async (slug: string) => recordReading(database, page(slug), { pageKey: `harbour.example/${slug}`, storyId: STORY, currentArticleId: null });
  assert.equal(await read('first'), 'history/harbour.example/first');
  await read('second');
  assert.equal(await snapshotRecord(), saved, 'the snapshot on disk is as it was');
  assert.deepEqual(await noted(), ['history/harbour.example/first', 'history/harbour.example/second']);

  // A worker woken later: the snapshot, then the joins noted since.
  invalidateStoryIndex();
  const woken = await storyIndex();
  assert.equal(woken.storyOf('history/harbour.example/first'), STORY);
  assert.equal(woken.storyOf('history/harbour.example/second'), STORY);

  // A join noted, then taken back ("Not this story") before any save: the next worker leaves it out.
  await unjoin(database, 'harbour.example/second', STORY);
  invalidateStoryIndex();
  assert.equal((await storyIndex()).storyOf('history/harbour.example/second'), undefined);

  // Saved, the snapshot holds the joins and the note is emptied.
  assert.ok(await saveStoryIndex());
  assert.deepEqual(await noted(), []);
  assert.match(await snapshotRecord(), /harbour\.example\/first/);

  // Removed from history: the snapshot and the note go with it (they hold its address).
  await read('third');
  await removeFromHistory(database, await storyIndex(), 'harbour.example/third');
  assert.deepEqual(await noted(), []);
  invalidateStoryIndex();
  assert.equal((await storyIndex()).storyOf('history/harbour.example/third'), undefined);
  assert.equal((await storyIndex()).storyOf('history/harbour.example/first'), STORY);
});
