// A story's categories for its view. A curator's categories stand as written. Every other story
// (built from feeds or reading history, or a pack story left without) is the reader's to file: it
// gets the reader's own choice when they made one; else, for a feed story that borrowed the
// categories of a pack story about the same event (feeds/feed-labels.ts), those; else the topic
// classifier's categories from the built-in `civic` pack, each with the words that decided it;
// when the classifier gives none, the categories it came closest to are offered (never given: no
// steps follow them until the reader takes one). Classified at view time from the reports'
// headlines and excerpts, so a story that gains reports is re-read (a few hundred microseconds:
// cheaper than keeping a copy in step).
import type { IDBPDatabase } from 'idb';
import { civicTopics, type TopicScore } from '../engine';
import { categoriesKey, type ArticleRecord, type StoryRecord, type StorylineDB } from '../formats/storage-schema';
import type { CategoryChoice, CategoryView } from '../contracts/views';
import { packRange } from './pack-keys';
import { scopedId } from './pack-store';

/** The built-in taxonomy pack whose category ids the classifier's weights are learned for. */
export const CIVIC_PACK_ID = 'civic';

type Database = IDBPDatabase<StorylineDB>;
type Options = CategoryChoice['options'];

export interface StoryCategories {
  categories: CategoryView[];
  /** Absent for a curator's categories, and without the civic pack. */
  choice?: CategoryChoice;
}

const collator = (): Intl.Collator => new Intl.Collator(undefined, { sensitivity: 'base' });

/** The categories a reader may file any story under: the civic pack's, by name. */
export async function civicOptions(database: Database): Promise<Options> {
  const records = await database.getAll('categories', packRange(CIVIC_PACK_ID));
  const by = collator();
  // A pack whose id extends 'civic/' shares the key range: its records are not the taxonomy's.
  return records
    .filter((r) => r.packId === CIVIC_PACK_ID)
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => by.compare(a.name, b.name));
}

/**
 * Whether the story's categories are a curator's. A feed story's never are, though it may carry
 * some: those it borrowed from a pack story about the same event, which the reader may refile.
 */
export async function curated(database: Database, story: StoryRecord): Promise<boolean> {
  if (story.categories.length === 0) return false;
  return (await database.get('packs', story.packId))?.origin !== 'feeds';
}

/** A story's own categories (curated or borrowed), by name; those whose record is gone are left out. */
async function named(database: Database, ids: readonly string[]): Promise<Options> {
  const out: Options = [];
  for (const id of ids) {
    const category = await database.get('categories', id);
    if (category) out.push({ id, name: category.name });
  }
  return out;
}

/**
 * What the reader may file a story no curator filed under: the civic pack's categories and, for a
 * feed story, those it borrowed (so the reader can take one away and put it back). Empty without
 * the civic pack: there is then no choice to offer.
 */
export async function filingOptions(database: Database, story: StoryRecord): Promise<Options> {
  const civic = await civicOptions(database);
  if (civic.length === 0 || story.categories.length === 0) return civic;
  const known = new Set(civic.map((o) => o.id));
  const by = collator();
  return [...civic, ...(await named(database, story.categories)).filter((o) => !known.has(o.id))].sort((a, b) => by.compare(a.name, b.name));
}

export async function storyCategories(database: Database, story: StoryRecord, reports: readonly ArticleRecord[]): Promise<StoryCategories> {
  if (await curated(database, story)) return { categories: await named(database, story.categories) };
  const options = await filingOptions(database, story);
  // Without the civic pack (removed, or not installed yet) there is no choice to offer; a feed
  // story's borrowed categories still show.
  if (options.length === 0) return { categories: await named(database, story.categories) };
  const names = new Map(options.map((o) => [o.id, o.name]));

  const chosen = await database.get('userState', categoriesKey(story.id));
  if (chosen?.kind === 'categories') {
    const categories = chosen.categories.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []));
    return { categories, choice: { byReader: true, suggested: [], options } };
  }
  if (story.categories.length > 0) {
    return { categories: await named(database, story.categories), choice: { byReader: false, suggested: [], options } };
  }
  const civic = (scores: readonly TopicScore[]): CategoryView[] =>
    scores.flatMap((s) => {
      const id = scopedId(CIVIC_PACK_ID, s.id);
      const name = names.get(id);
      return name === undefined ? [] : [{ id, name, why: s.why }];
    });
  const { given, suggested } = civicTopics().read(reports.map((r) => ({ title: r.title, text: r.excerpt ?? null })));
  return { categories: civic(given), choice: { byReader: false, suggested: civic(suggested), options } };
}
