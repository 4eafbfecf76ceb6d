// A story's publication times, sorted so the gap to a new article is a binary search even for
// stories with hundreds of members.

export class Timeline {
  readonly times: number[] = [];

  add(t: number): void {
    this.times.splice(lowerBound(this.times, t), 0, t);
  }

  remove(t: number): void {
    const i = lowerBound(this.times, t);
    if (this.times[i] === t) this.times.splice(i, 1);
  }

  /** Distance from t to the nearest time, or null when empty. */
  nearest(t: number): number | null {
    if (!this.times.length) return null;
    const i = lowerBound(this.times, t);
    const after = this.times[i];
    const before = this.times[i - 1];
    return Math.min(after === undefined ? Infinity : after - t, before === undefined ? Infinity : t - before);
  }
}

function lowerBound(a: readonly number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
