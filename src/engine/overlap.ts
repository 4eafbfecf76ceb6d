// How much of a query one candidate story states, and how much of the story the query states,
// measured several ways: the verifier (verifier.ts) needs more than one cosine to tell a report of
// the same event from another report on the same topic. A same-event report repeats what the
// story's headlines say happened and what all its members agree on; a same-topic report shares
// the names but not the rest.
import type { StoryIndex } from './story-index';
import type { DocEntry, StoryEntry } from './story-entry';
import { TermKind } from './vocabulary';

/** The query's headline terms with their IDF. */
export interface TitleVector {
  /** The headline's terms the index knows. */
  ids: number[];
  /** Term id → its IDF for those terms, 0 for the others (query-weights.ts). */
  idfOf: Float64Array;
  /** Norm of the IDF vector, words the index never saw included. */
  norm: number;
  /** Sum of the IDFs: the headline's information, words the index never saw included. */
  mass: number;
}

/** Evidence averaged over the story's members closest to the query (see `closestMembers`). */
export interface MemberEvidence {
  /** IDF-weighted cosine between the query's headline terms and a member's. */
  titleCos: number;
  /** Share of a member's headline (IDF mass) that the query mentions anywhere. */
  storyTitleInQuery: number;
  /** Share of the query's headline (IDF mass) that a member mentions anywhere. */
  titleInStory: number;
  /** Share of the query's vector (by squared weight) on a member's terms. */
  queryCover: number;
  /** Share of a member's vector (by squared weight) on the query's terms. */
  storyCover: number;
  /** Share of the query's name-and-quantity weight (IDF) that a member names too; null when the query names none. */
  entities: number | null;
  /** Share of a member's name-and-quantity weight that the query names too; null when no member names any. */
  storyEntities: number | null;
  /** TF-IDF cosine between the query and a member. */
  memberCos: number;
  /** The best of those cosines. */
  maxDocCos: number;
  /** IDF of the rarest term the query shares with any member, over the largest possible IDF. */
  rarest: number;
  /** Figures (numbers other than years and small counts) the query shares with any member. */
  sharedFigures: number;
}

// Member evidence (and the consensus, consensus.ts) is read from the three members closest to the
// query. Averages over members keep the evidence comparable between the stories of one to three
// articles the verifier is calibrated on and the stories of fifty articles a feed builds: a share
// of a centroid shrinks as members add terms and a share of the union of their terms grows, but
// an average over three members stays an average over three. Choosing the three closest does
// favour a large story somewhat (more members to choose from), which is also what a reader
// expects: a report that closely repeats three reports of a running story belongs to it.
const MAX_AVERAGED = 3;

export function queryTitle(index: StoryIndex, terms: ReadonlySet<string>, idfOf: Float64Array): TitleVector {
  const ids: number[] = [];
  let n2 = 0;
  let mass = 0;
  for (const t of terms) {
    const id = index.vocab.id(t);
    const w = index.vocab.idf(id);
    n2 += w * w;
    mass += w;
    // A headline word the index has never seen still counts in the norm and mass: it is
    // something no stored headline says.
    if (id !== undefined) {
      ids.push(id);
      idfOf[id] = w;
    }
  }
  return { ids, idfOf, norm: Math.sqrt(n2), mass };
}

// How many of a story's latest members are considered when choosing the closest ones: bounds the
// latency on very large stories.
const MAX_CONSIDERED = 48;

/**
 * The story's members closest to the query (TF-IDF cosine), at most MAX_AVERAGED, chosen among its
 * latest MAX_CONSIDERED. A large story covers many turns of one event; a new report continues one
 * of them, so it is judged against the reports it resembles, not against whichever came last.
 */
export function closestMembers(index: StoryIndex, s: StoryEntry, weightOf: Float64Array): DocEntry[] {
  if (s.docs.size <= MAX_AVERAGED) return [...s.docs];
  const scored: [DocEntry, number][] = [];
  let skip = s.docs.size - MAX_CONSIDERED;
  for (const d of s.docs) {
    if (skip-- > 0) continue;
    // The query's norm is the same for every member: the order needs none.
    scored.push([d, memberCosine(index, d, weightOf, 1)]);
  }
  scored.sort((a, b) => b[1] - a[1]);
  return scored.slice(0, MAX_AVERAGED).map(([d]) => d);
}

/**
 * TF-IDF cosine between the query (`weightOf`: its weights by term id, see query-weights.ts; `qNorm`
 * their norm) and one member; 0 for a member with no weight.
 */
