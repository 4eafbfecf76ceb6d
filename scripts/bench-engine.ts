// npm run bench:engine -- [--data DIR] [--json] [--sizes 1000,10000,100000] [--queries 1000]
// Build time, snapshot size and load time, p50/p99 match latency and heap at each index size.
// The pool is every article of every file in DIR, shuffled with seed 1. Sizes beyond the pool are
// reached by replicating it: replica k gets ids and story ids suffixed "~k" and dates moved by k×400
// days (undated stay undated), so replicas are distinct stories of another time with the same words,
// a worst case for candidate lists. Queries are pool articles not in the index (same replica trick).
// Latency is reported as wall time and as the process's CPU time per query.
import v8 from 'node:v8';
import { parseArgs } from 'node:util';
import { StoryIndex } from '../src/engine/index';
import type { EngineDoc } from '../src/engine/types';
import { DEFAULT_DATA_DIR, dataDirOrExit, listFiles, loadFile, shuffled, toDoc, type Row } from './lib/dataset';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: DEFAULT_DATA_DIR },
    json: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '1000,10000,100000' },
    queries: { type: 'string', default: '1000' },
  },
});
const DAY_MS = 86_400_000;
const pool = shuffled(listFiles(dataDirOrExit('bench:engine', values.data, 'skip')).flatMap((f) => loadFile(f).rows), 1);
const gc = (globalThis as { gc?: () => void }).gc;

function replica(r: Row, k: number): [string, EngineDoc] {
  const doc = toDoc(r, true, k ? `${k}~` : '');
  if (k && doc.published != null) doc.published += k * 400 * DAY_MS;
  return [k ? `${r.story}~${k}` : r.story, doc];
}

function* articles(): Generator<[string, EngineDoc]> {
  for (let k = 0; ; k++) for (const r of pool) yield replica(r, k);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

const results = [];
for (const size of values.sizes.split(',').map(Number)) {
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new StoryIndex();
  const t0 = performance.now();
  const it = articles();
  for (let i = 0; i < size; i++) {
    const [story, doc] = it.next().value as [string, EngineDoc];
    index.addArticle(story, doc);
  }
  const buildMs = performance.now() - t0;
  gc?.();
  const heapBytes = process.memoryUsage().heapUsed - heapBefore;

  const snapshot = index.toSnapshot();
  // Its size as IndexedDB would store it: V8's structured-clone serialisation.
  const bytes = v8.serialize(snapshot).length;
  const cloned = structuredClone(snapshot);
  const t1 = performance.now();
  const loaded = StoryIndex.fromSnapshot(cloned);
  const snapshotLoadMs = performance.now() - t1;
  if (!loaded || loaded.articleCount !== index.articleCount) throw new Error('snapshot round trip failed');

  // Queries: articles that are not in the index (the next replica of random pool rows).
  const nQueries = Number(values.queries);
  const nextReplica = Math.floor(size / pool.length) + 1;
  const queries = shuffled(pool, 2).slice(0, nQueries).map((r) => replica(r, nextReplica)[1]);
  for (const q of queries.slice(0, 200)) index.match(q); // warm-up (JIT)
  // Wall time, and the process's CPU time per query: on a shared machine the wall-clock tail is
  // mostly time spent waiting for a core, which the CPU figure leaves out.
  const cpu: number[] = [];
  const times = queries.map((q) => {
    const c = process.cpuUsage();
    const s = performance.now();
    index.match(q);
    const wall = performance.now() - s;
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    return wall;
  });
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const row = {
    articles: size,
    stories: index.storyCount,
    buildMs: Math.round(buildMs),
    snapshotBytes: bytes,
    snapshotLoadMs: Math.round(snapshotLoadMs * 10) / 10,
    p50Ms: Math.round(percentile(times, 0.5) * 1000) / 1000,
    p99Ms: Math.round(percentile(times, 0.99) * 1000) / 1000,
    p50CpuMs: Math.round(percentile(cpu, 0.5) * 1000) / 1000,
    p99CpuMs: Math.round(percentile(cpu, 0.99) * 1000) / 1000,
    heapBytes,
  };
  results.push(row);
  if (values.json) console.log(JSON.stringify(row));
}
if (!values.json) {
  console.log(`pool ${pool.length} articles${gc ? '' : ' (run with --expose-gc for heap figures)'}`);
  console.table(results);
}
