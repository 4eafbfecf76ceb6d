// Each schema step from the state before it: a reader's database of version N-1, with data in it,
// opened by the current code.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDB, type IDBPDatabase } from 'idb';
import { openStorylineDB } from '../../src/background/db';
import { DB_VERSION, MIGRATIONS } from '../../src/background/migrations';
import { installPack, removePack, scopedId } from '../../src/background/pack-store';
import { everyReport, reportsAtUrl } from '../../src/background/story-reports';
import { storyView } from '../../src/background/story-views';
import { actionStateKey } from '../../src/formats/storage-schema';
import { samplePack } from '../fixtures/packs';
import { putV2Pack } from '../fixtures/v2-records';

let counter = 0;
const freshName = (): string => `storyline-migrations-${++counter}`;
const id = (local: string): string => scopedId('sample', local);

/** A database exactly as version `version` of the code left it (steps 1..version only). */
async function databaseAt(name: string, version: number): Promise<IDBPDatabase> {
  return openDB(name, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion + 1; v <= version; v++) MIGRATIONS[v - 1]?.(db, tx);
    },
  });
}

test('migration 2 adds the source, history and network log stores and keeps version 1 data', async () => {
  const name = freshName();
  const v1 = await databaseAt(name, 1);
  await putV2Pack(v1, samplePack());
  const key = actionStateKey(id('summit'), 'sign');
  await v1.put('userState', { key, kind: 'action-done', storyId: id('summit'), actionId: 'sign', done: true, at: '2025-08-16T10:00:00Z' });
  await v1.put('meta', { key: 'k', value: 1 });
  v1.close();

  const v2 = await databaseAt(name, 2);
  for (const store of ['subscriptions', 'feeds', 'feedItems', 'history', 'networkLog'] as const) {
    assert.ok(v2.objectStoreNames.contains(store), store);
  }
  assert.deepEqual([...v2.transaction('history').store.indexNames], ['byReadAt']);
  assert.equal((await v2.get('packs', 'sample'))?.installedAt, '2025-08-16T10:00:00Z');
  assert.equal(await v2.count('articles'), 4);
  assert.equal((await v2.get('userState', key))?.kind, 'action-done');
  assert.deepEqual(await v2.get('meta', 'k'), { key: 'k', value: 1 });
  // The new stores work: the network log numbers its entries itself.
  const seq = await v2.add('networkLog', { at: '2025-08-16T10:00:00Z', method: 'GET', url: 'https://example.org/feed', purpose: 'feed', status: 200, outcome: 'fresh', bytes: 1, durationMs: 1 });
  assert.equal(typeof seq, 'number');
  v2.close();
});

/** A version 2 database with a pack, a history join, a story without reports and an orphan report. */
async function version2Database(name: string): Promise<void> {
  const v2 = await databaseAt(name, 2);
  const pack = samplePack('1', ['summit', 'budget', 'quiet']);
  pack.stories[2]!.articles = [];
  await putV2Pack(v2, pack);
  await v2.put('articles', { id: 'history/harbour.example/anchorage', storyId: id('summit'), packId: 'history', urlKey: 'harbour.example/anchorage', url: 'https://harbour.example/anchorage', title: 'Read elsewhere', outlet: 'Harbour Post', outletName: 'Harbour Post', kind: 'report' });
  await v2.put('articles', { id: id('gone-1'), storyId: id('gone'), packId: 'sample', title: 'Its story went', outlet: 'example.com', outletName: 'Example News', kind: 'report' });
  await v2.put('history', { pageKey: 'harbour.example/anchorage', url: 'https://harbour.example/anchorage', title: 'Read elsewhere', siteName: 'Harbour Post', published: null, readAt: '2025-08-16T10:00:00Z', text: '', storyId: id('summit') });
  await v2.put('userState', { key: actionStateKey(id('summit'), 'sign'), kind: 'action-done', storyId: id('summit'), actionId: 'sign', done: true, at: '2025-08-16T10:00:00Z' });
  v2.close();
}

