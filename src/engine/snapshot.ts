// A compact, versioned snapshot of a StoryIndex, stored in IndexedDB so a waking service worker
// does not re-extract features from every article. Everything numeric is a typed array: the
// structured clone that IndexedDB makes of it is a memory copy, and loading takes views of it
// instead of converting element by element. What the index derives from the articles (document
// frequencies, story centroids) is stored too, so loading does not recompute it; only the
// postings (term → stories) are rebuilt, in two passes over the stored centroids.
//
// A woken service worker answers its first page from what ranking needs: the vocabulary, the
// centroids and postings, each story's size and dates. The articles' own term vectors (most of the
// bytes) are read by the verifier for the few stories a page is scored against: a loaded story
// makes its articles on first use, so loading does not make thirty thousand objects at 10k stories.
// The snapshot is stored in two parts (DOC_PARTS below: the articles apart from the stories).
import type { StoryIndex } from './story-index';
import type { DocEntry, PendingStory } from './story-entry';
import { TermSums } from './term-sums';
import { Timeline } from './timeline';

/** Bump whenever features, weights or this layout change: older snapshots are then rebuilt. 3: articles made lazily, two parts; 4: Chinese, Japanese and Thai read as words. */
export const ENGINE_SNAPSHOT_VERSION = 4;

/** The fields of the articles' part: everything else is the stories' part, which ranking reads. */
export const DOC_PARTS = ['ids', 'outlets', 'outlet', 'termStart', 'titleLen', 'termIds', 'weights'] as const;

export interface EngineSnapshot {
  v: number;
  /** Vocabulary, in term-id order, and each term's document frequency. */
  terms: string[];
  df: Int32Array;
  stories: string[];
  /** Per story: its articles are `docStart[s]` to `docStart[s + 1]`; its centroid terms likewise. */
  docStart: Int32Array;
  sumStart: Int32Array;
  /** Centroid sums of all stories: term ids (ascending within a story) and sums of member weights. */
  sumIds: Int32Array;
  sums: Float64Array;
  outlets: string[];
  /** Per article (grouped by story): id, published (ms, NaN when unknown), outlet (index or -1). */
  ids: string[];
  published: Float64Array;
  outlet: Int32Array;
  /** Per article: its terms are `termStart[d]` to `termStart[d + 1]`, the first `titleLen[d]` from the title. */
  termStart: Int32Array;
  titleLen: Uint8Array;
  termIds: Int32Array;
  weights: Float32Array;
}

/**
 * Term ids renumbered to the terms some article still holds, in their order: an index that lives
 * through months of feed items coming and going would otherwise carry every word it ever saw.
 * Renumbering in order keeps each story's sorted term ids sorted.
 */
function liveTerms(index: StoryIndex): { terms: string[]; df: Int32Array; remap: Int32Array } {
  const { terms, df } = index.vocab;
  const remap = new Int32Array(terms.length).fill(-1);
  const live: string[] = [];
  const liveDf: number[] = [];
  for (let t = 0; t < terms.length; t++) {
    if ((df[t] ?? 0) <= 0) continue;
    remap[t] = live.length;
    live.push(terms[t]!);
    liveDf.push(df[t]!);
  }
  return { terms: live, df: Int32Array.from(liveDf), remap };
}

