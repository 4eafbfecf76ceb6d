// Linear-time checks for parsers and cleaners of untrusted text. A function is run on an input of
// size n and of size 4n; a linear one takes about 4× the time, a quadratic one 16×. The median of a
// few runs is compared (not an absolute time, which would depend on the machine and its load), and a
// ratio above the limit is measured again before it fails, so one busy moment cannot fail it.
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A collection before each sample, so garbage left by one sample is not paid for by the next (the
// larger input leaves more of it, which alone can look superlinear).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Well above linear (4) and its noise, well below quadratic (16). */
export const GROWTH_LIMIT = 10;
/** A ratio over the limit is measured again up to this many times in all: a quadratic fails every one. */
const ATTEMPTS = 3;
const RUNS = 3;
/** Each sample runs at least this long, so the clock's resolution is far below the measure. */
const MIN_SAMPLE_MS = 5;

/**
 * CPU time of this process in ms, not wall time: with other processes on the machine, time spent
 * waiting for a core would count against whichever input was running.
 */
function cpuTime(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
}

/** Worst ratio seen in this process, per target: printed for docs/reliability.md. */
export const worstRatios = new Map<string, number>();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median time of `reps` back-to-back runs, over a few samples. */
function timeOf<T>(run: (input: T) => unknown, input: T, reps: number): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    collect();
    const start = cpuTime();
    for (let r = 0; r < reps; r++) run(input);
    samples.push(cpuTime() - start);
  }
  return median(samples);
}

/** Enough repetitions for the small input to take MIN_SAMPLE_MS: timer noise then stays small. */
function repetitions<T>(run: (input: T) => unknown, input: T): number {
  let reps = 1;
  while (reps < 4_096) {
    const start = cpuTime();
    for (let r = 0; r < reps; r++) run(input);
    if (cpuTime() - start >= MIN_SAMPLE_MS) break;
    reps *= 2;
  }
  return reps;
}

/** Time of `run` on make(4n) over its time on make(n), both repeated the same number of times. */
export function growthRatio<T>(run: (input: T) => unknown, make: (n: number) => T, n: number): number {
  const small = make(n);
  const large = make(4 * n);
  run(large);
  const reps = repetitions(run, small);
  return timeOf(run, large, reps) / timeOf(run, small, reps);
}

/**
 * Asserts that `run` grows linearly on every input shape: `shapes` maps a name to a maker of an
 * input of about n characters (or items).
 */
export function assertLinear<T>(target: string, run: (input: T) => unknown, shapes: Record<string, (n: number) => T>, n: number): void {
  for (const [shape, make] of Object.entries(shapes)) {
    let ratio = growthRatio(run, make, n);
    for (let attempt = 1; attempt < ATTEMPTS && ratio >= GROWTH_LIMIT; attempt++) ratio = Math.min(ratio, growthRatio(run, make, n));
    worstRatios.set(target, Math.max(worstRatios.get(target) ?? 0, ratio));
    assert.ok(ratio < GROWTH_LIMIT, `${target} on ${shape}: 4× the input took ${ratio.toFixed(1)}× the time (linear is 4×)`);
  }
}

/** `unit` repeated to about n characters. */
export const repeat = (unit: string) => (n: number): string => unit.repeat(Math.max(1, Math.ceil(n / unit.length)));

/** Prints the worst ratios once the file's tests are done (node:test shows it as a diagnostic). */
export function reportRatios(print: (line: string) => void): void {
  for (const [target, ratio] of worstRatios) print(`growth ${target}: worst 4n/n time ratio ${ratio.toFixed(2)}`);
}

/**
 * The same check for work that is awaited (an import into IndexedDB). `prepare` makes what one run
 * needs outside the measure (a fresh database); `run` is timed in CPU time, the median of RUNS.
 * The input for n is large enough that a run takes tens of milliseconds: no repetitions needed.
 */
export async function assertLinearAsync<T, P>(
  target: string,
  prepare: () => Promise<P>,
  run: (prepared: P, input: T) => Promise<unknown>,
  shapes: Record<string, (n: number) => T>,
  n: number,
): Promise<void> {
  const timeOfAsync = async (input: T): Promise<number> => {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const prepared = await prepare();
      collect();
      const start = cpuTime();
      await run(prepared, input);
      samples.push(cpuTime() - start);
    }
    return median(samples);
  };
  for (const [shape, make] of Object.entries(shapes)) {
    const small = make(n);
    const large = make(4 * n);
    await run(await prepare(), large);
    let ratio = Infinity;
    for (let attempt = 0; attempt < ATTEMPTS && ratio >= GROWTH_LIMIT; attempt++) ratio = Math.min(ratio, (await timeOfAsync(large)) / (await timeOfAsync(small)));
    worstRatios.set(target, Math.max(worstRatios.get(target) ?? 0, ratio));
    assert.ok(ratio < GROWTH_LIMIT, `${target} on ${shape}: 4× the input took ${ratio.toFixed(1)}× the time (linear is 4×)`);
  }
}
