// Candidate stories for a query and the evidence about each: centroid cosine, closest member,
// shared names and figures, rarity of what is shared, and the time gap. decision.ts turns the
// evidence into a calibrated score. Retrieval first scores stories on the query's rarer terms
// through the inverted index, then re-scores a short list exactly.
import type { DocFeatures } from './features';
import type { DocEntry, StoryEntry, StoryIndex } from './story-index';

export interface Query {
  features: DocFeatures;
  /** ms epoch, or null when unknown or when time must not count (free-text search). */
  published: number | null;
}

export interface Evidence {
  story: StoryEntry;
  /** Cosine with the story centroid, TF-IDF weighted. */
  cos: number;
  /** Cosine with the closest member article. */
  maxDocCos: number;
  /** Share of the query's entity/number weight found in the story; null when the query names none. */
  entities: number | null;
  /** IDF of the rarest shared term over the largest possible IDF. */
  rarest: number;
  /** Shared figures (numbers other than years): "224,000 jobs" rarely recurs in another event. */
  sharedFigures: number;
  /** Days between the query and the nearest dated member; null when either side is undated. */
  gapDays: number | null;
  /**
   * How telling a time coincidence is for this query: -ln of the (smoothed) share of the dated
   * stories sharing its rarer words that lie within CROWD_RADIUS_DAYS of it. A close story means
   * much when the other stories with similar words are from other weeks, nothing when they are
   * all from that week (a busy feed). Null when the query is undated. Same for all candidates.
   */
  timeSurprise: number | null;
  /** Human-readable shared terms, strongest first; computed only for candidates that are shown. */
  shared: () => string[];
}

const PRESELECT = 150;
const POSTINGS_BUDGET = 20_000;
const SHORTLIST = 24;
const MAX_SHARED = 8;
// Terms in more than this share of articles only re-score the short list: scanning their
// postings would cost more than they tell.
const COMMON_SHARE = 0.01;
const DAY_MS = 86_400_000;
// The window that counts as "the same moment" when judging how crowded a moment is.
const CROWD_RADIUS_DAYS = 3;
// The closest member is searched among the latest members only, to bound work on huge stories.
const MAX_MEMBERS_SCANNED = 24;

