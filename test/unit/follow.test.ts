// "Follow story": what counts as new coverage, how it is seen, and what stays across pack updates.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStorylineDB } from '../../src/background/db';
import { followedStories, setFollowing, withFollowing } from '../../src/background/follow';
import { installPack, removePack, scopedId } from '../../src/background/pack-store';
import { storyView } from '../../src/background/story-views';
import type { Pack } from '../../src/formats/model';
import { samplePack } from '../fixtures/packs';

let counter = 0;
const summit = scopedId('sample', 'summit');

/** Version 2 of the sample pack: the summit story gained a third report. */
function withThirdReport(): Pack {
  const pack = samplePack('2');
  pack.stories[0]?.articles.push({ id: 'summit-3', title: 'summit third report', outlet: 'example.com', kind: 'analysis' });
  return pack;
}

async function setup() {
  const database = await openStorylineDB(`storyline-follow-${++counter}`);
  await installPack(database, samplePack('1'), 'file');
  return database;
}

test('following starts with nothing new; a report that arrives later is new until the story is shown', async () => {
  const database = await setup();
  await setFollowing(database, summit, true);
  assert.deepEqual(await followedStories(database), [{ id: summit, title: 'Story summit', reportCount: 2, newReports: 0 }]);

  await installPack(database, withThirdReport(), 'file');
  assert.equal((await followedStories(database))[0]?.newReports, 1);

  const view = await storyView(database, summit);
  assert.ok(view);
  const shown = await withFollowing(database, view);
  assert.equal(shown.seenNew, true);
  assert.equal(shown.view.following, true);
  assert.deepEqual(
    shown.view.reports.filter((r) => r.fresh).map((r) => r.id),
    [scopedId('sample', 'summit-3')],
  );
  // Shown once: nothing is new any more, and the badge count drops.
  assert.equal((await followedStories(database))[0]?.newReports, 0);
  const again = await withFollowing(database, view);
  assert.equal(again.seenNew, false);
  assert.equal(again.view.reports.some((r) => r.fresh), false);
});

test('a story that is not followed is shown as it is; unfollowing forgets it', async () => {
  const database = await setup();
  const view = await storyView(database, summit);
  assert.ok(view);
  assert.deepEqual(await withFollowing(database, view), { view, seenNew: false });
  await setFollowing(database, summit, true);
  await setFollowing(database, summit, false);
  assert.deepEqual(await followedStories(database), []);
});

test('following survives a pack update, is not listed while its story is gone, and refuses unknown stories', async () => {
  const database = await setup();
  await setFollowing(database, summit, true);
  await removePack(database, 'sample');
  assert.deepEqual(await followedStories(database), []);
  await installPack(database, samplePack('1'), 'file');
  assert.equal((await followedStories(database)).length, 1, 'the reader\'s own state is never removed with a pack');
  await assert.rejects(setFollowing(database, 'sample/nope', true), /unknown story/);
});

test('stories with new reports are listed first', async () => {
  const database = await setup();
  const budget = scopedId('sample', 'budget');
  await setFollowing(database, budget, true);
  await setFollowing(database, summit, true);
  await installPack(database, withThirdReport(), 'file');
  assert.deepEqual(
    (await followedStories(database)).map((s) => [s.id, s.newReports]),
    [
      [summit, 1],
      [budget, 0],
    ],
  );
});

test('an unfollow that lands while a view marks new reports seen stays unfollowed', async () => {
  const database = await setup();
  await setFollowing(database, summit, true);
  await installPack(database, withThirdReport(), 'file');
  const view = (await storyView(database, summit))!;
  // The sidebar asks for its view again (a refresh brought the report) as the reader presses "Following".
  await Promise.all([withFollowing(database, view), setFollowing(database, summit, false)]);
  assert.deepEqual(await followedStories(database), []);
});

