// The story index: articles grouped into stories, an inverted index from terms to stories, and
// story centroids (mean of member term vectors) kept up to date as articles join or leave.
// IDF is applied at query time, so centroids never need re-weighting when the collection grows.
import type { EngineDoc, MatchCandidate, MatchOptions, MatchResult } from './types';
import { extractFeatures } from './features';
import { TermSums } from './term-sums';
import { Timeline } from './timeline';
import { Vocabulary } from './vocabulary';
import { scoreCandidates, type Query } from './scoring';
import { decide } from './decision';
import { readSnapshot, writeSnapshot, type EngineSnapshot } from './snapshot';

export interface DocEntry {
  id: string;
  story: StoryEntry;
  termIds: Int32Array;
  weights: Float32Array;
  published: number | null;
  outlet: string | null;
  /** Cached vector norm under IDF, valid while `normAt` equals the vocabulary stamp. */
  norm: number;
  normAt: number;
}

export interface StoryEntry {
  id: string;
  docs: Set<DocEntry>;
  /** term id → sum of member weights (centroid × size). */
  sums: TermSums;
  /** Publication times of dated members. */
  times: Timeline;
  /** Cached centroid norm under IDF, valid while `normAt` equals the vocabulary stamp. */
  norm: number;
  normAt: number;
}

// A stored article keeps its strongest terms only: the reading history stores compact vectors,
// and the tail of a long text adds noise rather than evidence.
const MAX_DOC_TERMS = 64;

export class StoryIndex {
  readonly vocab = new Vocabulary();
  readonly docs = new Map<string, DocEntry>();
  readonly stories = new Map<string, StoryEntry>();
  /** term id → stories containing it (arrays: far cheaper to build on snapshot load than Sets). */
  readonly postings: (StoryEntry[] | undefined)[] = [];
  private scratch = new Float64Array(0);

  get articleCount(): number {
    return this.docs.size;
  }
  get storyCount(): number {
    return this.stories.size;
  }

  storyOf(docId: string): string | undefined {
    return this.docs.get(docId)?.story.id;
  }

  addArticle(storyId: string, doc: EngineDoc): void {
    this.removeArticle(doc.id);
    const f = extractFeatures(doc);
    const ranked = [...f.terms].map(([t, w]) => [t, w * this.vocab.idf(this.vocab.id(t))] as const);
    ranked.sort((a, b) => b[1] - a[1]);
    const kept = ranked.slice(0, MAX_DOC_TERMS);
    const termIds = new Int32Array(kept.length);
    const weights = new Float32Array(kept.length);
    kept.forEach(([t], i) => {
      termIds[i] = this.vocab.intern(t);
      weights[i] = f.terms.get(t)!;
    });
    this.attach(storyId, { id: doc.id, termIds, weights, published: doc.published ?? null, outlet: doc.outlet ?? null });
  }

  /** Adds an article whose term vector is already computed (snapshot load, leave-one-out restore). */
  attach(storyId: string, d: Omit<DocEntry, 'story' | 'norm' | 'normAt'>): void {
    let story = this.stories.get(storyId);
    if (!story) {
      story = { id: storyId, docs: new Set(), sums: new TermSums(), times: new Timeline(), norm: 0, normAt: -1 };
      this.stories.set(storyId, story);
    }
    const entry: DocEntry = { id: d.id, termIds: d.termIds, weights: d.weights, published: d.published, outlet: d.outlet, story, norm: 0, normAt: -1 };
    this.docs.set(entry.id, entry);
    story.docs.add(entry);
    for (let i = 0; i < entry.termIds.length; i++) {
      const t = entry.termIds[i]!;
      this.vocab.count(t, 1);
      if (story.sums.add(t, entry.weights[i]!)) this.postingsOf(t).push(story);
    }
    if (entry.published !== null) story.times.add(entry.published);
    story.normAt = -1;
    this.vocab.countDoc(1);
  }

