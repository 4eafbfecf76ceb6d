// A query's term weights (TF × IDF) by term id, for the lookups scoring makes of them: every term of
// up to 48 members of each of 24 candidates is looked up in the query, once to choose the closest
// members and again to weigh them. A Map lookup per term was the largest part of scoring; a typed
// array indexed by term id is a load. The arrays are scratch shared by every query (scoring is
// synchronous and never nested), filled when a query is scored and cleared after it.

/** The query's terms in the order they were read, with their weights (what iteration needs). */
export interface QueryTerms {
  readonly ids: readonly number[];
  readonly weights: readonly number[];
}

let weightOf = new Float64Array(0);
let titleIdfOf = new Float64Array(0);

/**
 * Term id → the query's weight, 0 where the query lacks the term; and term id → the IDF of the
 * query's headline terms, 0 elsewhere. Both are positive wherever set (a term's TF is a square
 * root of a positive sum, its IDF above 1), so 0 can stand for "absent". Valid until `release`.
 */
export function queryScratch(vocabSize: number): { weightOf: Float64Array; titleIdfOf: Float64Array } {
  if (weightOf.length < vocabSize) {
    weightOf = new Float64Array(Math.max(vocabSize, weightOf.length * 2, 1024));
    titleIdfOf = new Float64Array(weightOf.length);
  }
  return { weightOf, titleIdfOf };
}

/** Clears what a query set (its terms and its headline's), so the scratch is zero again. */
export function releaseQueryScratch(terms: QueryTerms, titleIds: readonly number[]): void {
  for (const id of terms.ids) weightOf[id] = 0;
  for (const id of titleIds) titleIdfOf[id] = 0;
}
