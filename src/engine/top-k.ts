// Choosing the best few of many scored entries without sorting them all: the candidate stories a
// query's retrieval reached (scoring.ts) are cut to a preselection and then a short list for every
// article the stream clusterer takes in and every page matched.

/**
 * The k entries with the largest value, largest first, the earlier of equal ones first: what a
 * stable sort then slice(0, k) answers, without sorting the whole list (a list of 150 sorted for
 * every article the clusterer takes in).
 */
export function shortlist<T>(items: readonly [T, number][], k: number): [T, number][] {
  const out: [T, number][] = [];
  for (const item of items) {
    if (out.length === k && !(item[1] > out[k - 1]![1])) continue;
    let i = out.length;
    // Past the equal ones already in: the earlier stays first.
    while (i > 0 && out[i - 1]![1] < item[1]) i--;
    out.splice(i, 0, item);
    if (out.length > k) out.pop();
  }
  return out;
}

/** The k entries with the largest value, in no particular order (quickselect: O(n), not a sort). */
export function topK<T>(items: [T, number][], k: number): [T, number][] {
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