export function writeSnapshot(index: StoryIndex): EngineSnapshot {
  const stories = [...index.stories.values()];
  const docs = stories.flatMap((st) => [...st.docs]);
  const outletIds = new Map<string, number>();
  const { terms, df, remap } = liveTerms(index);
  const s: EngineSnapshot = {
    v: ENGINE_SNAPSHOT_VERSION,
    terms,
    df,
    stories: stories.map((st) => st.id),
    docStart: new Int32Array(stories.length + 1),
    sumStart: new Int32Array(stories.length + 1),
    sumIds: new Int32Array(stories.reduce((n, st) => n + st.sums.size, 0)),
    sums: new Float64Array(stories.reduce((n, st) => n + st.sums.size, 0)),
    outlets: [],
    ids: docs.map((d) => d.id),
    published: new Float64Array(docs.length),
    outlet: new Int32Array(docs.length),
    termStart: new Int32Array(docs.length + 1),
    titleLen: new Uint8Array(docs.length),
    termIds: new Int32Array(docs.reduce((n, d) => n + d.end - d.start, 0)),
    weights: new Float32Array(docs.reduce((n, d) => n + d.end - d.start, 0)),
  };
  let doc = 0;
  let sum = 0;
  stories.forEach((st, k) => {
    s.docStart[k + 1] = s.docStart[k]! + st.docs.size;
    st.sums.forEach((id, v) => {
      s.sumIds[sum] = remap[id]!;
      s.sums[sum++] = v;
    });
    s.sumStart[k + 1] = sum;
  });
  for (const d of docs) {
    s.published[doc] = d.published ?? NaN;
    let o = -1;
    if (d.outlet !== null) {
      o = outletIds.get(d.outlet) ?? s.outlets.length;
      if (o === s.outlets.length) {
        outletIds.set(d.outlet, o);
        s.outlets.push(d.outlet);
      }
    }
    s.outlet[doc] = o;
    s.titleLen[doc] = d.titleLen;
    for (let i = d.start, at = s.termStart[doc]!; i < d.end; i++, at++) s.termIds[at] = remap[d.termIds[i]!]!;
    s.weights.set(d.weights.subarray(d.start, d.end), s.termStart[doc]!);
    s.termStart[doc + 1] = s.termStart[doc]! + d.end - d.start;
    doc++;
  }
  return s;
}

/** A story of a loaded snapshot; its articles are made when first asked for. */
class SnapshotStory implements PendingStory {
  norm = 0;
  normAt = -1;
  acc = 0;
  accAt = 0;
  private made: Set<DocEntry> | null = null;
  private dates: Timeline | null = null;

  constructor(
    public id: string,
    public sums: TermSums,
    public size: number,
    private readonly index: StoryIndex,
    private readonly raw: EngineSnapshot,
    private readonly k: number,
  ) {}

  get docs(): Set<DocEntry> {
    if (!this.made) this.load();
    return this.made!;
  }

  /** Its dates, from the stored ones, without making the articles (ranking reads them for many stories). */
  get times(): Timeline {
    if (!this.dates) {
      this.dates = new Timeline();
      for (let d = this.raw.docStart[this.k]!; d < this.raw.docStart[this.k + 1]!; d++) {
        const published = this.raw.published[d]!;
        if (!Number.isNaN(published)) this.dates.add(published);
      }
    }
    return this.dates;
  }

  load(): void {
    if (this.made) return;
    const raw = this.raw;
    this.made = new Set();
    for (let d = raw.docStart[this.k]!; d < raw.docStart[this.k + 1]!; d++) {
      const published = raw.published[d]!;
      const entry: DocEntry = {
        id: raw.ids[d]!,
        story: this,
        termIds: raw.termIds,
        weights: raw.weights,
        start: raw.termStart[d]!,
        end: raw.termStart[d + 1]!,
        titleLen: raw.titleLen[d]!,
        published: Number.isNaN(published) ? null : published,
        outlet: raw.outlets[raw.outlet[d]!] ?? null,
      };
      this.made.add(entry);
      this.index.restoreDoc(entry);
    }
    this.index.restored(this);
  }
}