export function scoreCandidates(index: StoryIndex, query: Query, exclude?: ReadonlySet<string>): Evidence[] {
  const { vocab } = index;
  const q = new Map<number, number>();
  let qNorm2 = 0;
  for (const [term, w] of query.features.terms) {
    const id = vocab.id(term);
    const weight = w * vocab.idf(id);
    qNorm2 += weight * weight;
    if (id !== undefined && (vocab.df[id] ?? 0) > 0) q.set(id, weight);
  }
  if (q.size === 0 || qNorm2 === 0) return [];
  const qNorm = Math.sqrt(qNorm2);

  const commonDf = Math.max(50, vocab.docCount * COMMON_SHARE);
  const acc = new Map<StoryEntry, number>();
  // Rarest terms first, within a budget of postings: bounds the latency of long queries on a large
  // index, and the terms left out still count when the short list is re-scored exactly. A query
  // made only of common terms (a short search) scans them all rather than find nothing.
  const byRarity = [...q].filter(([id]) => vocab.df[id]! <= commonDf).sort((a, b) => vocab.df[a[0]]! - vocab.df[b[0]]!);
  let visited = 0;
  for (const [id, w] of byRarity.length ? byRarity : [...q]) {
    const postings = index.postings[id] ?? [];
    if (visited > 0 && visited + postings.length > POSTINGS_BUDGET) continue;
    visited += postings.length;
    const idf = vocab.idf(id);
    for (const s of postings) acc.set(s, (acc.get(s) ?? 0) + (w * idf * s.sums.get(id)!) / s.docs.size);
  }
  // Norms only for the stories with the largest raw overlap: computing them for every story that
  // shares one word would dominate the latency at 100k articles.
  const preselected = topK(
    [...acc].filter(([s]) => !exclude?.has(s.id)),
    PRESELECT,
  );
  const rough = preselected
    .map(([s, dot]) => [s, dot / storyNorm(index, s)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, SHORTLIST);
  const timeSurprise = query.published === null ? null : crowdSurprise(preselected.map(([s]) => s), query.published);

  const entityMass = sumEntityMass(query.features.terms, vocab);
  const maxIdf = vocab.maxIdf();
  return rough.map(([story]) => {
    let dot = 0;
    let ent = 0;
    let rarest = 0;
    let figures = 0;
    const contrib: [number, number][] = [];
    for (const [id, w] of q) {
      const sum = story.sums.get(id);
      if (sum === undefined) continue;
      const idf = vocab.idf(id);
      const c = (w * idf * sum) / story.docs.size;
      dot += c;
      contrib.push([id, c]);
      rarest = Math.max(rarest, idf);
      const term = vocab.terms[id]!;
      if (isEntity(term)) ent += w;
      else if (isFigure(term)) figures++;
    }
    return {
      story,
      cos: dot / (qNorm * storyNorm(index, story)),
      maxDocCos: closestMember(index, story, q, qNorm),
      entities: entityMass > 0 ? ent / entityMass : null,
      rarest: rarest / maxIdf,
      sharedFigures: figures,
      gapDays: query.published === null ? null : nearestGap(story, query.published),
      timeSurprise,
      shared: () => sharedTerms(contrib, index, query.features.display),
    };
  });
}

// Digits, but not a year or a small count ("two", "5 people" are common to many events).
function isFigure(term: string): boolean {
  return /^\d[\d.]*$/.test(term) && !/^(?:1[89]|20)\d\d$/.test(term) && Number(term) >= 10;
}

function isEntity(term: string): boolean {
  return term.startsWith('e:') || term.startsWith('n:');
}

function sumEntityMass(terms: Map<string, number>, vocab: StoryIndex['vocab']): number {
  let m = 0;
  for (const [t, w] of terms) if (isEntity(t)) m += w * vocab.idf(vocab.id(t));
  return m;
}

function storyNorm(index: StoryIndex, s: StoryEntry): number {
  if (s.normAt !== index.vocab.stamp) {
    let n2 = 0;
    s.sums.forEach((id, sum) => {
      const w = (sum / s.docs.size) * index.vocab.idf(id);
      n2 += w * w;
    });
    s.norm = Math.sqrt(n2) || 1;
    s.normAt = index.vocab.stamp;
  }
  return s.norm;
}

function closestMember(index: StoryIndex, s: StoryEntry, q: Map<number, number>, qNorm: number): number {
  let best = 0;
  // Members come in insertion order; a large story drifts, so its latest members are compared.
  let skip = s.docs.size - MAX_MEMBERS_SCANNED;
  for (const d of s.docs) {
    if (skip-- > 0) continue;
    best = Math.max(best, docCos(index, d, q, qNorm));
  }
  return best;
}

function docCos(index: StoryIndex, d: DocEntry, q: Map<number, number>, qNorm: number): number {
  const { vocab } = index;
  if (d.normAt !== vocab.stamp) {
    let n2 = 0;
    for (let i = 0; i < d.termIds.length; i++) {
      const w = d.weights[i]! * vocab.idf(d.termIds[i]);
      n2 += w * w;
    }
    d.norm = Math.sqrt(n2) || 1;
    d.normAt = vocab.stamp;
  }
  let dot = 0;
  for (let i = 0; i < d.termIds.length; i++) {
    const qw = q.get(d.termIds[i]!);
    if (qw !== undefined) dot += qw * d.weights[i]! * vocab.idf(d.termIds[i]);
  }
  return dot / (qNorm * d.norm);
}

/** See Evidence.timeSurprise; measured over the stories that share the query's rarer words. */
function crowdSurprise(stories: readonly StoryEntry[], t: number): number {
  let dated = 0;
  let near = 0;
  for (const s of stories) {
    const gap = s.times.nearest(t);
    if (gap === null) continue;
    dated++;
    if (gap <= CROWD_RADIUS_DAYS * DAY_MS) near++;
  }
  return -Math.log((near + 1) / (dated + 1));
}

function nearestGap(story: StoryEntry, t: number): number | null {
  const gap = story.times.nearest(t);
  return gap === null ? null : gap / DAY_MS;
}


function sharedTerms(contrib: [number, number][], index: StoryIndex, display: Map<string, string>): string[] {
  contrib.sort((a, b) => b[1] - a[1]);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [id] of contrib) {
    const term = index.vocab.terms[id]!;
    const shown = display.get(term) ?? term.replace(/^[en]:/, '');
    const key = shown.toLowerCase();
    // A name shown as an entity already covers its words ("John Kerry" covers "kerry").
    if (seen.has(key) || out.some((o) => o.toLowerCase().split(' ').includes(key))) continue;
    seen.add(key);
    out.push(shown);
    if (out.length >= MAX_SHARED) break;
  }
  return out;
}

/** The k entries with the largest value, in no particular order (quickselect: O(n), not a sort). */
function topK<T>(items: [T, number][], k: number): [T, number][] {
  if (items.length <= k) return items;
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const pivot = items[(lo + hi) >> 1]![1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (items[i]![1] > pivot) i++;
      while (items[j]![1] < pivot) j--;
      if (i <= j) {
        [items[i], items[j]] = [items[j]!, items[i]!];
        i++;
        j--;
      }
    }
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else break;
  }
  return items.slice(0, k);
}
