// Categories for feed stories, borrowed from the installed packs: a feed story takes the categories
// (and with them the categories' standing action steps) of the labelled pack story about the same
// event. The same event, not the same topic: a curator's categories are chosen for their story
// (the Alaska summit's include voter registration), and a later phone call between the same two
// leaders is another story, for the civic classifier to file. So both sides are matched with their
// dates, as a page is matched against stories, and the engine's time evidence keeps a report weeks
// away from the story out; an undated report, or a pack story with no dated report, lends nothing.
// Built once per set of installed packs and reused for every story that changes.
import { MATCH_THRESHOLD, StoryIndex } from '../../engine';
import type { Entry } from './feed-entry';
import type { Category, Pack, Story } from '../../formats/model';

const time = (iso: string | undefined): number | null => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? null : ms;
};

interface Labelled {
  pack: Pack;
  story: Story;
}

/** A copied category's id in the feeds pack: its pack's id keeps two packs' "world" apart. */
const copiedId = (packId: string, categoryId: string): string => `${packId}:${categoryId}`;

/**
 * Copies a category and its ancestors (with their standing actions) into `into`. A loop that stops
 * at a category already copied: a pack stored before the validator refused parent cycles may hold
 * one, and must not send the walk round for ever.
 */
function copyCategory(pack: Pack, categoryId: string, into: Map<string, Category>): void {
  for (let next: string | undefined = categoryId; next !== undefined; ) {
    const category = pack.categories.find((c) => c.id === next);
    const id = copiedId(pack.id, next);
    if (!category || into.has(id)) return;
    into.set(id, { ...category, id, ...(category.parent === undefined ? {} : { parent: copiedId(pack.id, category.parent) }) });
    next = category.parent;
  }
}

interface Nearest {
  score: number;
  key: string;
}

export class FeedLabels {
  private readonly index = new StoryIndex();
  private readonly byKey = new Map<string, Labelled>();
  /**
   * Each article's nearest labelled story (null: none near enough), by its text: a story that
   * gains a member is labelled again, and its other members need not be matched again.
   */
  private readonly near = new Map<string, Nearest | null>();

  /** `threshold`: the score a labelled story needs for its categories to be taken. */
  constructor(packs: readonly Pack[], private readonly threshold = MATCH_THRESHOLD) {
    for (const pack of packs) {
      for (const story of pack.stories) {
        // Only a dated story has a time to be the same event at.
        if (!story.categories.length || !story.articles.some((a) => time(a.published) !== null)) continue;
        const key = `${pack.id}\u0000${story.id}`;
        this.byKey.set(key, { pack, story });
        for (const a of story.articles) this.index.addArticle(key, { id: `${key}\u0000${a.id}`, title: a.title, text: a.excerpt ?? null, published: time(a.published) });
      }
    }
  }

  /** The categories of the labelled story nearest to any member, with the category records they need. */
  label(members: readonly Entry[]): { categories: string[]; records: Category[] } {
    if (this.byKey.size === 0) return { categories: [], records: [] };
    let best: Nearest | null = null;
    for (const member of members) {
      const near = this.nearest(member);
      if (near && (!best || near.score > best.score)) best = near;
    }
    const label = best ? this.byKey.get(best.key) : undefined;
    if (!label) return { categories: [], records: [] };
    const records = new Map<string, Category>();
    for (const c of label.story.categories) copyCategory(label.pack, c, records);
    return { categories: label.story.categories.map((c) => copiedId(label.pack.id, c)), records: [...records.values()] };
  }

  private nearest({ article, summary, ms }: Entry): Nearest | null {
    if (ms === null) return null;
    const key = `${article.id}\u0000${ms}\u0000${article.title}\u0000${summary}`;
    let near = this.near.get(key);
    if (near === undefined) {
      const top = this.index.match({ id: `q:${article.id}`, title: article.title, text: summary || null, published: ms }, { limit: 1 }).candidates[0];
      near = top && top.score >= this.threshold ? { score: top.score, key: top.storyId } : null;
      // Bounded: a worker that lives through many refreshes must not keep every article it labelled.
      if (this.near.size >= 50_000) this.near.clear();
      this.near.set(key, near);
    }
    return near;
  }
}
