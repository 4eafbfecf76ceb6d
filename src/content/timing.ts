// Marks in the page's performance timeline, in instrumented builds only (npm run build's
// build/e2e, used by the e2e suite, and the benchmark build): a shipped extension leaves no
// trace there.
// - Timing marks and measures for the content-script benchmark (npm run bench:content).
// - The outcome of the extension's look at the page (`storyline:outcome:<outcome>`), which the e2e
//   tests wait on instead of sleeping. The timeline is chosen because it adds nothing the extension
//   could otherwise be seen by: no message (the gate must send nothing on a page that is not an
//   article, test/e2e/gate.test.ts), no DOM node or attribute, no console line; the isolated world
//   and the page share one timeline in both browsers, so the test reads it from the page.
declare const __STORYLINE_BENCH__: boolean;

const enabled = typeof __STORYLINE_BENCH__ !== 'undefined' && __STORYLINE_BENCH__;

/**
 * How a look at the page ended: switched off on the site, not an article, an article no stored
 * story matches, matched (the launcher, or the badge alone with the side panel chosen), or a failure
 * of ours (also sent to the background's problem log).
 */
export type Outcome = 'off' | 'not-article' | 'no-match' | 'matched' | 'error';

export function mark(name: string): void {
  if (enabled) performance.mark(`storyline:${name}`);
}

/** Records the time from mark `from` to now as measure `name`, and marks `name` as a new point. */
export function measure(name: string, from: string): void {
  if (!enabled) return;
  performance.mark(`storyline:${name}`);
  performance.measure(`storyline:${name}`, `storyline:${from}`, `storyline:${name}`);
}

/** Marks how this look at the page ended (after what the reader sees of it is in place). */
export function outcome(kind: Outcome): void {
  mark(`outcome:${kind}`);
}