test('migration 3 moves each story\'s reports into its record and history\'s joins into joinedReports', async () => {
  assert.equal(DB_VERSION, 3);
  const name = freshName();
  await version2Database(name);

  const v3 = await openStorylineDB(name);
  assert.equal(v3.version, 3);
  assert.equal(v3.objectStoreNames.contains('articles' as never), false);
  const tx = v3.transaction(['stories', 'categories', 'outlets']);
  assert.deepEqual([...tx.objectStore('stories').indexNames, ...tx.objectStore('categories').indexNames, ...tx.objectStore('outlets').indexNames], ['byUrlKey']);

  const summit = await v3.get('stories', id('summit'));
  assert.deepEqual(summit?.reports.map((r) => r.id), [id('summit-1'), id('summit-2')]);
  assert.deepEqual(summit?.reports[0], { id: id('summit-1'), title: 'summit first report', outlet: 'example.com', url: 'https://www.example.com/summit?utm_source=x', kind: 'report', published: '2025-08-15T20:00:00Z', outletName: 'Example News', urlKey: 'example.com/summit' });
  assert.deepEqual(summit?.urlKeys, ['example.com/summit']);
  assert.deepEqual((await v3.get('stories', id('quiet')))?.reports, []);
  assert.deepEqual((await v3.getAll('joinedReports')).map((r) => r.id), ['history/harbour.example/anchorage']);
  assert.equal((await everyReport(v3)).some((r) => r.id === id('gone-1')), false, 'a report of a story that is gone is not carried over');
  assert.equal((await v3.get('categories', id('world')))?.name, 'World');
  assert.equal((await v3.get('userState', actionStateKey(id('summit'), 'sign')))?.kind, 'action-done');
  v3.close();
});

test('after migration 3 the readers see what version 2 showed, and the next install rewrites every story', async () => {
  const name = freshName();
  await version2Database(name);
  const v3 = await openStorylineDB(name);

  const view = await storyView(v3, id('summit'));
  assert.deepEqual(view?.reports.map((r) => [r.title, r.read ?? false]), [['summit first report', false], ['summit second report', false], ['Read elsewhere', true]]);
  assert.equal(view?.actions.find((a) => a.id === 'sign')?.done, true);
  assert.deepEqual((await reportsAtUrl(v3, 'example.com/summit')).map((r) => [r.id, r.storyId]), [[id('summit-1'), id('summit')]]);
  assert.deepEqual((await reportsAtUrl(v3, 'harbour.example/anchorage')).map((r) => r.storyId), [id('summit')]);

  // No digests were kept for the old shape: the same edition installed again writes all 3 stories.
  let last: [number, number] = [0, 0];
  await installPack(v3, samplePack('1', ['summit', 'budget', 'quiet']), 'file', '2025-08-17T10:00:00Z', (done, total) => (last = [done, total]));
  assert.deepEqual(last, [5, 5], '3 stories, category, outlet');
  assert.equal((await v3.get('stories', id('quiet')))?.reports.length, 2);
  await removePack(v3, 'sample');
  assert.equal(await v3.count('stories'), 0);
  assert.equal(await v3.count('joinedReports'), 1, 'history joins stay until history rejoins');
  v3.close();
});

test('a version 3 database opens without running a migration again', async () => {
  const name = freshName();
  const first = await openStorylineDB(name);
  await first.put('history', { pageKey: 'example.com/a', url: 'https://example.com/a', title: 'A', siteName: null, published: null, readAt: '2025-08-16T10:00:00Z', text: '', storyId: null });
  await installPack(first, samplePack(), 'file');
  first.close();
  const again = await openStorylineDB(name);
  assert.equal((await again.get('history', 'example.com/a'))?.title, 'A');
  assert.equal((await again.get('stories', id('summit')))?.reports.length, 2);
  again.close();
});

test('migration 1 alone creates the version 1 stores and no later one', async () => {
  const v1 = await databaseAt(freshName(), 1);
  assert.deepEqual([...v1.objectStoreNames].sort(), ['articles', 'categories', 'meta', 'outlets', 'packs', 'stories', 'userState']);
  v1.close();
});
