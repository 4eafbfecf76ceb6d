// What a story's members agree on, and whether the query says it too: the terms two reports of one
// event both carry are that event's core (who, where, what happened), so a report of the same
// event repeats most of them and a report on the same topic only some.
import type { StoryIndex } from './story-index';
import type { DocEntry } from './story-entry';

// Term id → 1 while a member's terms are being intersected; reset after each member, so one
// scratch array serves every query instead of a Set per member pair.
let marks = new Uint8Array(0);

/**
 * For each pair of members, the share (IDF mass) of the terms both carry that the query also
 * carries; the mean over pairs. A mean over pairs does not grow or shrink with the story's size (a union or intersection over
 * all members would), so small and large stories are judged alike. A one-member story is judged
 * on its member's terms.
 */
export function consensusCover(index: StoryIndex, members: readonly DocEntry[], weightOf: Float64Array): number {
  if (marks.length < index.vocab.terms.length) marks = new Uint8Array(index.vocab.terms.length * 2);
  if (members.length === 1) return sharedShare(index, members[0]!, weightOf, null) ?? 0;
  let total = 0;
  let pairs = 0;
  for (let a = 0; a < members.length; a++) {
    const da = members[a]!;
    for (let i = da.start; i < da.end; i++) marks[da.termIds[i]!] = 1;
    for (let b = a + 1; b < members.length; b++) {
      const share = sharedShare(index, members[b]!, weightOf, marks);
      if (share !== null) {
        total += share;
        pairs++;
      }
    }
    for (let i = da.start; i < da.end; i++) marks[da.termIds[i]!] = 0;
  }
  return pairs > 0 ? total / pairs : 0;
}

/** Share (IDF mass) of a member's terms (only the marked ones, when given) found in the query (`weightOf`: query-weights.ts). */
function sharedShare(index: StoryIndex, d: DocEntry, weightOf: Float64Array, only: Uint8Array | null): number | null {
  let mass = 0;
  let covered = 0;
  for (let i = d.start; i < d.end; i++) {
    const t = d.termIds[i]!;
    if (only && only[t] !== 1) continue;
    const w = index.vocab.idf(t);
    mass += w;
    if (weightOf[t] !== 0) covered += w;
  }
  return mass > 0 ? covered / mass : only ? null : 0;
}
