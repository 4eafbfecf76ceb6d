// The story index: articles grouped into stories, an inverted index from terms to stories, and
// story centroids (mean of member term vectors) kept up to date as articles join or leave.
// IDF is applied at query time, so centroids never need re-weighting when the collection grows.
import type { EngineDoc, MatchCandidate, MatchOptions, MatchResult } from './types';
import type { DocFeatures } from './features';
import { featuresOf } from './feature-memo';
import type { DocEntry, DocInit, PendingStory, StoryEntry } from './story-entry';
import { TermSums } from './term-sums';
import { Timeline } from './timeline';
import { Vocabulary } from './vocabulary';
import { meanMemberCosine } from './cohesion';
import { scoreCandidates, type Query } from './scoring';
import { clamp01, decide } from './decision';
import { bestTwo, CALIBRATED_VERIFIER, scoreEvidence, verifyShift, type Verifier } from './verifier';
import type { Evidence } from './scoring';
import { readSnapshot, writeSnapshot, type EngineSnapshot } from './snapshot';

// A stored article keeps its strongest terms only: the reading history stores compact vectors,
// and the tail of a long text adds noise rather than evidence.
const MAX_DOC_TERMS = 64;

/**
 * A date the engine can use, else none: NaN would zero every time score it meets, and once in a
 * story's timeline it could never be removed (NaN equals nothing).
 */
const when = (ms: number | null | undefined): number | null => (ms !== null && ms !== undefined && Number.isFinite(ms) ? ms : null);

export class StoryIndex {
  readonly vocab = new Vocabulary();
  private readonly docMap = new Map<string, DocEntry>();
  /**
   * Stories of a loaded snapshot whose articles are not made yet, and where to find the story of
   * an article id among them: a woken worker answers its first page having made the articles of
   * the few stories that page is scored against, not of all of them.
   */
  private readonly pending = new Set<PendingStory>();
  private locate: ((docId: string) => PendingStory | undefined) | null = null;
  readonly stories = new Map<string, StoryEntry>();
  /** term id → stories containing it (arrays: far cheaper to build on snapshot load than Sets). */
  readonly postings: (StoryEntry[] | undefined)[] = [];
  /** Decides matches; the calibrated one unless calibration is trying another. */
  readonly verifier: Verifier;
  private lastFeatures: { title: string; text: string | null; f: DocFeatures } | null = null;

  constructor(opts: { verifier?: Verifier } = {}) {
    this.verifier = opts.verifier ?? CALIBRATED_VERIFIER;
  }

  /** Every article, by id (makes those of every restored story first). */
  get docs(): ReadonlyMap<string, DocEntry> {
    for (const story of this.pending) story.load();
    return this.docMap;
  }

  get articleCount(): number {
    return this.vocab.docCount;
  }

  /** How many articles are made (fewer than `articleCount` while a loaded snapshot's stories wait). */
  get madeArticleCount(): number {
    return this.docMap.size;
  }
  get storyCount(): number {
    return this.stories.size;
  }

  storyOf(docId: string): string | undefined {
    return this.entry(docId)?.story.id;
  }

  /** An article by id, making its story's articles first if they are still pending. */
  private entry(docId: string): DocEntry | undefined {
    const known = this.docMap.get(docId);
    if (known || this.pending.size === 0) return known;
    this.locate?.(docId)?.load();
    return this.docMap.get(docId);
  }

  addArticle(storyId: string, doc: EngineDoc): void {
    this.removeArticle(doc.id);
    const f = this.features(doc);
    // The terms by weight × rarity, highest first; the sort is stable, so ties keep the features'
    // order. Indexes into parallel arrays rather than a pair per term: this runs for every article
    // a refresh adds, in a worker that has often just woken and runs it unoptimised.
    const terms = [...f.terms.keys()];
    const weightOf = [...f.terms.values()];
    const rank = terms.map((t, i) => weightOf[i]! * this.vocab.idf(this.vocab.id(t)));
    const order = terms.map((_, i) => i).sort((a, b) => rank[b]! - rank[a]!);
    const n = Math.min(order.length, MAX_DOC_TERMS);
    const termIds = new Int32Array(n);
    const weights = new Float32Array(n);
    // Of the top terms, the title's first (in rank order), so a member's headline is a prefix of its vector.
    let at = 0;
    let titleLen = 0;
    for (const fromTitle of [true, false]) {
      for (let k = 0; k < n; k++) {
        const i = order[k]!;
        if (f.titleTerms.has(terms[i]!) !== fromTitle) continue;
        termIds[at] = this.vocab.intern(terms[i]!);
        weights[at++] = weightOf[i]!;
      }
      if (fromTitle) titleLen = at;
    }
    this.attach(storyId, { id: doc.id, termIds, weights, start: 0, end: termIds.length, titleLen, published: when(doc.published), outlet: doc.outlet ?? null });
  }

