import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deleteDB } from 'idb';
import { openStorylineDB } from '../../src/background/db';
import { DB_VERSION, MIGRATIONS } from '../../src/background/migrations';
import { installPack, removePack, scopedId } from '../../src/background/pack-store';
import { actionStateKey } from '../../src/formats/storage-schema';
import { samplePack } from '../fixtures/packs';
import { packReports, packStoryCount } from '../fixtures/stored-packs';

let counter = 0;
const freshName = (): string => `storyline-test-${++counter}`;

test('the migrations create every store and index from an empty database', async () => {
  assert.equal(DB_VERSION, MIGRATIONS.length);
  const db = await openStorylineDB(freshName());
  // A fresh install runs every step (test/unit/migrations.test.ts has each step from its old state).
  assert.deepEqual([...db.objectStoreNames].sort(), ['categories', 'feedItems', 'feeds', 'history', 'joinedReports', 'meta', 'networkLog', 'outlets', 'packs', 'stories', 'subscriptions', 'userState']);
  const tx = db.transaction(['stories', 'joinedReports', 'categories', 'outlets']);
  assert.deepEqual([...tx.objectStore('stories').indexNames], ['byUrlKey']);
  assert.equal(tx.objectStore('stories').index('byUrlKey').multiEntry, true);
  assert.deepEqual([...tx.objectStore('joinedReports').indexNames].sort(), ['byStory', 'byUrlKey']);
  assert.deepEqual([...tx.objectStore('categories').indexNames, ...tx.objectStore('outlets').indexNames], []);
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

test('a database the reader deleted (site data cleared) is made again from version 0', async () => {
  const name = freshName();
  const first = await openStorylineDB(name);
  await installPack(first, samplePack(), 'file');
  first.close();
  await deleteDB(name);
  const db = await openStorylineDB(name);
  assert.equal(db.version, DB_VERSION);
  assert.equal(await db.count('stories'), 0);
  await installPack(db, samplePack(), 'file');
  assert.equal((await db.get('stories', scopedId('sample', 'summit')))?.reports.length, 2);
  db.close();
});

test('installing a pack stores namespaced stories with their reports and URL keys, categories and outlets', async () => {
  const db = await openStorylineDB(freshName());
  await installPack(db, samplePack(), 'file');
  const story = await db.get('stories', scopedId('sample', 'summit'));
  assert.equal(story?.title, 'Story summit');
  assert.deepEqual(story?.categories, ['sample/world']);
  const articles = story?.reports ?? [];
  assert.equal(articles.length, 2);
  assert.deepEqual(story?.urlKeys, ['example.com/summit']);
  assert.deepEqual((await db.getAllFromIndex('stories', 'byUrlKey', 'example.com/summit')).map((s) => s.id), [scopedId('sample', 'summit')]);
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
  assert.equal((await packReports(db, 'sample')).length, 2);
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
  assert.equal(await packStoryCount(db, 'sample'), 0);
  assert.equal(await db.countFromIndex('stories', 'byUrlKey', 'example.com/summit'), 1, "only the other pack's report is left at that URL");
  assert.equal(await packStoryCount(db, 'other'), 2);
  assert.ok(await db.get('userState', 'x'));
  db.close();
});
