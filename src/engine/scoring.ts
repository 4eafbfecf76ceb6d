// Candidate stories for a query and the evidence about each. Retrieval scores stories on the
// query's rarer terms through the inverted index, re-scores a short list by exact centroid cosine
// (the ranking of free-text search), and gathers the evidence the verifier (verifier.ts) weighs:
// overlap with the members closest to the query (overlap.ts) and the time gap.
import type { DocFeatures } from './features';
import type { StoryIndex } from './story-index';
import type { StoryEntry } from './story-entry';
import type { MemberEvidence } from './overlap';
import { termKind } from './vocabulary';
import { closestMembers, isNameOrQuantity, memberEvidence, queryTitle, storyNorm, type TitleVector } from './overlap';
import { queryScratch, releaseQueryScratch, type QueryTerms } from './query-weights';
import { consensusCover } from './consensus';
import { shortlist, topK } from './top-k';

export interface Query {
  features: DocFeatures;
  /** ms epoch, or null when unknown or when time must not count (free-text search). */
  published: number | null;
}

/** What is known about one candidate story; the member averages are described in overlap.ts. */
export interface Evidence extends MemberEvidence {
  story: StoryEntry;
  /**
   * Cosine with the story centroid, TF-IDF weighted: orders free-text search, not read by the
   * verifier, so made only when asked (a lookup per query term in the story's sums, for every
   * candidate of every article the stream clusterer takes in).
   */
  cos: () => number;
  /** Mean over member pairs of the share of what both members say that the query says too. */
  consensusCover: number;
  /** The query has text beside its headline (same for all candidates). */
  queryHasText: boolean;
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

// Marks the stories a query's retrieval reached (StoryEntry.accAt): their rough scores live on the
// stories themselves rather than in a Map per query.
let queryStamp = 0;

export function scoreCandidates(index: StoryIndex, query: Query, exclude?: ReadonlySet<string>): Evidence[] {
  const { vocab } = index;
  const { weightOf, titleIdfOf } = queryScratch(vocab.terms.length);
  const ids: number[] = [];
  const weights: number[] = [];
  const q: QueryTerms = { ids, weights };
  let qNorm2 = 0;
  // The query's name-and-quantity weight (a term's kind is its vocabulary's kind when it has an
  // id: both are termKind of the same string).
  let entityMass = 0;
  for (const [term, w] of query.features.terms) {
    const id = vocab.id(term);
    const weight = w * vocab.idf(id);
    qNorm2 += weight * weight;
    if (isNameOrQuantity(id === undefined ? termKind(term) : vocab.kinds[id])) entityMass += weight;
    if (id !== undefined && (vocab.df[id] ?? 0) > 0) {
      ids.push(id);
      weights.push(weight);
      weightOf[id] = weight;
    }
  }
  const title = queryTitle(index, query.features.titleTerms, titleIdfOf);
  try {
    if (ids.length === 0 || qNorm2 === 0) return [];
    return scoreWith(index, query, exclude, { q, qNorm: Math.sqrt(qNorm2), entityMass, title, weightOf });
  } finally {
    releaseQueryScratch(q, title.ids);
  }
}

interface Scored {
  q: QueryTerms;
  qNorm: number;
  entityMass: number;
  title: TitleVector;
  weightOf: Float64Array;
}

function scoreWith(index: StoryIndex, query: Query, exclude: ReadonlySet<string> | undefined, { q, qNorm, entityMass, title, weightOf }: Scored): Evidence[] {
  const { vocab } = index;
  const { ids, weights } = q;
  const commonDf = Math.max(50, vocab.docCount * COMMON_SHARE);
  const stamp = ++queryStamp;
  const reached: StoryEntry[] = [];
  // Rarest terms first, within a budget of postings: bounds the latency of long queries on a large
  // index, and the terms left out still count when the short list is re-scored exactly. A query
  // made only of common terms (a short search) scans them all rather than find nothing.
  const all = ids.map((_, i) => i);
  const byRarity = all.filter((i) => vocab.df[ids[i]!]! <= commonDf).sort((a, b) => vocab.df[ids[a]!]! - vocab.df[ids[b]!]!);
  let visited = 0;
  for (const i of byRarity.length ? byRarity : all) {
    const id = ids[i]!;
    const w = weights[i]!;
    const postings = index.postings[id] ?? [];
    if (visited > 0 && visited + postings.length > POSTINGS_BUDGET) continue;
    visited += postings.length;
    const idf = vocab.idf(id);
    for (const s of postings) {
      if (s.accAt !== stamp) {
        // First reached: in the order a Map would have kept it.
        s.accAt = stamp;
        s.acc = 0;
        reached.push(s);
      }
      s.acc = s.acc + (w * idf * s.sums.get(id)!) / s.size;
    }
  }
  // Norms only for the stories with the largest raw overlap: computing them for every story that
  // shares one word would dominate the latency at 100k articles.
  const preselected = topK(
    reached.filter((s) => !exclude?.has(s.id)).map((s): [StoryEntry, number] => [s, s.acc]),
    PRESELECT,
  );
  const rough = shortlist(preselected.map(([s, dot]) => [s, dot / storyNorm(index, s)]), SHORTLIST);
  const timeSurprise = query.published === null ? null : crowdSurprise(preselected.map(([s]) => s), query.published);

  return rough.map(([story]) => {
    const members = closestMembers(index, story, weightOf);
    return {
      story,
      cos: () => centroidCos(index, story, q, qNorm),
      ...memberEvidence(index, members, title, weightOf, qNorm, entityMass),
      consensusCover: consensusCover(index, members, weightOf),
      queryHasText: query.features.hasText,
      gapDays: query.published === null ? null : nearestGap(story, query.published),
      timeSurprise,
      shared: () => sharedTerms(index, story, q, query.features.display),
    };
  });
}

/** Exact centroid cosine (Evidence.cos): the rough score of retrieval saw only the query's rarer terms. */
function centroidCos(index: StoryIndex, story: StoryEntry, { ids, weights }: QueryTerms, qNorm: number): number {
  let dot = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const sum = story.sums.get(id);
    if (sum !== undefined) dot += (weights[i]! * index.vocab.idf(id) * sum) / story.size;
  }
  return dot / (qNorm * storyNorm(index, story));
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


/** A shown term compared as its words are: lower case, a currency sign aside ("$6" is "6"). */
const bare = (shown: string): string => shown.toLowerCase().replace(/[$€£¥]/g, '');
const wordsOf = (shown: string): string[] => bare(shown).split(' ');

/** Shared terms for display, by their contribution to the centroid cosine. */
function sharedTerms(index: StoryIndex, story: StoryEntry, q: QueryTerms, display: Map<string, string>): string[] {
  const contrib: [number, number][] = [];
  for (let i = 0; i < q.ids.length; i++) {
    const id = q.ids[i]!;
    const sum = story.sums.get(id);
    if (sum !== undefined) contrib.push([id, q.weights[i]! * index.vocab.idf(id) * sum]);
  }
  contrib.sort((a, b) => b[1] - a[1]);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [id] of contrib) {
    const term = index.vocab.terms[id]!;
    const shown = display.get(term) ?? term.replace(/^[en]:/, '');
    const key = bare(shown);
    // A name or an amount shown already covers its words ("John Kerry" covers "kerry", "$6 trillion" "trillion").
    if (seen.has(key) || out.some((o) => wordsOf(o).includes(key))) continue;
    seen.add(key);
    // And one shown now covers those shown before it: "trillion", "$6", then "6 trillion" is one.
    const covers = wordsOf(shown);
    for (let i = out.length - 1; i >= 0; i--) if (covers.length > 1 && covers.includes(bare(out[i]!))) out.splice(i, 1);
    out.push(shown);
    if (out.length >= MAX_SHARED) break;
  }
  return out;
}