/** Fills a new, empty index from a snapshot; false (index left unusable) for another version or bad data. */
export function readSnapshot(raw: unknown, index: StoryIndex): boolean {
  if (!isSnapshot(raw) || !consistent(raw) || index.vocab.terms.length !== 0) return false;
  index.vocab.restore(raw.terms, raw.df, raw.ids.length);
  const entries: SnapshotStory[] = [];
  // Which story an article id is in: made on first use (an article looked up by id), not at load.
  let home: Map<string, SnapshotStory> | null = null;
  const locate = (docId: string): SnapshotStory | undefined => {
    if (!home) {
      home = new Map();
      entries.forEach((story, k) => {
        for (let d = raw.docStart[k]!; d < raw.docStart[k + 1]!; d++) home!.set(raw.ids[d]!, story);
      });
    }
    return home.get(docId);
  };
  for (let k = 0; k < raw.stories.length; k++) {
    const sums = TermSums.fromSorted(raw.sumIds.subarray(raw.sumStart[k]!, raw.sumStart[k + 1]!), raw.sums.subarray(raw.sumStart[k]!, raw.sumStart[k + 1]!));
    const story = new SnapshotStory(raw.stories[k]!, sums, raw.docStart[k + 1]! - raw.docStart[k]!, index, raw, k);
    entries.push(story);
    index.restoreStory(story, locate);
  }
  // Postings: count each term's stories, then fill arrays of exactly that length.
  const counts = new Int32Array(raw.terms.length);
  for (let i = 0; i < raw.sumIds.length; i++) counts[raw.sumIds[i]!]!++;
  const postings = index.postings;
  postings.length = 0;
  for (let t = 0; t < raw.terms.length; t++) postings.push(counts[t] ? new Array<PendingStory>(counts[t]!) : undefined);
  counts.fill(0);
  entries.forEach((story, k) => {
    for (let i = raw.sumStart[k]!; i < raw.sumStart[k + 1]!; i++) {
      const t = raw.sumIds[i]!;
      postings[t]![counts[t]!++] = story;
    }
  });
  return true;
}

/** Offsets that stay within their arrays and term ids within the vocabulary; anything else is a bad snapshot. */
function consistent(s: EngineSnapshot): boolean {
  const nStories = s.stories.length;
  const nDocs = s.ids.length;
  const nTerms = s.terms.length;
  if (s.df.length !== nTerms || s.docStart.length !== nStories + 1 || s.sumStart.length !== nStories + 1) return false;
  if ([s.published, s.outlet, s.titleLen].some((a) => a.length !== nDocs) || s.termStart.length !== nDocs + 1) return false;
  if (s.sumIds.length !== s.sums.length || s.termIds.length !== s.weights.length) return false;
  if (s.docStart[nStories] !== nDocs || s.sumStart[nStories] !== s.sumIds.length || s.termStart[nDocs] !== s.termIds.length) return false;
  if (!ascending(s.docStart) || !ascending(s.sumStart) || !ascending(s.termStart) || s.docStart[0] !== 0 || s.sumStart[0] !== 0 || s.termStart[0] !== 0) return false;
  for (let k = 0; k < nStories; k++) if (s.docStart[k + 1] === s.docStart[k]) return false;
  for (const ids of [s.termIds, s.sumIds]) for (let i = 0; i < ids.length; i++) if (!(ids[i]! >= 0 && ids[i]! < nTerms)) return false;
  for (let d = 0; d < nDocs; d++) if (s.outlet[d]! >= s.outlets.length) return false;
  return new Set(s.terms).size === nTerms;
}

function ascending(a: Int32Array): boolean {
  for (let i = 1; i < a.length; i++) if (a[i]! < a[i - 1]!) return false;
  return true;
}

const TYPED: Record<string, new (n: number) => ArrayLike<number>> = {
  df: Int32Array,
  docStart: Int32Array,
  sumStart: Int32Array,
  sumIds: Int32Array,
  sums: Float64Array,
  published: Float64Array,
  outlet: Int32Array,
  termStart: Int32Array,
  titleLen: Uint8Array,
  termIds: Int32Array,
  weights: Float32Array,
};

function isSnapshot(x: unknown): x is EngineSnapshot {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  if (s.v !== ENGINE_SNAPSHOT_VERSION) return false;
  if (!['terms', 'stories', 'outlets', 'ids'].every((k) => Array.isArray(s[k]) && (s[k] as unknown[]).every((v) => typeof v === 'string'))) return false;
  return Object.entries(TYPED).every(([k, type]) => s[k] instanceof type);
}
