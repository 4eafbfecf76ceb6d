// Opinion and analysis pieces from the reader's feeds, attached to the story they discuss.
// A column argues about an event without restating its facts, so it makes a poor cluster member:
// it would start stories of its own or pull two reports' stories together. Opinions therefore
// never enter the clusterer. Each is matched, through the engine's matcher, against the stories
// the reports made, and joins the best one when the score passes OPINION_ATTACH_THRESHOLD (its
// own constant: a column shares fewer words with the reports than a report does) and the two share
// words beyond the names the column mentions (OPINION_SHARED_WORDS); otherwise it is left out (no
// story of its own: an opinion alone is not coverage).
// Incremental: after the reports change, only opinions that are new, that changed, whose story
// changed, or that share a term with a changed story are matched again; the answer is the stories
// whose opinions changed, so only those are built again.
import { docTerms, termsOnce, type EngineDoc, type MatchCandidate, type StoryIndex } from '../../engine';
import type { Entry } from './feed-entry';

/**
 * Minimum match score for an opinion to join a story. Read off `npm run bench:opinions` on
 * allsides-dev (a calibration file; its 13 "(Opinion)" pieces): the highest recall with at most one
 * of the 13 attached when its story's reports are left out (docs/benchmarks.md). Scores from 0.33
 * to 0.46 give the same figures there; below, orphans start to attach.
 */
export const OPINION_ATTACH_THRESHOLD = 0.4;

export const opinionDoc = ({ article, summary, ms }: Entry): EngineDoc => ({ id: article.id, title: article.title, text: summary || null, published: ms, outlet: article.outlet });

/**
 * Words an opinion must share with a story besides the names it mentions. A column about a person
 * ("Jerome Powell is a scapegoat") scores high against any story naming them, the name being rare
 * and weighted twice (word and entity); a name and the role that goes with it ("the Fed chair")
 * are one reference, so one more word can still be the name's company. Two shared words of its
 * own are what says the piece argues about what the story reports. On allsides-dev (`npm run
 * bench:opinions`) every piece attached to its own story shares five or more, and the figures
 * are the same with the rule as without.
 */
export const OPINION_SHARED_WORDS = 2;
/** Candidates looked at past the best, when the best shares only names. */
const OPINION_CANDIDATES = 3;

/** The stems of the words of the names the text mentions ("Elon Musk" → elon, musk; "Fed" → fed). */
function nameWords(terms: readonly string[]): Set<string> {
  const names = terms.filter((t) => t.startsWith('e:')).map((t) => t.slice(2));
  // Read lower-cased, the names' words come back as the stems the text's own words are read as.
  return new Set(names.length ? termsOnce({ title: names.join(' '), text: null }) : []);
}

/** How many of the opinion's words, names and figures aside, the story's reports use. */
function sharedWords(index: StoryIndex, storyId: string, terms: readonly string[], names: ReadonlySet<string>): number {
  const story = index.stories.get(storyId);
  if (!story) return 0;
  let n = 0;
  for (const t of terms) {
    if (t.startsWith('e:') || t.startsWith('n:') || names.has(t)) continue;
    const id = index.vocab.id(t);
    if (id !== undefined && story.sums.get(id) !== undefined) n++;
  }
  return n;
}

/**
 * The story an opinion discusses if any, with its score (the benchmark reads it too): the
 * matcher's best candidate that shares OPINION_SHARED_WORDS words with the opinion besides names.
 */
export function nearestStory(index: StoryIndex, doc: EngineDoc, terms: readonly string[] = docTerms(doc)): MatchCandidate | null {
  const names = nameWords(terms);
  const candidates = index.match(doc, { limit: OPINION_CANDIDATES }).candidates;
  return candidates.find((c) => sharedWords(index, c.storyId, terms, names) >= OPINION_SHARED_WORDS) ?? null;
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
      const story = this.best(index, held);
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

  private best(index: StoryIndex, { doc, terms }: Held): string | null {
    const top = nearestStory(index, doc, terms);
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
