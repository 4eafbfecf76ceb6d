import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDB } from 'idb';
import { openStorylineDB } from '../../src/background/db';
import { DB_VERSION, MIGRATIONS } from '../../src/background/migrations';
import { installPack, removePack, scopedId } from '../../src/background/pack-store';
import { actionStateKey } from '../../src/shared/storage-schema';
import { samplePack } from '../fixtures/packs';

let counter = 0;
const freshName = (): string => `storyline-test-${++counter}`;

test('migration 1 creates every store and index from an empty database', async () => {
  assert.equal(DB_VERSION, MIGRATIONS.length);
  const db = await openStorylineDB(freshName());
  // A fresh install runs every step: migration 2's stores are there too (test/unit/migrations.test.ts).
  assert.deepEqual([...db.objectStoreNames].sort(), ['articles', 'categories', 'feedItems', 'feeds', 'history', 'meta', 'networkLog', 'outlets', 'packs', 'stories', 'subscriptions', 'userState']);
  const tx = db.transaction('articles');
  assert.deepEqual([...tx.store.indexNames].sort(), ['byPack', 'byStory', 'byUrlKey']);
  db.close();
});

test('opening an up-to-date database keeps its data (no migration runs twice)', async () => {
  const name = freshName();
  const first = await openStorylineDB(name);
  await first.put('meta', { key: 'k', value: 1 });
  first.close();
  const again = await openStorylineDB(name);
  assert.deepEqual(await again.get('meta', 'k'), { key: 'k', value: 1 });
  again.close();
});

test('a database from before Storyline existed (version 0) is upgraded in place', async () => {
  const name = freshName();
  (await openDB(name, undefined)).close();
  const db = await openStorylineDB(name);
  assert.equal(db.version, DB_VERSION);
  db.close();
});

test('installing a pack stores namespaced stories, articles with URL keys, categories and outlets', async () => {
  const db = await openStorylineDB(freshName());
  await installPack(db, samplePack(), 'file');
  const story = await db.get('stories', scopedId('sample', 'summit'));
  assert.equal(story?.title, 'Story summit');
  assert.deepEqual(story?.categories, ['sample/world']);
  const articles = await db.getAllFromIndex('articles', 'byStory', scopedId('sample', 'summit'));
  assert.equal(articles.length, 2);
  const linked = articles.find((a) => a.url);
  assert.equal(linked?.urlKey, 'example.com/summit');
  assert.equal(linked?.outletName, 'Example News');
  assert.equal(articles.find((a) => !a.url)?.urlKey, undefined);
  assert.equal((await db.get('packs', 'sample'))?.origin, 'file');
  db.close();
});

test('a new version of a pack replaces the old one whole, and the reader’s state survives', async () => {
  const db = await openStorylineDB(freshName());
  await installPack(db, samplePack('1', ['summit', 'budget']), 'file');
  const key = actionStateKey(scopedId('sample', 'summit'), 'sign');
  await db.put('userState', { key, kind: 'action-done', storyId: scopedId('sample', 'summit'), actionId: 'sign', done: true, at: 'now' });
  await installPack(db, samplePack('2', ['summit']), 'file');
  assert.equal((await db.get('packs', 'sample'))?.version, '2');
  assert.equal(await db.get('stories', scopedId('sample', 'budget')), undefined);
  assert.equal((await db.getAllFromIndex('articles', 'byPack', 'sample')).length, 2);
  assert.ok(await db.get('userState', key));
  db.close();
});

test('removing a pack removes its records only', async () => {
  const db = await openStorylineDB(freshName());
  await installPack(db, samplePack(), 'file');
  await installPack(db, { ...samplePack(), id: 'other' }, 'file');
  await db.put('userState', { key: 'x', kind: 'rejected', pageKey: 'p', storyId: scopedId('sample', 'summit'), at: 'now' });
  await removePack(db, 'sample');
  assert.equal(await db.get('packs', 'sample'), undefined);
  assert.equal((await db.getAllFromIndex('stories', 'byPack', 'sample')).length, 0);
  assert.equal((await db.getAllFromIndex('articles', 'byPack', 'sample')).length, 0);
  assert.equal((await db.getAllFromIndex('stories', 'byPack', 'other')).length, 2);
  assert.ok(await db.get('userState', 'x'));
  db.close();
});
