// Installing over an installed pack: only the stories that changed are written again, what the new
// version dropped is deleted, and everything lands in one transaction or not at all.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStorylineDB } from '../../src/background/db';
import { installPack, removePack, scopedId } from '../../src/background/pack-store';
import type { Pack } from '../../src/shared/model';
import { samplePack } from '../fixtures/packs';

let counter = 0;
const fresh = () => openStorylineDB(`storyline-pack-store-${++counter}`);
const id = (local: string): string => scopedId('sample', local);

/** Installs and answers the writes the install reported last (done, total). */
async function install(database: Awaited<ReturnType<typeof fresh>>, pack: Pack): Promise<[number, number]> {
  let last: [number, number] = [0, 0];
  await installPack(database, pack, 'file', '2025-08-16T10:00:00Z', (done, total) => (last = [done, total]));
  return last;
}

/** Version 2 of the sample pack: `budget` edited, `summit` as it was, `fares` dropped, `ferry` new. */
function version2(): Pack {
  const pack = samplePack('2', ['summit', 'budget', 'ferry']);
  pack.stories[1]!.summary = 'The budget, as amended.';
  return pack;
}

test('a newer version writes only the stories that changed and deletes what it dropped', async () => {
  const database = await fresh();
  // Every record: 3 stories, 6 articles, 1 category, 1 outlet.
  assert.deepEqual(await install(database, samplePack('1', ['summit', 'budget', 'fares'])), [11, 11]);
  // Marks on stored records show which ones the next install writes again.
  for (const store of ['stories', 'articles'] as const) {
    for (const record of await database.getAll(store)) await database.put(store, { ...record, marked: true } as never);
  }
  // budget (1 + 2 articles) and ferry (1 + 2) written, fares (1 + 2) deleted, category and outlet written.
  assert.deepEqual(await install(database, version2()), [11, 11]);
  const marked = async (store: 'stories' | 'articles', key: string) => ((await database.get(store, key)) as { marked?: boolean } | undefined)?.marked ?? false;
  assert.equal(await marked('stories', id('summit')), true, 'unchanged story not rewritten');
  assert.equal(await marked('articles', id('summit-1')), true, 'its articles neither');
  assert.equal(await marked('stories', id('budget')), false);
  assert.equal((await database.get('stories', id('budget')))?.summary, 'The budget, as amended.');
  assert.equal(await marked('articles', id('budget-2')), false, 'an edited story is written with all its articles');
  assert.equal(await database.get('stories', id('fares')), undefined);
  assert.deepEqual(await database.getAllKeysFromIndex('articles', 'byStory', id('fares')), []);
  assert.equal((await database.get('stories', id('ferry')))?.title, 'Story ferry');
  assert.equal((await database.get('packs', 'sample'))?.version, '2');
  database.close();
});

test('a story whose records went missing is written again, whatever its digest says', async () => {
  const database = await fresh();
  await install(database, samplePack());
  await database.delete('articles', id('summit-2'));
  assert.deepEqual(await install(database, samplePack('2')), [5, 5], 'summit (1 + 2), category, outlet');
  assert.equal((await database.get('articles', id('summit-2')))?.title, 'summit second report');
  database.close();
});

test('after a removal the same version is written whole again', async () => {
  const database = await fresh();
  await install(database, samplePack());
  await removePack(database, 'sample');
  assert.equal((await database.getAll('meta')).some((m) => m.key.includes('sample')), false, 'the digests went with the pack');
  assert.deepEqual(await install(database, samplePack()), [8, 8]);
  assert.equal((await database.getAllKeysFromIndex('articles', 'byPack', 'sample')).length, 4);
  database.close();
});

test('a write that fails leaves the installed version whole', async () => {
  const database = await fresh();
  await install(database, samplePack('1', ['summit', 'budget']));
  const broken = version2();
  // A value IndexedDB cannot store: put() throws after other requests were made.
  (broken.stories[2] as unknown as { extra: unknown }).extra = () => undefined;
  await assert.rejects(installPack(database, broken, 'file'), /could not be cloned|DataCloneError/);
  assert.equal((await database.get('packs', 'sample'))?.version, '1');
  assert.deepEqual((await database.getAllKeysFromIndex('stories', 'byPack', 'sample')).sort(), [id('budget'), id('summit')]);
  assert.equal((await database.get('stories', id('budget')))?.summary, 'Summary of budget.');
  // And the digests still describe version 1: installing version 2 for real writes what changed.
  assert.deepEqual(await install(database, version2()), [8, 8]);
  database.close();
});

test('a pack whose id starts with another pack\'s id and a slash is left alone', async () => {
  const database = await fresh();
  await install(database, samplePack());
  await installPack(database, { ...samplePack(), id: 'sample/extra' }, 'file');
  await install(database, { ...samplePack('2', ['budget']) });
  assert.equal((await database.getAllKeysFromIndex('stories', 'byPack', 'sample/extra')).length, 2);
  await removePack(database, 'sample');
  assert.equal((await database.getAllKeysFromIndex('articles', 'byPack', 'sample/extra')).length, 4);
  assert.equal((await database.getAllKeysFromIndex('articles', 'byPack', 'sample')).length, 0);
  database.close();
});
