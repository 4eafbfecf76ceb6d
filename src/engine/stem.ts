// Stemming with the maintained Porter implementation from the `stemmer` package (English news is
// the data we are calibrated on). Words in other scripts, numbers and short words pass through
// unchanged: Porter rules would only mangle them. A bounded cache keeps repeated words cheap.
import { stemmer } from 'stemmer';

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

export function stem(norm: string): string {
  if (norm.length <= 3 || !isLowerAscii(norm)) return norm;
  let s = cache.get(norm);
  if (s === undefined) {
    s = stemmer(norm);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(norm, s);
  }
  return s;
}

/** What /^[a-z]+$/ matches (on a non-empty string), by character code: stem is asked of every word. */
function isLowerAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}
