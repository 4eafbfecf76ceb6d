// A story's categories for its view. A curator's categories stand as written. A story with none
// (built from feeds or reading history, or a pack story left without) gets the reader's own choice
// when they made one, else the topic classifier's categories from the built-in `civic` pack, each
// with the words that decided it; when the classifier gives none, the categories it came closest
// to are offered (never given: no steps follow them until the reader takes one). Classified at
// view time from the reports' headlines and excerpts, so a story that gains reports is re-read
// (a few hundred microseconds: cheaper than keeping a copy in step).
import type { IDBPDatabase } from 'idb';
import { civicTopics, type TopicScore } from '../engine';
import { categoriesKey, type ArticleRecord, type StoryRecord, type StorylineDB } from '../formats/storage-schema';
import type { CategoryChoice, CategoryView } from '../contracts/views';
import { packRange } from './pack-keys';
import { scopedId } from './pack-store';

/** The built-in taxonomy pack whose category ids the classifier's weights are learned for. */
export const CIVIC_PACK_ID = 'civic';

type Database = IDBPDatabase<StorylineDB>;

export interface StoryCategories {
  categories: CategoryView[];
  /** Absent for a curator's categories, and without the civic pack. */
  choice?: CategoryChoice;
}

/** The categories a reader may file a story under: the civic pack's, by name. */
export async function civicOptions(database: Database): Promise<CategoryChoice['options']> {
  const records = await database.getAll('categories', packRange(CIVIC_PACK_ID));
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  // A pack whose id extends 'civic/' shares the key range: its records are not the taxonomy's.
  return records
    .filter((r) => r.packId === CIVIC_PACK_ID)
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export async function storyCategories(database: Database, story: StoryRecord, reports: readonly ArticleRecord[]): Promise<StoryCategories> {
  if (story.categories.length > 0) {
    const out: CategoryView[] = [];
    for (const id of story.categories) {
      const category = await database.get('categories', id);
      if (category) out.push({ id, name: category.name });
    }
    return { categories: out };
  }
  // Without the civic pack (removed, or not installed yet) there is no category to name or offer.
  const options = await civicOptions(database);
  if (options.length === 0) return { categories: [] };
  const names = new Map(options.map((o) => [o.id, o.name]));
  const named = (scores: readonly TopicScore[]): CategoryView[] =>
    scores.flatMap((s) => {
      const id = scopedId(CIVIC_PACK_ID, s.id);
      const name = names.get(id);
      return name === undefined ? [] : [{ id, name, why: s.why }];
    });

  const chosen = await database.get('userState', categoriesKey(story.id));
  if (chosen?.kind === 'categories') {
    const categories = chosen.categories.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []));
    return { categories, choice: { byReader: true, suggested: [], options } };
  }
  const { given, suggested } = civicTopics().read(reports.map((r) => ({ title: r.title, text: r.excerpt ?? null })));
  return { categories: named(given), choice: { byReader: false, suggested: named(suggested), options } };
}
