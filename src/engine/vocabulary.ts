// Term ids and document frequencies. Terms are interned to small integers so document vectors are
// typed arrays: at 100k articles, per-document Maps of strings would cost hundreds of megabytes.

/**
 * Pseudo-documents that contain none of the indexed terms. IDF estimated from a handful of articles
 * (a reader with one starter story) says that the words every article shares, "Putin" and
 * "summit", are the least informative ones; counted as if the index sat among this many unrelated
 * articles, a word shared by a few documents stays rare. At tens of thousands of articles the
 * prior moves IDF by a few percent.
 */
const PRIOR_DOCS = 1_000;

/** What a term is: the verifier weighs shared names and figures apart from shared words. */
export const TermKind = {
  Word: 0,
  /** A capitalised phrase or acronym ("e:…"). */
  Name: 1,
  /** A number with its unit or currency ("n:…"). */
  Quantity: 2,
  /** A bare number that is neither a year nor a small count. */
  Figure: 3,
} as const;
export type TermKind = (typeof TermKind)[keyof typeof TermKind];

export function termKind(term: string): TermKind {
  if (term.startsWith('e:')) return TermKind.Name;
  if (term.startsWith('n:')) return TermKind.Quantity;
  // "224000" rarely recurs in another event; "2021" and "5" do.
  if (/^\d[\d.]*$/.test(term) && !/^(?:1[89]|20)\d\d$/.test(term) && Number(term) >= 10) return TermKind.Figure;
  return TermKind.Word;
}

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  /** TermKind of each term. */
  readonly kinds: TermKind[] = [];
  /** Number of indexed documents containing each term. */
  readonly df: number[] = [];
  /** Number of indexed documents. */
  docCount = 0;
  // IDF is read for every posting scanned: cache it per term, keyed by the collection-size stamp,
  // and drop a term's entry whenever its own df changes.
  private idfCache: number[] = [];
  private idfCacheAt: number[] = [];
  /** Changes whenever the collection size has moved enough (~2%) to shift every IDF. */
  stamp = 0;
  private stampAt = 0;

  id(term: string): number | undefined {
    return this.ids.get(term);
  }

  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      // Every per-term array grows by push: writing past the end would make V8 switch the array
      // to a slow sparse representation.
      this.terms.push(term);
      this.kinds.push(termKind(term));
      this.df.push(0);
      this.idfCache.push(0);
      this.idfCacheAt.push(-1);
    }
    return id;
  }

  /** Snapshot load: the vocabulary in id order with its document frequencies. */
  restore(terms: readonly string[], df: ArrayLike<number>, docCount: number): void {
    for (let i = 0; i < terms.length; i++) {
      this.intern(terms[i]!);
      this.df[i] = df[i]!;
    }
    this.docCount = docCount;
    this.stamp++;
    this.stampAt = docCount;
  }

  /** Smoothed IDF; a term never seen counts as seen once, so novel words stay informative. */
  idf(id: number | undefined): number {
    if (id === undefined) return Math.log(this.docCount + PRIOR_DOCS + 1) + 1;
    if (this.idfCacheAt[id] === this.stamp) return this.idfCache[id]!;
    const v = Math.log((this.docCount + PRIOR_DOCS + 1) / ((this.df[id] ?? 0) + 1)) + 1;
    this.idfCache[id] = v;
    this.idfCacheAt[id] = this.stamp;
    return v;
  }

  /** Records a document containing (delta 1) or no longer containing (delta -1) the term. */
  count(id: number, delta: number): void {
    this.df[id] = (this.df[id] ?? 0) + delta;
    this.idfCacheAt[id] = -1;
  }

  /** Records a document added or removed from the collection. */
  countDoc(delta: number): void {
    this.docCount += delta;
    const n = this.docCount;
    if (n < 50 || Math.abs(n - this.stampAt) > this.stampAt * 0.02) {
      this.stamp++;
      this.stampAt = n;
    }
  }

  /** The largest IDF any term can have now: scales "how rare is the rarest shared term". */
  maxIdf(): number {
    return Math.log(this.docCount + PRIOR_DOCS + 1) + 1;
  }
}
