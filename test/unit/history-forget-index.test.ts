// A page the reader removes from history (one page, all of it, or by retention) leaves the engine
// too: not only the live index but its snapshot on disk, which holds each joined read's address and
// words. The snapshot's stamp names the packs only, so a worker that woke after "Clear history"
// loaded the old snapshot, read for read, and every later save kept them. And a rejoin that read
// the history before the reader removed an entry does not write it back.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { db } from '../../src/background/db';
import { invalidateStoryIndex, saveStoryIndex, SNAPSHOT_KEYS, storyIndex } from '../../src/background/matcher';
import { installPack, scopedId } from '../../src/background/pack-store';
import { clearHistory, matchAgain, pruneHistory, recordReading, removeFromHistory } from '../../src/background/sources/history';
import { summitPack } from '../fixtures/packs';
import { summitPage } from '../fixtures/pages';

const STORY = scopedId('p', 'summit');
const PACK = summitPack('p');

const page = summitPage;

let installed: Promise<void> | null = null;
async function database() {
  const database = await db();
  installed ??= installPack(database, PACK, 'file').then(() => undefined);
  await installed;
  return database;
}

/** Reads `slug` now (or at `now`), joined to the summit, and saves the engine's snapshot with it. */
async function readJoined(slug: string, now?: Date): Promise<string> {
  const pageKey = `harbour.example/${slug}`;
  await recordReading(await database(), page(slug), { pageKey, storyId: STORY, currentArticleId: null }, now ? { now } : {});
  assert.equal((await storyIndex()).storyOf(`history/${pageKey}`), STORY);
  assert.ok(await saveStoryIndex());
  assert.ok(await snapshotHolds(pageKey), 'the saved snapshot holds the read');
  return pageKey;
}

/** Whether the stored snapshot names the page (its id in the articles' part). */
async function snapshotHolds(pageKey: string): Promise<boolean> {
  const records = await Promise.all(SNAPSHOT_KEYS.map(async (key) => (await database()).get('meta', key)));
  return records.some((record) => JSON.stringify(record?.value ?? null).includes(pageKey));
}

test('"Clear history" takes the reads out of the snapshot on disk at once, and out of the index the next worker loads', async () => {
  const pageKey = await readJoined('cleared');
  await clearHistory(await database());
  assert.equal(await snapshotHolds(pageKey), false, 'gone from disk with the entries');
  invalidateStoryIndex();
  assert.equal((await storyIndex()).storyOf(`history/${pageKey}`), undefined);
  assert.ok(await saveStoryIndex());
  assert.equal(await snapshotHolds(pageKey), false);
});

test('retention does the same for the reads it prunes, and keeps the snapshot when none was joined', async () => {
  const old = await readJoined('old', new Date('2025-05-01T00:00:00Z'));
  const recent = await readJoined('recent');
  assert.equal(await pruneHistory(await database(), 90), 1);
  assert.equal(await snapshotHolds(old), false);
  invalidateStoryIndex();
  const index = await storyIndex();
  assert.equal(index.storyOf(`history/${old}`), undefined);
  assert.equal(index.storyOf(`history/${recent}`), STORY, 'the read kept stays joined');
  assert.ok(await saveStoryIndex());
  // Nothing joined among what goes: the snapshot stays as it is.
  await (await database()).put('history', { pageKey: 'harbour.example/unjoined', url: 'https://harbour.example/unjoined', title: 'Heatwave', siteName: null, published: null, readAt: '2025-01-01T00:00:00Z', text: '', storyId: null });
  assert.equal(await pruneHistory(await database(), 90), 1);
  assert.ok(await snapshotHolds(recent));
  await clearHistory(await database());
  invalidateStoryIndex();
});

test('one page removed: gone from the snapshot with its entry, and from the live index', async () => {
  const pageKey = await readJoined('removed');
  await removeFromHistory(await database(), await storyIndex(), pageKey);
  assert.equal(await snapshotHolds(pageKey), false);
  assert.equal((await storyIndex()).storyOf(`history/${pageKey}`), undefined);
});

test('a rejoin holding an entry the reader removed since writes nothing back', async () => {
  const store = await database();
  const pageKey = 'harbour.example/rejoined';
  await recordReading(store, page('rejoined'), { pageKey, storyId: null, currentArticleId: null });
  const entry = (await store.get('history', pageKey))!;
  await clearHistory(store);
  await matchAgain(store, await storyIndex(), entry);
  assert.equal(await store.count('history'), 0);
  assert.equal(await store.count('joinedReports'), 0);
  assert.equal((await storyIndex()).storyOf(`history/${pageKey}`), undefined);
  // Still there, it joins the story it matches.
  await recordReading(store, page('rejoined'), { pageKey, storyId: null, currentArticleId: null });
  await matchAgain(store, await storyIndex(), (await store.get('history', pageKey))!);
  assert.equal((await store.get('history', pageKey))?.storyId, STORY);
  assert.equal((await storyIndex()).storyOf(`history/${pageKey}`), STORY);
});
