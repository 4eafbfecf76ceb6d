// npm run bench:first-story -- [--runs 3] [--items 50] [--latency 100] [--stall 0] [--stall-ms 30000] [--no-build | --dist DIR]
// The reader's first minute, timed in Chromium: a fresh profile opens the welcome page, the reader
// takes the directory's recommended outlets and presses "Save sources"; we time (1) Save → the page
// says "Storyline now knows N stories" (the first fetch and the stories built from it), and (2) then
// opening another outlet's article about an event three of the feeds carry → its launcher. The sum
// is the wait from "Save sources" to the first story on a page.
// Every outlet keeps its real host name on a local outlet network (scripts/lib/outlet-network.ts):
// each top feed serves --items items of labelled news (scripts/lib/bench-feeds.ts: from ../shared
// when present, else synthetic, as it says), the first three also the made-up event of
// scripts/lib/first-run-fixture.ts; opinion feeds serve 20 items; every answer is held --latency ms
// as a stand-in for the network. Each run is a fresh profile.
// --stall N: the top feeds of the last N chosen outlets (none of the three that carry the event)
// answer only after --stall-ms, past a source's time limit (20 s): an outlet whose server hangs.
// The article is then opened as soon as the welcome page says stories are stored (while slow
// sources are still out, or once all are in), and the time until every source is in is printed too.
// --dist DIR: another Chromium build (the code before, for a before/after); --no-build: dist/chrome.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build, ROOT } from './build';
import { benchFeeds, type BenchItem } from './lib/bench-feeds';
import { launchWithExtension } from './lib/chromium';
import { articlePage, EVENT, hostOf, pathOf, rss } from './lib/first-run-fixture';
import { startOutletNetwork, type Site } from './lib/outlet-network';
import type { Directory, DirectoryOutlet } from '../src/formats/directory';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    items: { type: 'string', default: '50' },
    latency: { type: 'string', default: '100' },
    stall: { type: 'string', default: '0' },
    'stall-ms': { type: 'string', default: '30000' },
    'no-build': { type: 'boolean', default: false },
    dist: { type: 'string' },
  },
});
const runs = Number(values.runs);
const perSource = Number(values.items);
const latency = Number(values.latency);
const stall = Number(values.stall);
const stallMs = Number(values['stall-ms']);
const WAIT = { timeout: 180_000 };

const directory = JSON.parse(readFileSync(path.join(ROOT, 'assets/directory/outlets.json'), 'utf8')) as Directory;
const chosen = directory.recommended.map((id) => directory.outlets.find((o) => o.id === id)!);
const fourth = directory.outlets.find((o) => !chosen.includes(o) && !o.via)!;
const feedUrls = chosen.flatMap((o) => [o.feeds.top, ...(o.feeds.opinion ? [o.feeds.opinion] : [])]);
const news = benchFeeds(feedUrls.length, perSource, Date.now());
if (!(stall >= 0 && stall <= chosen.length - EVENT.length)) throw new Error(`--stall is 0 to ${chosen.length - EVENT.length}: the outlets that carry the event answer`);
const stalled = new Set(chosen.slice(chosen.length - stall).map((o) => o.feeds.top));

const asItems = (items: readonly BenchItem[], outlet: DirectoryOutlet): { title: string; summary: string; path: string; hoursAgo: number }[] =>
  items.map((i) => ({ title: i.title, summary: i.summary, path: `/news/${encodeURIComponent(i.id)}`, hoursAgo: Math.max(0, (Date.now() - i.published) / 3_600_000) })).map((i) => ({ ...i, path: `${i.path}-${outlet.id}` }));

