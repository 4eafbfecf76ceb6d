// The popup's "Recent" list: stories the reader's pages matched, newest first.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStorylineDB } from '../../src/background/db';
import { noteRecentStory, recentStories } from '../../src/background/recent-stories';
import { installPack, scopedId } from '../../src/background/pack-store';
import { samplePack } from '../fixtures/packs';

test('stories matched at the same moment (tabs restored together) are all kept as recent', async () => {
  const database = await openStorylineDB('storyline-recent-race');
  await Promise.all(['a', 'b', 'c', 'd'].map((id) => noteRecentStory(database, id)));
  const kept = ((await database.get('meta', 'recent-stories'))?.value as { storyId: string }[]).map((r) => r.storyId);
  assert.deepEqual([...kept].sort(), ['a', 'b', 'c', 'd']);
});

test('a story noted again moves to the top; stories no longer stored are not listed', async () => {
  const database = await openStorylineDB('storyline-recent-order');
  await installPack(database, samplePack(), 'file');
  const [summit, budget] = [scopedId('sample', 'summit'), scopedId('sample', 'budget')];
  for (const id of [summit, 'gone/story', budget, summit]) await noteRecentStory(database, id);
  assert.deepEqual((await recentStories(database, null)).map((s) => s.id), [summit, budget]);
  assert.deepEqual((await recentStories(database, summit)).map((s) => s.id), [budget]);
});

test('a page come back (a reload, a restored tab) keeps its story where it is in Recent; a story not listed yet is added', async () => {
  const database = await openStorylineDB('storyline-recent-keep');
  await installPack(database, samplePack(), 'file');
  const [summit, budget] = [scopedId('sample', 'summit'), scopedId('sample', 'budget')];
  for (const id of [summit, budget]) await noteRecentStory(database, id);
  await noteRecentStory(database, summit, { keepPlace: true });
  assert.deepEqual((await recentStories(database, null)).map((s) => s.id), [budget, summit], 'not moved up');
  await noteRecentStory(database, summit);
  assert.deepEqual((await recentStories(database, null)).map((s) => s.id), [summit, budget], 'read anew: moved up');
  const fresh = await openStorylineDB('storyline-recent-keep-new');
  await installPack(fresh, samplePack(), 'file');
  await noteRecentStory(fresh, budget, { keepPlace: true });
  assert.deepEqual((await recentStories(fresh, null)).map((s) => s.id), [budget]);
});
