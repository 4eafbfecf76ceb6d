// Stories changed in place reach the engine's live index as a delta, and the snapshot saved after
// it carries both the change and the stamp of the data it was made from, so the next wake loads
// it instead of rebuilding the index from every stored report.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { db } from '../../src/background/db';
import { changeStoryIndex, indexLoads, invalidateStoryIndex, saveStoryIndexSoon, storyIndex } from '../../src/background/matcher';
import { installPack } from '../../src/background/pack-store';
import { storyRecord } from '../../src/background/sources/pack-records';
import type { Pack, Story } from '../../src/formats/model';

const pack: Pack = {
  format: 1,
  id: 'p',
  publisher: 'P',
  version: '1',
  updated: '2025-08-16T00:00:00Z',
  categories: [],
  outlets: [{ id: 'm', name: 'Meridian' }],
  stories: [{ id: 'summit', title: 'Alaska summit', summary: 'Trump and Putin in Anchorage.', categories: [], articles: [{ id: 'r1', title: 'Alaska summit ends without a ceasefire deal', outlet: 'm', kind: 'report' }], opinions: [], actions: [] }],
};

const ferry: Story = { id: 'ferry', title: 'Ferry fares', summary: 'Fares rise.', categories: [], articles: [{ id: 'f1', title: 'Harbour board raises ferry fares by five percent', outlet: 'm', kind: 'report' }], opinions: [], actions: [] };

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(await check());
}

test('a delta reaches the live index, and the snapshot saved after it is what the next wake loads', async () => {
  const database = await db();
  await installPack(database, pack, 'file');
  const index = await storyIndex();
  assert.equal(index.storyOf('p/r1'), 'p/summit');

  const { story } = storyRecord('p', ferry, new Map([['m', 'Meridian']]));
  await changeStoryIndex(async () => {
    // The change in place: a story record and a new pack version.
    await database.put('stories', story);
    await database.put('packs', { id: 'p', publisher: 'P', version: '2', updated: '2025-08-17T00:00:00Z', installedAt: '2025-08-17T00:00:00Z', origin: 'file' });
    return { delta: { written: [story], deleted: [], removedReports: [], changedReports: [] }, stored: Promise.resolve() };
  });
  assert.equal(index.storyOf('p/f1'), 'p/ferry', 'the live index took the delta');
  // Something only the live index holds: seen after a reload only if the snapshot was loaded.
  index.addArticle('marker', { id: 'marker-doc', title: 'Marker' });

  saveStoryIndexSoon(0);
  await until(async () => {
    const saved = (await database.get('meta', 'engine-snapshot'))?.value as { stamp?: string } | undefined;
    return saved?.stamp?.includes('p@2@') ?? false;
  });
  invalidateStoryIndex();
  const woken = await storyIndex();
  assert.notEqual(woken, index);
  assert.equal(woken.storyOf('marker-doc'), 'marker', 'loaded from the snapshot, not rebuilt');
  assert.equal(woken.storyOf('p/f1'), 'p/ferry');
});

test('the snapshot is two parts of one stamp; parts of different stamps are rebuilt, never half loaded', async () => {
  const database = await db();
  invalidateStoryIndex();
  const index = await storyIndex();
  index.addArticle('marker', { id: 'marker-2', title: 'Second marker' });
  saveStoryIndexSoon(0);
  await until(async () => {
    const saved = (await database.get('meta', 'engine-snapshot/docs'))?.value as { snapshot?: { ids?: string[] } } | undefined;
    return saved?.snapshot?.ids?.includes('marker-2') ?? false;
  });
  invalidateStoryIndex();
  assert.equal((await storyIndex()).storyOf('marker-2'), 'marker', 'loaded from both parts');
  const [stories, docs] = await Promise.all([database.get('meta', 'engine-snapshot'), database.get('meta', 'engine-snapshot/docs')]);
  const stampOf = (record: typeof stories): unknown => (record?.value as { stamp?: unknown } | undefined)?.stamp;
  assert.equal(stampOf(stories), stampOf(docs));
  assert.ok((docs?.value as { snapshot?: { termIds?: unknown } }).snapshot?.termIds instanceof Int32Array, 'the articles\' vectors are in the docs part');
  assert.equal((stories?.value as { snapshot?: { termIds?: unknown } }).snapshot?.termIds, undefined, 'and not in the stories part');

  const loads = indexLoads();
  await database.put('meta', { key: 'engine-snapshot/docs', value: { ...(docs!.value as object), stamp: 'another' } });
  invalidateStoryIndex();
  const rebuilt = await storyIndex();
  assert.equal(indexLoads(), loads + 1);
  assert.equal(rebuilt.storyOf('marker-2'), undefined, 'rebuilt from the stored reports');
  assert.equal(rebuilt.storyOf('p/f1'), 'p/ferry');
});

test('the index takes a delta while its change commits; a change that fails to commit leaves the index built again from what is stored', async () => {
  invalidateStoryIndex();
  const index = await storyIndex();
  const ferryToo: Story = { ...ferry, id: 'ferry-2', articles: [{ id: 'f2', title: 'Ferry operator adds a night crossing', outlet: 'm', kind: 'report' }] };
  const { story } = storyRecord('p', ferryToo, new Map([['m', 'Meridian']]));
  let commit: (ok: boolean) => void = () => undefined;
  const stored = new Promise<void>((resolve, reject) => (commit = (ok) => (ok ? resolve() : reject(new Error('disk full')))));
  const change = changeStoryIndex(async () => ({ delta: { written: [story], deleted: [], removedReports: [], changedReports: [] }, stored }));
  // Not stored yet, and already in the live index.
  await until(async () => index.storyOf('p/f2') === 'p/ferry-2');
  commit(false);
  await assert.rejects(change, /disk full/);
  const after = await storyIndex();
  assert.notEqual(after, index, 'the index that took the delta is dropped');
  assert.equal(after.storyOf('p/f2'), undefined, 'what was not stored is not matched');
  assert.equal(after.storyOf('p/f1'), 'p/ferry');
});
