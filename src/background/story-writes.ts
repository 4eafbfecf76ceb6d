// The reader's own records about a story (following it, a ticked step, the categories they filed it
// under) are written only while the story is stored. A sidebar may show a story that a refresh has
// merged into another since (its follow, ticks and filing carried to the story that took it,
// merged-story-state.ts): a write under the gone id would be an orphan nobody reads, and an
// unfollow there would silently leave the merged story followed. So the check and the write share
// one transaction, and a gone story is refused (STORY_GONE), which tells the page to ask again.
import type { IDBPDatabase, IDBPObjectStore } from 'idb';
import { CallError, STORY_GONE } from '../contracts/call-result';
import type { StorylineDB } from '../formats/storage-schema';

type UserStateStore = IDBPObjectStore<StorylineDB, ('stories' | 'userState')[], 'userState', 'readwrite'>;

/** Runs `write` on the reader's records while `storyId` is stored; refuses with STORY_GONE otherwise. */
export async function writeForStory(database: IDBPDatabase<StorylineDB>, storyId: string, write: (userState: UserStateStore) => Promise<unknown>): Promise<void> {
  const tx = database.transaction(['stories', 'userState'], 'readwrite');
  if ((await tx.objectStore('stories').getKey(storyId)) === undefined) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new CallError('not-found', STORY_GONE);
  }
  await write(tx.objectStore('userState'));
  await tx.done;
}