  /**
   * Adds a whole story of pre-computed articles at once (snapshot load): centroid sums are
   * accumulated in a dense scratch array and written once, already sorted, instead of one
   * insertion per article and term.
   */
  attachStory(storyId: string, docs: readonly Omit<DocEntry, 'story' | 'norm' | 'normAt'>[]): void {
    if (this.stories.has(storyId)) {
      for (const d of docs) this.attach(storyId, d);
      return;
    }
    const story: StoryEntry = { id: storyId, docs: new Set(), sums: new TermSums(0), times: new Timeline(), norm: 0, normAt: -1 };
    this.stories.set(storyId, story);
    if (this.scratch.length < this.vocab.terms.length) this.scratch = new Float64Array(this.vocab.terms.length * 2);
    const touched: number[] = [];
    for (const d of docs) {
      const entry: DocEntry = { id: d.id, termIds: d.termIds, weights: d.weights, published: d.published, outlet: d.outlet, story, norm: 0, normAt: -1 };
      this.docs.set(entry.id, entry);
      story.docs.add(entry);
      for (let i = 0; i < entry.termIds.length; i++) {
        const t = entry.termIds[i]!;
        this.vocab.count(t, 1);
        if (this.scratch[t] === 0) touched.push(t);
        this.scratch[t]! += entry.weights[i]!;
      }
      if (entry.published !== null) story.times.add(entry.published);
      this.vocab.countDoc(1);
    }
    const ids = new Int32Array(touched.length);
    for (let k = 0; k < touched.length; k++) ids[k] = touched[k]!;
    ids.sort();
    const sums = new Float64Array(ids.length);
    ids.forEach((t, k) => {
      sums[k] = this.scratch[t]!;
      this.scratch[t] = 0;
      this.postingsOf(t).push(story);
    });
    story.sums = TermSums.fromSorted(ids, sums);
  }

  removeArticle(docId: string): void {
    const entry = this.docs.get(docId);
    if (!entry) return;
    const story = entry.story;
    this.docs.delete(docId);
    story.docs.delete(entry);
    for (let i = 0; i < entry.termIds.length; i++) {
      const t = entry.termIds[i]!;
      this.vocab.count(t, -1);
      if (story.sums.subtract(t, story.docs.size === 0 ? Infinity : entry.weights[i]!)) removeFrom(this.postings[t], story);
    }
    if (entry.published !== null) story.times.remove(entry.published);
    if (story.docs.size === 0) this.stories.delete(story.id);
    story.normAt = -1;
    this.vocab.countDoc(-1);
  }

  removeStory(storyId: string): void {
    const story = this.stories.get(storyId);
    if (!story) return;
    for (const d of [...story.docs]) this.removeArticle(d.id);
  }

  match(doc: EngineDoc, opts: MatchOptions = {}): MatchResult {
    return this.withoutSelf(doc.id, () => decide(this.rank(doc, true, opts.exclude), opts.limit ?? 5));
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
    const f = extractFeatures(doc);
    const query: Query = { features: f, published: useTime ? (doc.published ?? null) : null };
    return scoreCandidates(this, query, exclude);
  }

  private postingsOf(t: number): StoryEntry[] {
    while (this.postings.length <= t) this.postings.push(undefined);
    return (this.postings[t] ??= []);
  }

  /** Runs `fn` with the document's own stored copy taken out, so it is matched as a newcomer. */
  private withoutSelf<T>(docId: string, fn: () => T): T {
    const self = this.docs.get(docId);
    if (!self) return fn();
    this.removeArticle(docId);
    try {
      return fn();
    } finally {
      this.attach(self.story.id, self);
    }
  }
}

/** Unordered removal: swap with the last element. */
function removeFrom<T>(list: T[] | undefined, item: T): void {
  if (!list) return;
  const i = list.indexOf(item);
  if (i < 0) return;
  list[i] = list[list.length - 1]!;
  list.pop();
}
