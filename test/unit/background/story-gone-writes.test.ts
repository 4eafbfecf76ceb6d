// The reader acts on a story a refresh merged into another while the sidebar showed it: following,
// ticks and filing are refused for the story that is gone (story-writes.ts), never written under
// its id, and an unfollow does not pretend to have stopped what the merge carried on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { unwrap } from 'idb';
import { db } from '../../../src/background/db';
import { carryMergedState, CARRY_STORES } from '../../../src/background/merged-story-state';
import { followedStories } from '../../../src/background/follow';
import { STORY_GONE, type Result } from '../../../src/contracts/call-result';
import { pageSender, startFakeBackground } from './background-env';

const GONE = 'storyline-starter/2025-08-alaska-summit-trump-putin';
const TOOK_IT = 'probe-pack/2025-08-alaska-summit-trump-putin';

test('follow, tick and file on a story merged away are refused; what the merge carried stands', async () => {
  const bg = startFakeBackground();
  const options = pageSender('options.html');
  const sidebar = pageSender('sidebar.html');
  await bg.send({ type: 'options/state', payload: {} }, options);
  // A second copy of the starter story under another pack: the story the first merges into.
  const pack = JSON.parse(readFileSync(new URL('../../../assets/packs/starter.json', import.meta.url), 'utf8')) as { id: string; stories: { title: string }[] };
  pack.id = 'probe-pack';
  pack.stories[0]!.title = 'The story it merged into';
  assert.ok(((await bg.send({ type: 'pack/import', payload: { text: JSON.stringify(pack) } }, options)) as Result<unknown>).ok);
  const send = (type: string, payload: object) => bg.send({ type, payload }, sidebar) as Promise<Result<unknown>>;
  assert.ok((await send('story/follow', { storyId: GONE, follow: true })).ok);

  // The refresh's merge, as feed-store.ts runs it: the reader's state goes to the story that took
  // it, and the merged story's record goes.
  const database = await db();
  const tx = database.transaction([...CARRY_STORES, 'stories'], 'readwrite');
  await carryMergedState(unwrap(tx), new Map([[GONE, TOOK_IT]]));
  await tx.objectStore('stories').delete(GONE);
  await tx.done;
  const userStateBefore = JSON.stringify(await database.getAll('userState'));

  // The sidebar still shows the merged story: "Following" pressed to stop, a step ticked, a category chosen.
  for (const [type, payload] of [
    ['story/follow', { storyId: GONE, follow: false }],
    ['story/follow', { storyId: GONE, follow: true }],
    ['action/set-done', { storyId: GONE, actionId: 'sign', done: true }],
    ['story/set-categories', { storyId: GONE, categories: null }],
  ] as const) {
    const answer = await send(type, payload);
    assert.ok(!answer.ok && answer.error.code === 'not-found' && answer.error.detail === STORY_GONE, `${type}: ${JSON.stringify(answer)}`);
  }
  assert.equal(JSON.stringify(await database.getAll('userState')), userStateBefore, 'nothing written under the gone id, nothing taken away');
  assert.deepEqual((await followedStories(database)).map((f) => f.title), ['The story it merged into']);
});
