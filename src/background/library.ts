// What Storyline knows, in three numbers, for the popup and the sidebar on a page that matches no story.
import type { IDBPDatabase } from 'idb';
import type { StorylineDB } from '../formats/storage-schema';
import type { LibraryView } from '../contracts/views';

export async function libraryView(database: IDBPDatabase<StorylineDB>): Promise<LibraryView> {
  const [stories, feeds, subscriptions, packs] = await Promise.all([
    database.count('stories'),
    database.getAll('feeds'),
    database.getAll('subscriptions'),
    database.getAll('packs'),
  ]);
  const files = packs.filter((p) => p.origin === 'file').length;
  // ISO strings of one format compare in time order.
  const refreshedAt = [...feeds, ...subscriptions].reduce<string | null>((newest, s) => (s.okAt && (!newest || s.okAt > newest) ? s.okAt : newest), null);
  return { stories, sources: feeds.length + subscriptions.length + files, refreshedAt };
}
