// A story centroid's term sums as two sorted typed arrays: term id → sum of member weights.
// At 10k stories a snapshot load builds over a million (story, term) entries; typed arrays filled
// in one pass cost a fraction of as many Map insertions, and a binary search over a story's
// hundred-odd terms is as fast as a Map lookup.

export class TermSums {
  private ids: Int32Array;
  private vals: Float64Array;
  size = 0;

  constructor(capacity = 16) {
    this.ids = new Int32Array(capacity);
    this.vals = new Float64Array(capacity);
  }

  /** From term ids sorted ascending and their sums (taken over, not copied). */
  static fromSorted(ids: Int32Array, vals: Float64Array): TermSums {
    const s = new TermSums(0);
    s.ids = ids;
    s.vals = vals;
    s.size = ids.length;
    return s;
  }

  get(id: number): number | undefined {
    const i = this.find(id);
    return i >= 0 ? this.vals[i] : undefined;
  }

  /** Adds weight to a term; true when the term is new to the story. */
  add(id: number, w: number): boolean {
    const i = this.find(id);
    if (i >= 0) {
      this.vals[i]! += w;
      return false;
    }
    const at = ~i;
    if (this.size === this.ids.length) this.grow();
    this.ids.copyWithin(at + 1, at, this.size);
    this.vals.copyWithin(at + 1, at, this.size);
    this.ids[at] = id;
    this.vals[at] = w;
    this.size++;
    return true;
  }

  /** Takes weight off a term, dropping it at (float) zero; true when the term left the story. */
  subtract(id: number, w: number): boolean {
    const i = this.find(id);
    if (i < 0) return false;
    const left = this.vals[i]! - w;
    // Sums of float32 weights do not return to exactly zero.
    if (left > 1e-6) {
      this.vals[i] = left;
      return false;
    }
    this.ids.copyWithin(i, i + 1, this.size);
    this.vals.copyWithin(i, i + 1, this.size);
    this.size--;
    return true;
  }

  forEach(fn: (id: number, sum: number) => void): void {
    for (let i = 0; i < this.size; i++) fn(this.ids[i]!, this.vals[i]!);
  }

  /** Index of id, or the bitwise complement of its insertion point. */
  private find(id: number): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.ids[mid]!;
      if (v < id) lo = mid + 1;
      else if (v > id) hi = mid - 1;
      else return mid;
    }
    return ~lo;
  }

  private grow(): void {
    const cap = Math.max(16, this.ids.length * 2);
    const ids = new Int32Array(cap);
    const vals = new Float64Array(cap);
    ids.set(this.ids.subarray(0, this.size));
    vals.set(this.vals.subarray(0, this.size));
    this.ids = ids;
    this.vals = vals;
  }
}
