// Each schema step from the state before it: a reader's database of version N-1, with data in it,
// opened by the current code.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDB, type IDBPDatabase } from 'idb';
import { openStorylineDB } from '../../src/background/db';
import { DB_VERSION, MIGRATIONS } from '../../src/background/migrations';
import { installPack, scopedId } from '../../src/background/pack-store';
import { actionStateKey, type StorylineDB } from '../../src/shared/storage-schema';
import { samplePack } from '../fixtures/packs';

let counter = 0;
const freshName = (): string => `storyline-migrations-${++counter}`;

/** A database exactly as version `version` of the code left it (steps 1..version only). */
async function databaseAt(name: string, version: number): Promise<IDBPDatabase<StorylineDB>> {
  return openDB<StorylineDB>(name, version, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion + 1; v <= version; v++) MIGRATIONS[v - 1]?.(db, tx);
    },
  });
}

test('migration 2 adds the source, history and network log stores and keeps version 1 data', async () => {
  assert.equal(DB_VERSION, 2);
  const name = freshName();
  const v1 = await databaseAt(name, 1);
  await installPack(v1, samplePack(), 'file', '2025-08-16T10:00:00Z');
  const key = actionStateKey(scopedId('sample', 'summit'), 'sign');
  await v1.put('userState', { key, kind: 'action-done', storyId: scopedId('sample', 'summit'), actionId: 'sign', done: true, at: '2025-08-16T10:00:00Z' });
  await v1.put('meta', { key: 'k', value: 1 });
  v1.close();

  const v2 = await openStorylineDB(name);
  assert.equal(v2.version, 2);
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

test('a version 2 database opens without running migration 2 again', async () => {
  const name = freshName();
  const first = await openStorylineDB(name);
  await first.put('history', { pageKey: 'example.com/a', url: 'https://example.com/a', title: 'A', siteName: null, published: null, readAt: '2025-08-16T10:00:00Z', text: '', storyId: null });
  first.close();
  const again = await openStorylineDB(name);
  assert.equal((await again.get('history', 'example.com/a'))?.title, 'A');
  again.close();
});

test('migration 1 alone creates the version 1 stores and no later one', async () => {
  const v1 = await databaseAt(freshName(), 1);
  assert.deepEqual([...v1.objectStoreNames].sort(), ['articles', 'categories', 'meta', 'outlets', 'packs', 'stories', 'userState']);
  v1.close();
});
