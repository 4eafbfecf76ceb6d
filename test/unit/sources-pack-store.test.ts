// Installing over an installed pack: only the stories that changed are written again, what the new
// version dropped is deleted, and everything lands in one transaction or not at all.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStorylineDB } from '../../src/background/db';
import { installPack, removePack, scopedId } from '../../src/background/pack-store';
import type { Pack } from '../../src/formats/model';
import { samplePack } from '../fixtures/packs';
import { followedStories, setFollowing } from '../../src/background/follow';
import { actionStateKey, confirmationKey, followKey } from '../../src/formats/storage-schema';
import { packReports, packStoryCount } from '../fixtures/stored-packs';

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
  // Every record: 3 stories (each with its 2 reports), 1 category, 1 outlet.
  assert.deepEqual(await install(database, samplePack('1', ['summit', 'budget', 'fares'])), [5, 5]);
  // Marks on stored records show which ones the next install writes again.
  for (const record of await database.getAll('stories')) await database.put('stories', { ...record, marked: true } as never);
  // budget and ferry written, fares deleted, category and outlet written.
  assert.deepEqual(await install(database, version2()), [5, 5]);
  const marked = async (key: string) => ((await database.get('stories', key)) as { marked?: boolean } | undefined)?.marked ?? false;
  assert.equal(await marked(id('summit')), true, 'unchanged story not rewritten');
  assert.equal(await marked(id('budget')), false);
  assert.equal((await database.get('stories', id('budget')))?.summary, 'The budget, as amended.');
  assert.equal(await database.get('stories', id('fares')), undefined);
  assert.equal(await database.countFromIndex('stories', 'byUrlKey', 'example.com/fares'), 0, 'its reports went with it');
  const ferry = await database.get('stories', id('ferry'));
  assert.equal(ferry?.title, 'Story ferry');
  assert.deepEqual(ferry?.reports.map((r) => r.id), [id('ferry-1'), id('ferry-2')]);
  assert.equal((await database.get('packs', 'sample'))?.version, '2');
  database.close();
});

test('a story whose record went missing is written again, whatever its digest says', async () => {
  const database = await fresh();
  await install(database, samplePack());
  await database.delete('stories', id('summit'));
  assert.deepEqual(await install(database, samplePack('2')), [3, 3], 'summit, category, outlet');
  assert.equal((await database.get('stories', id('summit')))?.reports[1]?.title, 'summit second report');
  database.close();
});

test('after a removal the same version is written whole again', async () => {
  const database = await fresh();
  await install(database, samplePack());
  await removePack(database, 'sample');
  assert.equal((await database.getAll('meta')).some((m) => m.key.includes('sample')), false, 'the digests went with the pack');
  assert.deepEqual(await install(database, samplePack()), [4, 4]);
  assert.equal((await packReports(database, 'sample')).length, 4);
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
  assert.deepEqual((await database.getAllKeys('stories')).sort(), [id('budget'), id('summit')]);
  assert.equal((await database.get('stories', id('budget')))?.summary, 'Summary of budget.');
  // And the digests still describe version 1: installing version 2 for real writes what changed.
  assert.deepEqual(await install(database, version2()), [4, 4]);
  database.close();
});

test('a pack whose id starts with another pack\'s id and a slash is left alone', async () => {
  const database = await fresh();
  await install(database, samplePack());
  await installPack(database, { ...samplePack(), id: 'sample/extra' }, 'file');
  await install(database, { ...samplePack('2', ['budget']) });
  assert.equal(await packStoryCount(database, 'sample/extra'), 2);
  assert.equal(await packStoryCount(database, 'sample'), 1);
  await removePack(database, 'sample');
  assert.equal((await packReports(database, 'sample/extra')).length, 4);
  assert.equal((await packReports(database, 'sample')).length, 0);
  database.close();
});

test('a story id with a slash inside a nested pack\'s key range still belongs to its own pack', async () => {
  const database = await fresh();
  // 'sample' story 'extra/late' is stored as 'sample/extra/late', inside the range of 'sample/extra'.
  await install(database, samplePack('1', ['summit', 'extra/late']));
  await installPack(database, { ...samplePack(), id: 'sample/extra' }, 'file');
  assert.equal(await packStoryCount(database, 'sample'), 2);
  assert.equal(await packStoryCount(database, 'sample/extra'), 2);
  // A new edition without it deletes it, and only it.
  assert.deepEqual(await install(database, samplePack('2', ['summit'])), [3, 3], 'extra/late deleted, category, outlet');
  assert.equal(await database.get('stories', id('extra/late')), undefined);
  assert.equal(await packStoryCount(database, 'sample/extra'), 2);
  await install(database, samplePack('3', ['summit', 'extra/late']));
  await removePack(database, 'sample');
  assert.deepEqual((await database.getAllKeys('stories')).sort(), [scopedId('sample/extra', 'budget'), scopedId('sample/extra', 'summit')]);
  database.close();
});

test('a story the publisher merged into another takes what the reader kept about it; one that went with its reports is not carried', async () => {
  const database = await openStorylineDB(`renamed-${++counter}`);
  const v1 = samplePack('1', ['summit', 'budget']);
  await installPack(database, v1, 'url');
  const budget = scopedId('sample', 'budget');
  const summit = scopedId('sample', 'summit');
  await setFollowing(database, budget, true);
  await database.put('userState', { key: actionStateKey(budget, 'sign'), kind: 'action-done', storyId: budget, actionId: 'sign', done: true, at: '2025-08-17T00:00:00Z' });
  await database.put('userState', { key: confirmationKey('news.example/a'), kind: 'confirmed', pageKey: 'news.example/a', storyId: budget, at: '2025-08-17T00:00:00Z' });
  // Version 2 files the budget's reports under the summit (same article ids).
  const v2 = samplePack('2', ['summit']);
  v2.stories[0]!.articles.push(...v1.stories[1]!.articles);
  await installPack(database, v2, 'url');
  assert.deepEqual((await followedStories(database)).map((s) => s.id), [summit]);
  assert.equal((await database.get('userState', actionStateKey(summit, 'sign')))?.kind, 'action-done');
  const confirmed = await database.get('userState', confirmationKey('news.example/a'));
  assert.equal(confirmed?.kind === 'confirmed' && confirmed.storyId, summit);
  assert.equal(await database.get('userState', followKey(budget)), undefined, 'nothing left under the id that went');
  // Version 3 drops the summit with all its reports: nothing of it is carried anywhere.
  await installPack(database, samplePack('3', ['ferry']), 'url');
  assert.equal((await database.get('userState', followKey(summit)))?.storyId, summit, 'kept, as for any story that went');
});
