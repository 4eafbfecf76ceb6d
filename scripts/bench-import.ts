// npm run bench:import -- [--stories N]
// Times a pack import as the options page runs it: the file's text checked whole (JSON, schema),
// then written in one IndexedDB transaction. The budget is 3 s for 10,000 stories in the
// browser; here IndexedDB is fake-indexeddb (pure JS, slower than a browser's), so a time under
// budget here is under budget there too, and a time over it is only a warning.
import 'fake-indexeddb/auto';
import { parseArgs } from 'node:util';
import { openStorylineDB } from '../src/background/db';
import { importPackText } from '../src/background/sources/pack-import';
import type { Pack } from '../src/shared/model';

const { values } = parseArgs({ options: { stories: { type: 'string', default: '10000' } } });
const count = Number(values.stories);
const BUDGET_MS = 3_000;

function bigPack(n: number): Pack {
  const outlets = Array.from({ length: 50 }, (_, i) => ({ id: `o${i}`, name: `Outlet ${i}`, domain: `outlet${i}.example` }));
  return {
    format: 1,
    id: 'bench',
    publisher: 'Bench',
    version: '1',
    updated: '2025-08-16T00:00:00Z',
    categories: [{ id: 'world', name: 'World', actions: [{ id: 'learn', kind: 'learn', title: 'Read up', details: 'Background.' }] }],
    outlets,
    stories: Array.from({ length: n }, (_, s) => ({
      id: `s${s}`,
      title: `Story ${s} about the council vote on budget line ${s % 97}`,
      summary: `What happened in story ${s}, in two sentences. The council met and voted.`,
      categories: ['world'],
      articles: Array.from({ length: 3 }, (_, a) => ({
        id: `s${s}a${a}`,
        url: `https://outlet${(s + a) % 50}.example/news/${s}-${a}`,
        title: `Report ${a} on story ${s}: council vote on budget line ${s % 97}`,
        outlet: `o${(s + a) % 50}`,
        published: new Date(Date.UTC(2025, 7, 1) + s * 60_000).toISOString(),
        excerpt: 'The council voted on the budget after a long debate about libraries and roads.',
        kind: 'report' as const,
      })),
      opinions: [],
      actions: [],
    })),
  };
}

const text = JSON.stringify(bigPack(count));
const database = await openStorylineDB('storyline-bench-import');
const env = { database, fetch: () => Promise.reject(new Error('no network in the benchmark')), now: () => new Date(), packsChanged: async () => undefined };
let lastPercent = -1;
const started = performance.now();
const result = await importPackText(env, text, (done, total) => {
  lastPercent = Math.round((done / total) * 100);
});
const ms = performance.now() - started;
console.log(`imported ${result.stories} stories (${(text.length / 1e6).toFixed(1)} MB) in ${ms.toFixed(0)} ms; last progress ${lastPercent}%`);
console.log(ms <= BUDGET_MS ? `within the ${BUDGET_MS} ms budget` : `over the ${BUDGET_MS} ms budget (fake-indexeddb: check in a browser)`);
database.close();
