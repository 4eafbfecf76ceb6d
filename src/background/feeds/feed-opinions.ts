// Opinion and analysis pieces from the reader's feeds, attached to the story they discuss.
// A column argues about an event without restating its facts, so it makes a poor cluster member:
// it would start stories of its own or pull two reports' stories together. Opinions therefore
// never enter the clusterer. Each is matched, through the engine's matcher, against the stories
// the reports made, and joins the best one when the score passes OPINION_ATTACH_THRESHOLD (its
// own constant: a column shares fewer words with the reports than a report does); otherwise it is
// left out (no story of its own: an opinion alone is not coverage).
// Incremental: after the reports change, only opinions that are new, that changed, whose story
// changed, or that share a term with a changed story are matched again; the answer is the stories
// whose opinions changed, so only those are built again.
import { docTerms, type EngineDoc, type StoryIndex } from '../../engine';
import type { Entry } from './feed-entry';

/**
 * Minimum match score for an opinion to join a story. Read off `npm run bench:opinions` on
 * allsides-dev (a calibration file; its 13 "(Opinion)" pieces): the highest recall with at most one
 * of the 13 attached when its story's reports are left out (docs/benchmarks.md). Scores from 0.33
 * to 0.46 give the same figures there; below, orphans start to attach.
 */
export const OPINION_ATTACH_THRESHOLD = 0.4;

export const opinionDoc = ({ article, summary, ms }: Entry): EngineDoc => ({ id: article.id, title: article.title, text: summary || null, published: ms, outlet: article.outlet });

/** The story an opinion discusses if any: the matcher's best candidate, with its score (the benchmark reads it too). */
export function nearestStory(index: StoryIndex, doc: EngineDoc): { storyId: string; score: number } | null {
  return index.match(doc, { limit: 1 }).candidates[0] ?? null;
}

interface Held {
  doc: EngineDoc;
  terms: string[];
  /** The story it joined; null when none is near enough. */
  story: string | null;
}

export class FeedOpinions {
  private readonly held = new Map<string, Held>();
  /** Story id → the opinions attached to it. */
  private readonly byStory = new Map<string, Set<string>>();

  constructor(private readonly threshold = OPINION_ATTACH_THRESHOLD) {}

  get size(): number {
    return this.held.size;
  }

  has(id: string): boolean {
    return this.held.has(id);
  }

  /** Ids of the opinions attached to `storyId`. */
  of(storyId: string): string[] {
    return [...(this.byStory.get(storyId) ?? [])];
  }

  /** The story an opinion is attached to (null: none), undefined when it is not held. */
  storyOf(id: string): string | null | undefined {
    return this.held.get(id)?.story;
  }

  /**
   * Brings the attachments up to date after the reports changed: `set` are opinions new or reading
   * differently, `removed` opinions gone, `touched` the stories the clusterer changed (created,
   * grown, shrunk, renamed, merged, split or gone). Answers the stories whose opinions changed,
   * and those holding an opinion in `set` (it reads differently even where it stays).
   */
  update(index: StoryIndex, set: Iterable<Entry>, removed: Iterable<string>, touched: ReadonlySet<string>): Set<string> {
    const out = new Set<string>();
    for (const id of removed) {
      const was = this.held.get(id);
      if (!was) continue;
      this.detach(id, was, out);
      this.held.delete(id);
    }
    const again = new Set<string>();
    for (const entry of set) {
      const was = this.held.get(entry.article.id);
      if (was) this.detach(entry.article.id, was, out);
      const doc = opinionDoc(entry);
      this.held.set(doc.id, { doc, terms: docTerms(doc), story: null });
      again.add(doc.id);
    }
    if (touched.size > 0 && this.held.size > again.size) {
      const near = index.termFilter(touched);
      for (const [id, held] of this.held) {
        if (again.has(id)) continue;
        if ((held.story !== null && touched.has(held.story)) || near(held.terms)) again.add(id);
      }
    }
    // Sorted: the outcome must not depend on the order feeds arrived in.
    for (const id of [...again].sort()) {
      const held = this.held.get(id)!;
      const story = this.best(index, held.doc);
      // An opinion (re)set was detached above, so its story counts as changed even where it stays.
      if (story === held.story) continue;
      this.detach(id, held, out);
      held.story = story;
      if (story !== null) {
        let ids = this.byStory.get(story);
        if (!ids) this.byStory.set(story, (ids = new Set()));
        ids.add(id);
        out.add(story);
      }
    }
    return out;
  }

  private best(index: StoryIndex, doc: EngineDoc): string | null {
    const top = nearestStory(index, doc);
    return top && top.score >= this.threshold ? top.storyId : null;
  }

  private detach(id: string, held: Held, out: Set<string>): void {
    if (held.story === null) return;
    const ids = this.byStory.get(held.story);
    ids?.delete(id);
    if (ids?.size === 0) this.byStory.delete(held.story);
    out.add(held.story);
    held.story = null;
  }
}
