// A pack's new version may merge two stories or file one under a new id: a publisher's re-edit, or
// the reader's feeds clustered again from scratch (an update whose engine reads them differently
// names each story after another first member). A story that goes then holds reports that live on
// in another. What the reader kept about it (following it, its ticked steps, the categories they
// chose, the pages they said are about it) follows its reports, as it does when feed stories merge
// (merged-story-state.ts). Only stories the reader kept something about are looked at: one read
// of the reader's state, then one per such story.
import type { StoryRecord, UserStateRecord } from '../formats/storage-schema';
import { result } from './pack-patch';

/**
 * Inside the writing transaction (covering `userState` and `stories`), before any write: of the
 * stories that go (`gone`), those the reader kept something about, mapped to the story of the new
 * version (`now`) holding most of their reports. A story whose reports all went too maps to nothing.
 */
export async function renamedStories(tx: IDBTransaction, gone: (storyId: string) => boolean, now: readonly { story: StoryRecord }[]): Promise<Map<string, string>> {
  const renamed = new Map<string, string>();
  const kept = new Set(((await result(tx.objectStore('userState').getAll())) as UserStateRecord[]).map((record) => record.storyId));
  const looked = [...kept].filter(gone);
  if (looked.length === 0) return renamed;
  const holder = new Map<string, string>();
  for (const { story } of now) for (const report of story.reports) holder.set(report.id, story.id);
  for (const id of looked) {
    const old = (await result(tx.objectStore('stories').get(id))) as StoryRecord | undefined;
    const counts = new Map<string, number>();
    for (const report of old?.reports ?? []) {
      const to = holder.get(report.id);
      if (to !== undefined) counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    let best: [string, number] | undefined;
    for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
    if (best) renamed.set(id, best[0]);
  }
  return renamed;
}