  /** Adds an article whose term vector is already computed (leave-one-out restore, merges). */
  attach(storyId: string, d: DocInit): void {
    let story = this.stories.get(storyId);
    if (!story) {
      story = { id: storyId, docs: new Set(), size: 0, sums: new TermSums(), times: new Timeline(), norm: 0, normAt: -1, acc: 0, accAt: 0 };
      this.stories.set(storyId, story);
    }
    const entry: DocEntry = { id: d.id, story, termIds: d.termIds, weights: d.weights, start: d.start, end: d.end, titleLen: d.titleLen, published: when(d.published), outlet: d.outlet };
    this.docMap.set(entry.id, entry);
    story.docs.add(entry);
    story.size = story.docs.size;
    for (let i = entry.start; i < entry.end; i++) {
      const t = entry.termIds[i]!;
      this.vocab.count(t, 1);
      if (story.sums.add(t, entry.weights[i]!)) this.postingsOf(t).push(story);
    }
    if (entry.published !== null) story.times.add(entry.published);
    story.normAt = -1;
    this.vocab.countDoc(1);
  }

  /**
   * Snapshot load: a story whose centroid sums come ready and whose articles it makes itself when
   * first asked (`load`, which calls `restoreDoc` for each and `restored` when done). Document
   * frequencies and postings are restored in bulk by the caller (snapshot.ts), so nothing here is
   * recomputed per term. `locate` finds the pending story of an article id.
   */
  restoreStory(story: PendingStory, locate: (docId: string) => PendingStory | undefined): void {
    this.stories.set(story.id, story);
    this.pending.add(story);
    this.locate = locate;
  }

  /** Snapshot load: an article a restored story made (its terms already counted in the story's sums). */
  restoreDoc(entry: DocEntry): void {
    this.docMap.set(entry.id, entry);
  }

  /** Snapshot load: a restored story has made its articles. */
  restored(story: PendingStory): void {
    this.pending.delete(story);
  }

  removeArticle(docId: string): void {
    const entry = this.entry(docId);
    if (!entry) return;
    const story = entry.story;
    this.docMap.delete(docId);
    story.docs.delete(entry);
    story.size = story.docs.size;
    for (let i = entry.start; i < entry.end; i++) {
      const t = entry.termIds[i]!;
      this.vocab.count(t, -1);
      if (story.sums.subtract(t, story.docs.size === 0 ? Infinity : entry.weights[i]!)) removeFrom(this.postings[t], story);
    }
    if (entry.published !== null) story.times.remove(entry.published);
    if (story.docs.size === 0) this.stories.delete(story.id);
    story.normAt = -1;
    this.vocab.countDoc(-1);
  }

  /** Gives a story another id (the stream clusterer names a merged story after its older half). */
  renameStory(from: string, to: string): void {
    const story = this.stories.get(from);
    if (!story || from === to) return;
    if (this.stories.has(to)) throw new Error(`story ${to} exists already`);
    this.stories.delete(from);
    story.id = to;
    this.stories.set(to, story);
  }

  /**
   * Whether an article with these terms (`docTerms`) shares one with any of the stories: without
   * one it cannot match them, so a change to those stories alone cannot change its match.
   */
  sharesTermWith(terms: Iterable<string>, storyIds: ReadonlySet<string>): boolean {
    const stories = [...storyIds].flatMap((id) => this.stories.get(id) ?? []);
    if (stories.length === 0) return false;
    for (const term of terms) {
      const id = this.vocab.id(term);
      if (id !== undefined && stories.some((s) => s.sums.get(id) !== undefined)) return true;
    }
    return false;
  }

  /**
   * sharesTermWith for many texts against the same stories, while the index stays as it is: the
   * stories' terms are gathered once, so each text costs a lookup per term, not per term and story.
   */
  termFilter(storyIds: ReadonlySet<string>): (terms: Iterable<string>) => boolean {
    const ids = new Set<number>();
    for (const id of storyIds) this.stories.get(id)?.sums.forEach((t) => ids.add(t));
    return (terms) => {
      if (ids.size === 0) return false;
      for (const term of terms) {
        const id = this.vocab.id(term);
        if (id !== undefined && ids.has(id)) return true;
      }
      return false;
    };
  }

  removeStory(storyId: string): void {
    const story = this.stories.get(storyId);
    if (!story) return;
    for (const d of [...story.docs]) this.removeArticle(d.id);
  }

  match(doc: EngineDoc, opts: MatchOptions = {}): MatchResult {
    return this.withoutSelf(doc.id, () => decide(this.rank(doc, true, opts.exclude), opts.limit ?? 5, this.verifier));
  }

