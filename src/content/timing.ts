// Performance marks for the content-script benchmark (npm run bench:content). They exist only in
// the benchmark build: a shipped extension leaves no trace in the page's performance timeline.
declare const __STORYLINE_BENCH__: boolean;

const enabled = typeof __STORYLINE_BENCH__ !== 'undefined' && __STORYLINE_BENCH__;

export function mark(name: string): void {
  if (enabled) performance.mark(`storyline:${name}`);
}

/** Records the time from mark `from` to now as measure `name`, and marks `name` as a new point. */
export function measure(name: string, from: string): void {
  if (!enabled) return;
  performance.mark(`storyline:${name}`);
  performance.measure(`storyline:${name}`, `storyline:${from}`, `storyline:${name}`);
}