export function memberCosine(index: StoryIndex, d: DocEntry, weightOf: Float64Array, qNorm: number): number {
  let n2 = 0;
  let dot = 0;
  for (let i = d.start; i < d.end; i++) {
    const t = d.termIds[i]!;
    const w = d.weights[i]! * index.vocab.idf(t);
    n2 += w * w;
    const qw = weightOf[t]!;
    if (qw !== 0) dot += qw * w;
  }
  return n2 > 0 ? dot / (qNorm * Math.sqrt(n2)) : 0;
}

/**
 * Headline, coverage and name evidence, each measured between the query and one member, averaged
 * over `members` (`qEntMass` is the query's name-and-quantity weight). Outlets word headlines
 * differently, but a report of the same event states, somewhere in its title or lead, what the
 * other headlines say happened; a report on the same person or place shares the names, not the
 * rest.
 */
export function memberEvidence(index: StoryIndex, members: readonly DocEntry[], title: TitleVector, weightOf: Float64Array, qNorm: number, qEntMass: number): MemberEvidence {
  const { vocab } = index;
  const { idfOf } = title;
  const sum = { titleCos: 0, storyTitleInQuery: 0, titleInStory: 0, queryCover: 0, storyCover: 0, entities: 0, storyEntities: 0, memberCos: 0 };
  let named = 0;
  let maxDocCos = 0;
  let rarest = 0;
  const figures = new Set<number>();
  for (const d of members) {
    let n2 = 0;
    let q2 = 0;
    let d2 = 0;
    let ent = 0;
    let entShared = 0;
    let tn2 = 0;
    let tDot = 0;
    let tMass = 0;
    let tCovered = 0;
    let titleIn = 0;
    let qEnt = 0;
    let dot = 0;
    const titleEnd = d.start + d.titleLen;
    for (let i = d.start; i < d.end; i++) {
      const t = d.termIds[i]!;
      const idf = vocab.idf(t);
      const w = d.weights[i]! * idf;
      const qw = weightOf[t]!;
      const isName = isNameOrQuantity(vocab.kinds[t]);
      n2 += w * w;
      if (isName) ent += w;
      if (qw !== 0) {
        q2 += qw * qw;
        d2 += w * w;
        dot += qw * w;
        rarest = Math.max(rarest, idf);
        if (vocab.kinds[t] === TermKind.Figure) figures.add(t);
        if (isName) {
          entShared += w;
          qEnt += qw;
        }
      }
      const tw = idfOf[t]!;
      if (tw !== 0) titleIn += tw;
      // A member's title terms lead its term list (StoryIndex.addArticle).
      if (i < titleEnd) {
        tn2 += idf * idf;
        tMass += idf;
        if (tw !== 0) tDot += idf * idf;
        if (qw !== 0) tCovered += idf;
      }
    }
    sum.titleCos += tn2 > 0 && title.norm > 0 ? tDot / (title.norm * Math.sqrt(tn2)) : 0;
    sum.storyTitleInQuery += tMass > 0 ? tCovered / tMass : 0;
    sum.titleInStory += title.mass > 0 ? titleIn / title.mass : 0;
    sum.queryCover += qNorm > 0 ? Math.sqrt(q2) / qNorm : 0;
    sum.storyCover += n2 > 0 ? Math.sqrt(d2 / n2) : 0;
    if (ent > 0) {
      sum.storyEntities += entShared / ent;
      named++;
    }
    sum.entities += qEntMass > 0 ? qEnt / qEntMass : 0;
    const cos = n2 > 0 && qNorm > 0 ? dot / (qNorm * Math.sqrt(n2)) : 0;
    sum.memberCos += cos;
    maxDocCos = Math.max(maxDocCos, cos);
  }
  const n = members.length || 1;
  return {
    titleCos: sum.titleCos / n,
    storyTitleInQuery: sum.storyTitleInQuery / n,
    titleInStory: sum.titleInStory / n,
    queryCover: sum.queryCover / n,
    storyCover: sum.storyCover / n,
    entities: qEntMass > 0 ? sum.entities / n : null,
    storyEntities: named > 0 ? sum.storyEntities / named : null,
    memberCos: sum.memberCos / n,
    maxDocCos,
    rarest: rarest / vocab.maxIdf(),
    sharedFigures: figures.size,
  };
}

export function isNameOrQuantity(kind: number | undefined): boolean {
  return kind === TermKind.Name || kind === TermKind.Quantity;
}

/** The centroid's norm under IDF (cached until the IDFs move). */
export function storyNorm(index: StoryIndex, s: StoryEntry): number {
  if (s.normAt !== index.vocab.stamp) {
    let n2 = 0;
    s.sums.forEach((id, sum) => {
      const w = (sum / s.size) * index.vocab.idf(id);
      n2 += w * w;
    });
    s.norm = Math.sqrt(n2) || 1;
    s.normAt = index.vocab.stamp;
  }
  return s.norm;
}