/** The outlets' sites: every feed of the chosen outlets, and the fourth outlet's article. */
function sites(): Map<string, Site> {
  const bodies = new Map<string, string>();
  chosen.forEach((outlet, i) => {
    const event = i < EVENT.length ? [{ ...EVENT[i]!, path: `/news/port-kestrel-strike-${i}`, hoursAgo: 2 + i }] : [];
    const top = feedUrls.indexOf(outlet.feeds.top);
    bodies.set(outlet.feeds.top, rss(outlet, [...event, ...asItems(news.sources[top]!.items, outlet)]));
    if (outlet.feeds.opinion) bodies.set(outlet.feeds.opinion, rss(outlet, asItems(news.sources[feedUrls.indexOf(outlet.feeds.opinion)]!.items.slice(0, 20), outlet)));
  });
  const out = new Map<string, Site>();
  for (const [url, body] of bodies) {
    const previous = out.get(hostOf(url));
    const delayMs = stalled.has(url) ? stallMs : latency;
    out.set(hostOf(url), (p) => (p === pathOf(url) ? { body, type: 'application/rss+xml', delayMs } : (previous?.(p) ?? null)));
  }
  out.set(fourth.domain, (p) => (p === '/news/port-kestrel' ? { body: articlePage(fourth), delayMs: latency } : null));
  return out;
}

async function welcomePage(context: import('playwright-core').BrowserContext): Promise<Page> {
  const open = (): Page | undefined => context.pages().find((p) => p.url().endsWith('/welcome.html'));
  return open() ?? (await context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/welcome.html'), ...WAIT }));
}

interface Run {
  /** Save → the welcome page says stories are stored (slow sources may still be out). */
  ingest: number;
  launcher: number;
  stories: string;
  /** Save → every source in (answered or given up). */
  allIn: number;
}

async function once(dist: string): Promise<Run> {
  const network = await startOutletNetwork(sites());
  const browser = await launchWithExtension(dist, { proxy: network.proxyUrl });
  try {
    const welcome = await welcomePage(browser.context);
    await welcome.locator('[data-testid="take-recommended"]').click(WAIT);
    const t0 = performance.now();
    await welcome.locator('[data-testid="save-sources"]').click(WAIT);
    const done = welcome.locator('[data-testid="welcome-done"]');
    // A build without waves never says "already knows": it waits for every source.
    const stored = welcome.locator('[data-testid="welcome-landed"], [data-testid="welcome-done"]').first();
    await stored.waitFor(WAIT);
    const ingest = performance.now() - t0;
    const stories = (await stored.textContent())?.trim() ?? '';
    const page = await browser.context.newPage();
    const t1 = performance.now();
    await page.goto(`https://${fourth.domain}/news/port-kestrel`);
    // The launcher's host: put in the page with the launcher, whose closed root no selector reaches.
    await page.locator('[data-storyline]').waitFor({ ...WAIT, state: 'attached' });
    const launcher = performance.now() - t1;
    await done.waitFor(WAIT);
    return { ingest, launcher, stories, allIn: performance.now() - t0 };
  } finally {
    await browser.close();
    await network.close();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const dist = values.dist ?? (values['no-build'] ? path.join(ROOT, 'dist/chrome') : (await build({ outDir: 'build/bench-first-story', quiet: true })).dirs.chrome);
  const stalls = stall > 0 ? `; ${stall} top feed${stall > 1 ? 's' : ''} held ${stallMs} ms (past the 20 s time limit)` : '';
  console.log(`Chromium (${dist}); ${chosen.length} recommended outlets, ${feedUrls.length} feeds; news: ${news.origin}; ${perSource} items per top feed, 20 per opinion feed; answers held ${latency} ms${stalls}`);
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await once(dist);
    results.push(r);
    console.log(`run ${i + 1}: Save → "${r.stories}" ${s(r.ingest)} · article → launcher ${s(r.launcher)} · Save → first story on a page ${s(r.ingest + r.launcher)} · Save → every source in ${s(r.allIn)}`);
  }
  const all = results.map((r) => r.ingest + r.launcher);
  console.log(`median of ${runs}: Save → stories ${s(median(results.map((r) => r.ingest)))} · article → launcher ${s(median(results.map((r) => r.launcher)))} · Save → first story on a page ${s(median(all))} (range ${s(Math.min(...all))}–${s(Math.max(...all))}) · every source in ${s(median(results.map((r) => r.allIn)))}`);
}

await main();
