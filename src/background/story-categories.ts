// A story's categories for its view. A curator's categories stand as written; a story with none
// (built from feeds or reading history, or a pack story left without) gets the topic classifier's
// categories from the built-in `civic` pack, each with the words that decided it. Classified at
// view time from the reports' headlines and excerpts, so a story that gains reports is re-read
// (a few hundred microseconds: cheaper than keeping a copy in step).
import type { IDBPDatabase } from 'idb';
import { civicTopics } from '../engine';
import type { ArticleRecord, StoryRecord, StorylineDB } from '../formats/storage-schema';
import type { CategoryView } from '../contracts/views';
import { scopedId } from './pack-store';

/** The built-in taxonomy pack whose category ids the classifier's weights are learned for. */
export const CIVIC_PACK_ID = 'civic';

export async function storyCategories(
  database: IDBPDatabase<StorylineDB>,
  story: StoryRecord,
  reports: readonly ArticleRecord[],
): Promise<CategoryView[]> {
  const out: CategoryView[] = [];
  if (story.categories.length > 0) {
    for (const id of story.categories) {
      const category = await database.get('categories', id);
      if (category) out.push({ id, name: category.name });
    }
    return out;
  }
  const topics = civicTopics().classify(reports.map((r) => ({ title: r.title, text: r.excerpt ?? null })));
  for (const topic of topics) {
    const id = scopedId(CIVIC_PACK_ID, topic.id);
    // Without the civic pack (removed, or not installed yet) there is no category to name.
    const category = await database.get('categories', id);
    if (category) out.push({ id, name: category.name, why: topic.why });
  }
  return out;
}
