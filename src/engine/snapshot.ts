// A compact, versioned snapshot of a StoryIndex, stored in IndexedDB so a waking service worker
// does not re-extract features from every article. Columnar plain arrays: JSON-serialisable and
// structured-cloneable, and far smaller than one object per article. Weights are stored as
// integers (hundredths). Df, centroids and postings are derived on load, not stored.
import type { StoryIndex } from './story-index';

/** Bump whenever features, weights or this layout change: older snapshots are then rebuilt. */
export const ENGINE_SNAPSHOT_VERSION = 1;

export interface EngineSnapshot {
  v: number;
  /** Vocabulary; documents refer to terms by position. */
  terms: string[];
  stories: string[];
  outlets: string[];
  /** Per article: id, story (index into `stories`), published (ms or null), outlet (index or -1). */
  ids: string[];
  story: number[];
  published: (number | null)[];
  outlet: number[];
  /** Per article: how many terms it has; then all articles' term ids and weights×100, concatenated. */
  lengths: number[];
  termIds: number[];
  weights: number[];
}

export function writeSnapshot(index: StoryIndex): EngineSnapshot {
  const termMap = new Map<number, number>();
  const storyMap = new Map<string, number>();
  const outletMap = new Map<string, number>();
  const s: EngineSnapshot = {
    v: ENGINE_SNAPSHOT_VERSION,
    terms: [],
    stories: [],
    outlets: [],
    ids: [],
    story: [],
    published: [],
    outlet: [],
    lengths: [],
    termIds: [],
    weights: [],
  };
  const slot = <K>(map: Map<K, number>, key: K, list: K[]): number => {
    let i = map.get(key);
    if (i === undefined) {
      i = list.length;
      map.set(key, i);
      list.push(key);
    }
    return i;
  };
  // Articles grouped by story, so loading can build each centroid in one pass.
  for (const d of [...index.stories.values()].flatMap((st) => [...st.docs])) {
    s.ids.push(d.id);
    s.story.push(slot(storyMap, d.story.id, s.stories));
    s.published.push(d.published);
    s.outlet.push(d.outlet === null ? -1 : slot(outletMap, d.outlet, s.outlets));
    s.lengths.push(d.termIds.length);
    for (let i = 0; i < d.termIds.length; i++) {
      const t = d.termIds[i]!;
      let local = termMap.get(t);
      if (local === undefined) {
        local = s.terms.length;
        termMap.set(t, local);
        s.terms.push(index.vocab.terms[t]!);
      }
      s.termIds.push(local);
      s.weights.push(Math.round(d.weights[i]! * 100));
    }
  }
  return s;
}

/** Fills a new, empty index from a snapshot; false (index left unusable) for another version or bad data. */
export function readSnapshot(raw: unknown, index: StoryIndex): boolean {
  if (!isSnapshot(raw)) return false;
  const n = raw.ids.length;
  if ([raw.story, raw.published, raw.outlet, raw.lengths].some((a) => a.length !== n)) return false;
  if (raw.termIds.length !== raw.weights.length) return false;
  if (raw.lengths.reduce((a, b) => a + b, 0) !== raw.termIds.length) return false;
  // A fresh index interns the snapshot's terms in order, so snapshot term ids are vocabulary ids.
  if (index.vocab.terms.length !== 0 || new Set(raw.terms).size !== raw.terms.length) return false;
  for (const t of raw.terms) index.vocab.intern(t);
  // One typed array for all term ids and one for all weights; each article gets views of them.
  // (Element-wise copies: the typed-array constructors are many times slower on large JS arrays.)
  const termIds = new Int32Array(raw.termIds.length);
  const weights = new Float32Array(raw.weights.length);
  for (let k = 0; k < termIds.length; k++) {
    const t = raw.termIds[k]!;
    if (!(t >= 0 && t < raw.terms.length)) return false;
    termIds[k] = t;
    weights[k] = raw.weights[k]! / 100;
  }
  let at = 0;
  let group: Parameters<StoryIndex['attachStory']>[1][number][] = [];
  for (let i = 0; i < n; i++) {
    const len = raw.lengths[i]!;
    const story = raw.stories[raw.story[i]!];
    const outletIx = raw.outlet[i]!;
    const published = raw.published[i];
    if (story === undefined || (outletIx >= 0 && raw.outlets[outletIx] === undefined)) return false;
    if (published !== null && typeof published !== 'number') return false;
    group.push({
      id: raw.ids[i]!,
      termIds: termIds.subarray(at, at + len),
      weights: weights.subarray(at, at + len),
      published: published ?? null,
      outlet: raw.outlets[outletIx] ?? null,
    });
    at += len;
    if (raw.story[i + 1] !== raw.story[i]) {
      index.attachStory(story, group);
      group = [];
    }
  }
  return true;
}

function isSnapshot(x: unknown): x is EngineSnapshot {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  const arrays = ['terms', 'stories', 'outlets', 'ids', 'story', 'published', 'outlet', 'lengths', 'termIds', 'weights'];
  return s.v === ENGINE_SNAPSHOT_VERSION && arrays.every((k) => Array.isArray(s[k]));
}