  /**
   * The best candidate, and the best other one as a match with the first excluded would rank it
   * (the stream clusterer's join and merge questions), from one scoring pass: scoring is most of
   * the clusterer's time, and the verifier's input for the others depends only on the list they
   * are in, so the list without the best is verified again rather than scored again; and only the
   * candidates whose input that changes (the margin over the best of the others) are scored again.
   * `joinAt`: the other is asked for only when the best scores at least this (the clusterer asks
   * the merge question only of an article that joins, and most start a story or join one alone).
   * What this answers is what `decide(list, 1)` and `decide(list without the best, 1)` answer,
   * without the shared terms a reader is shown (the clusterer reads none, and finding them for two
   * stories per article was 3 % of its time).
   */
  matchTwo(doc: EngineDoc, joinAt = -Infinity): { best: StoryScore | undefined; other: StoryScore | undefined } {
    return this.withoutSelf(doc.id, () => {
      const list = this.rank(doc, true, undefined);
      const v = this.verifier;
      const shift = verifyShift(list, v);
      const cos = list.map((e) => e.memberCos);
      const [first, second] = bestTwo(cos);
      const margins = cos.map((c) => (c === first ? second : first));
      const scores = list.map((e, i) => scoreEvidence(e, margins[i]!, v, shift));
      const b = topOf(scores, -1);
      if (b < 0) return { best: undefined, other: undefined };
      const best = candidate(list[b]!, scores[b]!);
      if (best.score < joinAt) return { best, other: undefined };
      // The list without the best (each story is in it once): a candidate's score changes only
      // when its margin does.
      const [restFirst, restSecond] = bestTwo(cos.filter((_, i) => i !== b));
      for (let i = 0; i < list.length; i++) {
        if (i === b) continue;
        const margin = cos[i] === restFirst ? restSecond : restFirst;
        if (margin !== margins[i]) scores[i] = scoreEvidence(list[i]!, margin, v, shift);
      }
      const o = topOf(scores, b);
      return { best, other: o < 0 ? undefined : candidate(list[o]!, scores[o]!) };
    });
  }

  /** Mean cosine between the article and the story's members (cohesion.ts); 0 for a story not here. */
  cohesion(storyId: string, doc: EngineDoc): number {
    const story = this.stories.get(storyId);
    return story ? meanMemberCosine(this, story, this.features(doc)) : 0;
  }

  search(text: string, limit = 10): MatchCandidate[] {
    return decide(this.rank({ id: '', title: text }, false, undefined), limit, null).candidates;
  }

  toSnapshot(): EngineSnapshot {
    return writeSnapshot(this);
  }

  static fromSnapshot(s: unknown): StoryIndex | null {
    const index = new StoryIndex();
    return readSnapshot(s, index) ? index : null;
  }

  private rank(doc: EngineDoc, useTime: boolean, exclude: ReadonlySet<string> | undefined) {
    const f = this.features(doc);
    const query: Query = { features: f, published: useTime ? when(doc.published) : null };
    return scoreCandidates(this, query, exclude);
  }

  /**
   * The stream clusterer matches an article, matches it again without the story it joined, and
   * adds it: the last text's features are kept so it is read once, not three times (a fifth of
   * the clusterer's time). Features are never modified once made.
   */
  private features(doc: Pick<EngineDoc, 'title' | 'text'>): DocFeatures {
    const text = doc.text ?? null;
    const last = this.lastFeatures;
    if (last && last.title === doc.title && last.text === text) return last.f;
    const f = featuresOf(doc);
    this.lastFeatures = { title: doc.title, text, f };
    return f;
  }

  private postingsOf(t: number): StoryEntry[] {
    while (this.postings.length <= t) this.postings.push(undefined);
    return (this.postings[t] ??= []);
  }

  /** Runs `fn` with the document's own stored copy taken out, so it is matched as a newcomer. */
  private withoutSelf<T>(docId: string, fn: () => T): T {
    const self = this.entry(docId);
    if (!self) return fn();
    this.removeArticle(docId);
    try {
      return fn();
    } finally {
      this.attach(self.story.id, self);
    }
  }
}

/**
 * Index of the best score (clamped as `decide` clamps), the earliest among equals as decide's
 * stable sort keeps it; `skip` is left out; -1 when there is none.
 */
function topOf(scores: readonly number[], skip: number): number {
  let top = -1;
  let topScore = 0;
  for (let i = 0; i < scores.length; i++) {
    if (i === skip) continue;
    const s = clamp01(scores[i]!);
    if (top < 0 || s > topScore) {
      top = i;
      topScore = s;
    }
  }
  return top;
}

/** A candidate story and its match score, without the shared terms shown with a match. */
export type StoryScore = Omit<MatchCandidate, 'shared'>;

function candidate(e: Evidence, score: number): StoryScore {
  return { storyId: e.story.id, score: clamp01(score) };
}

/** Unordered removal: swap with the last element. */
function removeFrom<T>(list: T[] | undefined, item: T): void {
  if (!list) return;
  const i = list.indexOf(item);
  if (i < 0) return;
  list[i] = list[list.length - 1]!;
  list.pop();
}
