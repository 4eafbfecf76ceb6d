// The own-words check: a pack whose summaries, digests and action texts are "in our own words"
// repeats no run of 8 words of the pages it was built from. Headlines are facts and exempt.

/**
 * Lower-cased words with punctuation stripped. Words are separated by white space and by en/em
 * dashes (used unspaced in the seeds: "talks—or"); a hyphenated word or a URL stays one word.
 */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s\u2013\u2014]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
}

const RUN = 8;
const runs = (ws: string[]): string[] => ws.slice(0, Math.max(0, ws.length - RUN + 1)).map((_, i) => ws.slice(i, i + RUN).join(' '));

/**
 * Every run of 8 words in the pack's text that also stands in a source text, with the field it
 * is in. Article titles are exempt: headlines are facts. Each string field is checked on its own.
 */
export function copiedRuns(pack: unknown, sourceTexts: readonly string[]): { path: string; run: string }[] {
  const sourceRuns = new Set(sourceTexts.flatMap((t) => runs(words(t))));
  const found: { path: string; run: string }[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      for (const run of runs(words(value))) if (sourceRuns.has(run)) found.push({ path, run });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        if (!(k === 'title' && /\.articles\[\d+\]$/.test(path))) walk(v, path ? `${path}.${k}` : k);
      }
    }
  };
  walk(pack, '');
  return found;
}
