// The feeds pack's change after the model took new items in: the stories it touched built again
// (feed-story.ts, labelled from the installed packs), the category copies and outlets they need,
// and what left. feed-store.ts writes it with pack-patch.ts.
import { FEEDS_PACK_ID, type FeedStoriesChange } from '../feeds/feed-stories';
import { FeedLabels } from '../feeds/feed-labels';
import type { Slices } from '../feeds/slices';
import type { PackRecord, StorylineDB } from '../../formats/storage-schema';
import type { IDBPDatabase } from 'idb';
import type { PackPatch } from '../pack-patch';
import type { FeedStore } from './feed-state';
import { labelledPacks } from './installed-packs';
import { categoryRecord, outletRecord, scopedId, storyRecord, type DigestedStory } from './pack-records';

type Database = IDBPDatabase<StorylineDB>;

let labelCache: { database: Database; stamp: string; labels: FeedLabels } | null = null;

/** The labels of the installed packs (feeds aside), built again only when those packs changed. */
export async function currentLabels(database: Database): Promise<{ stamp: string; labels: FeedLabels }> {
  const packs = (await database.getAll('packs')).filter((p) => p.origin !== 'feeds');
  const stamp = packs.map((p) => `${p.id}@${p.version}@${p.installedAt}`).sort().join('|');
  if (labelCache?.database !== database || labelCache.stamp !== stamp) {
    labelCache = { database, stamp, labels: new FeedLabels(await labelledPacks(database, (p) => p.origin !== 'feeds')) };
  }
  return labelCache;
}

export const scoped = (id: string): string => scopedId(FEEDS_PACK_ID, id);

/** The stories to write and delete after a change; every story when `all`. */
async function storyPatch(store: FeedStore, ids: Iterable<string>, labels: FeedLabels, slices: Slices) {
  const { model } = store;
  const names = new Map(model.entries.outlets().map((o) => [o.id, o.name]));
  const stories: DigestedStory[] = [];
  const deleted: string[] = [];
  const copies = new Map<string, ReturnType<typeof categoryRecord>>();
  const unlisted: string[] = [];
  for (const id of ids) {
    await slices.turn();
    const built = model.story(id, labels);
    if (!built) {
      deleted.push(scoped(id));
      store.categories.delete(id);
      store.storyChars.delete(id);
      continue;
    }
    const record = storyRecord(FEEDS_PACK_ID, built.story, names);
    stories.push(record);
    unlisted.push(...built.unlisted.map(scoped));
    store.storyChars.set(id, record.chars);
    if (built.categories.length) store.categories.set(id, built.categories.map((c) => c.id));
    else store.categories.delete(id);
    for (const c of built.categories) copies.set(c.id, categoryRecord(FEEDS_PACK_ID, c));
  }
  return { stories, deleted, copies, unlisted };
}

const used = (categories: Map<string, string[]>): Set<string> => new Set([...categories.values()].flat());

/**
 * The pack's change: the stories touched (every one when `all`), the category copies and outlets
 * they need; and `unlisted`, the reports those stories leave out as another's copy, which the pages'
 * index must not hold either.
 */
export async function feedPatch(store: FeedStore, change: FeedStoriesChange, all: boolean, labels: FeedLabels, header: PackRecord, slices: Slices): Promise<{ patch: PackPatch; unlisted: string[] }> {
  const usedBefore = used(store.categories);
  const { stories, deleted, copies, unlisted } = await storyPatch(store, all ? store.model.storyIds() : change.stories, labels, slices);
  const usedAfter = used(store.categories);
  const outlets = store.model.entries.outlets();
  const patch: PackPatch = {
    header,
    stories,
    deleteStories: deleted,
    categories: [...copies].filter(([id]) => all || !usedBefore.has(id)).map(([, record]) => record),
    deleteCategories: [...usedBefore].filter((id) => !usedAfter.has(id)).map(scoped),
    outlets: all || change.outlets ? outlets.map((o) => outletRecord(FEEDS_PACK_ID, o)) : [],
    deleteOutlets: [...store.outlets].filter((id) => !outlets.some((o) => o.id === id)).map(scoped),
    whole: all,
  };
  return { patch, unlisted };
}
