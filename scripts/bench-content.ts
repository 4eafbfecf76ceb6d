// What Storyline costs a page's main thread, against what reading it costs at least. Per saved real
// page (../shared/data/pages, 107 pages), side by side in one run:
//   - the extension: a fresh tab of Chromium with the extension loads the page; the renderer's
//     main-thread CPU attributed to the extension is read from a trace (thread time, script
//     compilation and evaluation included; scripts/lib/trace-cpu.ts says how it is attributed);
//   - the yardstick: a fresh tab of Chromium without the extension loads the same page and runs
//     Readability's first (cold) parse of a clone of it, as the extension does; its thread CPU is
//     read from a trace the same way.
// Article pages (the gate passes: og:type or JSON-LD article, or isProbablyReaderable, judged in the
// yardstick's tab after its parse) report the ratio extension / parse and the extension's long
// tasks (> 50 ms of CPU); other pages report the CPU the extension adds, in ms. A page that fails to
// load is reported and skipped. Also prints the size of every bundle.
//   npm run bench:content [-- --json] [--pages N] [--extension DIR] [--big]
// --big also measures a 100,000-node article: the first saved article page with 10,000 reader
// comments added (the hostile-page suite's), and lists each extension task over 50 ms on it.
// --extension measures another build (for instance main's dist/chrome) instead of building this one.
import { build as esbuild } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, ROOT } from './build';
import { CHROMIUM, launchWithExtension, QUIET_FLAGS } from './lib/chromium';
import { startStaticServer } from './lib/static-server';
import { cpuBetweenMarks, extensionCpu, startTrace } from './lib/trace-cpu';
import { bigComments, NODE_COUNT } from '../test/e2e/hostile-pages';

const args = process.argv.slice(2);
const json = args.includes('--json');
const option = (name: string): string | undefined => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
const maxPages = Number(option('--pages') ?? Infinity);
const big = args.includes('--big');
const SAVED_PAGES = resolve(ROOT, '../shared/data/pages');
const LOAD_TIMEOUT_MS = 30_000;
/** How long the extension may take to finish with a page (it waits for an idle moment first). */
const DONE_TIMEOUT_MS = 20_000;

if (!existsSync(SAVED_PAGES)) {
  console.log('bench:content skipped: needs ../shared/data/pages (107 saved real pages, test data beside the repository, not part of it)');
  process.exit(0);
}

const readabilityBundle = (
  await esbuild({
    stdin: {
      contents:
        "import { Readability, isProbablyReaderable } from '@mozilla/readability'; globalThis.__benchReadability = { Readability, isProbablyReaderable };",
      resolveDir: ROOT,
    },
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
  })
).outputFiles[0]!.text;

const extensionDir = option('--extension') ? resolve(option('--extension')!) : (await build({ bench: true, outDir: 'build/bench', quiet: true })).dirs.chrome;
const generated = new Map<string, string>();
const server = await startStaticServer(generated, { '/pages/': SAVED_PAGES });
const withExtension = await launchWithExtension(extensionDir);
const plain: BrowserContext = await (await chromium.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS })).newContext({ viewport: { width: 1280, height: 860 } });

async function openPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  // Saved pages refer to their sites' scripts and images: nothing leaves the machine.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return page;
}

/** Waits until the extension is done with the page: its marks in a bench build (or main's, older). */
const DONE = `(() => {
  const has = (name) => performance.getEntriesByName('storyline:' + name).length > 0;
  return has('done') || has('gate-other') || (!has('gate-article') && (has('total') || has('extract')));
})()`;

interface Row {
  page: string;
  article: boolean;
  extensionMs: number;
  longestMs: number;
  longTasks: number;
  /** Of extensionMs, the making of the content scripts' isolated world. */
  worldMs: number;
  /** Of extensionMs, the task that extracts (clone and Readability, between the marks around it); null when none ran. */
  extractMs: number | null;
  longTaskList: { ms: number; what: string }[];
  parseMs: number | null;
}

async function measureExtension(url: string): Promise<Omit<Row, 'page' | 'article' | 'parseMs'>> {
  const page = await openPage(withExtension.context);
  try {
    const cdp = await withExtension.context.newCDPSession(page);
    const stop = await startTrace(cdp);
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction(DONE, null, { timeout: DONE_TIMEOUT_MS, polling: 100 }).catch(() => undefined);
    // Whatever the extension scheduled last (the launcher's paint) has run by the next idle moment.
    await page.evaluate('new Promise((resolve) => requestIdleCallback(() => resolve(true), { timeout: 1000 }))');
    const events = await stop();
    const cpu = extensionCpu(events, url);
    if (!cpu) throw new Error('no main thread in the trace');
    const extractMs = cpuBetweenMarks(events, url, 'storyline:gate', 'storyline:extract');
    return { extensionMs: cpu.cpuMs, longestMs: cpu.longestTaskMs, longTasks: cpu.longTasks, worldMs: cpu.worldMs, extractMs, longTaskList: cpu.longTaskList };
  } finally {
    await page.close();
  }
}

/** Readability's first parse of a clone of the page, in a tab without the extension; and the gate's verdict. */
async function measureParse(url: string): Promise<{ parseMs: number | null; article: boolean }> {
  const page = await openPage(plain);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await page.addScriptTag({ content: readabilityBundle });
    const cdp = await plain.newCDPSession(page);
    const stop = await startTrace(cdp);
    await page.evaluate(`(() => {
      performance.mark('bench:parse-start');
      new globalThis.__benchReadability.Readability(document.cloneNode(true)).parse();
      performance.mark('bench:parse-end');
      return true;
    })()`);
    const parseMs = cpuBetweenMarks(await stop(), url, 'bench:parse-start', 'bench:parse-end');
    // The gate's own test (src/content/gate.ts), after the parse so that the parse stays cold.
    const article = await page.evaluate<boolean>(`(() => {
      const og = document.querySelector('meta[property="og:type" i]')?.getAttribute('content')?.trim().toLowerCase();
      if (og === 'article' || og?.startsWith('article:')) return true;
      const ld = /"@type"\\s*:\\s*(?:\\[[^\\]]*?)?"(?:\\w*NewsArticle|Article)"/;
      if ([...document.querySelectorAll('script[type="application/ld+json" i]')].some((s) => ld.test(s.textContent ?? ''))) return true;
      return globalThis.__benchReadability.isProbablyReaderable(document);
    })()`);
    return { parseMs, article };
  } finally {
    await page.close();
  }
}

const pages = readdirSync(SAVED_PAGES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(SAVED_PAGES, d.name, 'source.html')))
  .map((d) => d.name)
  .sort()
  .slice(0, maxPages);
const rows: Row[] = [];
const failed: { page: string; reason: string }[] = [];
for (const name of pages) {
  const url = `${server.origin}/pages/${name}/source.html`;
  try {
    // Alternately, page by page, so both sides see the same state of the machine.
    const extension = await measureExtension(url);
    const { parseMs, article } = await measureParse(url);
    rows.push({ page: name, article, parseMs, ...extension });
    if (!json) process.stderr.write('.');
  } catch (error) {
    failed.push({ page: name, reason: (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 120) });
    if (!json) process.stderr.write('x');
  }
}
if (!json) process.stderr.write('\n');
/** The 100,000-node article, measured as every page is: extension side, then the yardstick. */
let bigRow: (Row & { nodes: number }) | null = null;
const bigBase = rows.find((r) => r.article)?.page;
if (big && bigBase) {
  const html = readFileSync(join(SAVED_PAGES, bigBase, 'source.html'), 'utf8');
  const at = html.search(/<\/body>/i);
  generated.set('/big.html', at < 0 ? html + bigComments() : html.slice(0, at) + bigComments() + html.slice(at));
  const url = `${server.origin}/big.html`;
  const extension = await measureExtension(url);
  const { parseMs, article } = await measureParse(url);
  const counter = await openPage(plain);
  await counter.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  const nodes = await counter.evaluate<number>(NODE_COUNT);
  await counter.close();
  bigRow = { page: `${bigBase} + 10,000 comments`, article, parseMs, nodes, ...extension };
}
await withExtension.close();
await plain.browser()?.close();
await server.close();

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
};
const pair = (values: number[], digits = 1): string => `${quantile(values, 0.5).toFixed(digits)} / ${quantile(values, 0.95).toFixed(digits)}`;

const articles = rows.filter((r) => r.article && r.parseMs !== null && r.parseMs > 0);
const others = rows.filter((r) => !r.article);
const sizes = Object.fromEntries(
  ['gate.js', 'content.js'].filter((f) => existsSync(join(extensionDir, f))).map((f) => [f, statSync(join(extensionDir, f)).size]),
);
const summary = {
  extension: extensionDir,
  pages: pages.length,
  failed,
  articles: {
    n: articles.length,
    extensionMs: pair(articles.map((r) => r.extensionMs)),
    worldMs: pair(articles.map((r) => r.worldMs)),
    extractMs: pair(articles.flatMap((r) => (r.extractMs === null ? [] : [r.extractMs]))),
    restMs: pair(articles.flatMap((r) => (r.extractMs === null ? [] : [r.extensionMs - r.worldMs - r.extractMs]))),
    extractRatio: pair(articles.flatMap((r) => (r.extractMs === null ? [] : [r.extractMs / r.parseMs!])), 2),
    parseMs: pair(articles.map((r) => r.parseMs!)),
    ratio: pair(articles.map((r) => r.extensionMs / r.parseMs!), 2),
    longestTaskMs: pair(articles.map((r) => r.longestMs)),
    pagesWithLongTask: articles.filter((r) => r.longTasks > 0).length,
  },
  others: {
    n: others.length,
    addedMs: pair(others.map((r) => r.extensionMs), 2),
    worldMs: pair(others.map((r) => r.worldMs), 2),
    withoutWorldMs: pair(others.map((r) => r.extensionMs - r.worldMs), 2),
    longestTaskMs: pair(others.map((r) => r.longestMs), 2),
  },
  bundles: sizes,
  big: bigRow,
};
if (json) {
  console.log(JSON.stringify({ summary, rows }));
} else {
  console.log(`Content-script main-thread CPU (thread time from Chromium traces), ${extensionDir}`);
  console.log(`${pages.length} saved pages; ${failed.length} failed to load and were skipped${failed.length ? `: ${failed.map((f) => `${f.page} (${f.reason})`).join('; ')}` : ''}`);
  console.log('\nArticle pages (median / p95)');
  console.log(`  n                                  ${articles.length}`);
  console.log(`  extension CPU, ms                  ${summary.articles.extensionMs}`);
  console.log(`    of which the isolated world, ms  ${summary.articles.worldMs}`);
  console.log(`    of which the extraction task, ms ${summary.articles.extractMs}  (clone and Readability, in the extension's tab)`);
  console.log(`    the rest, ms                     ${summary.articles.restMs}  (scripts' evaluation, settings, message, launcher)`);
  console.log(`  Readability cold parse, ms         ${summary.articles.parseMs}`);
  console.log(`  ratio extraction task / cold parse ${summary.articles.extractRatio}`);
  console.log(`  ratio extension / cold parse       ${summary.articles.ratio}`);
  console.log(`  longest extension task, ms         ${summary.articles.longestTaskMs}`);
  console.log(`  pages with an extension task > 50 ms  ${summary.articles.pagesWithLongTask} of ${articles.length}`);
  console.log('\nOther pages (median / p95)');
  console.log(`  n                                  ${others.length}`);
  console.log(`  added main-thread CPU, ms          ${summary.others.addedMs}`);
  console.log(`    of which the isolated world, ms  ${summary.others.worldMs}`);
  console.log(`    without it (our scripts), ms     ${summary.others.withoutWorldMs}`);
  console.log(`  longest extension task, ms         ${summary.others.longestTaskMs}`);
  if (bigRow) {
    console.log(`\nA ${bigRow.nodes.toLocaleString('en')}-node article (${bigRow.page})`);
    console.log(`  extension CPU, ms                  ${bigRow.extensionMs.toFixed(1)} (isolated world ${bigRow.worldMs.toFixed(1)}, extraction task ${bigRow.extractMs?.toFixed(1) ?? '—'})`);
    console.log(`  Readability cold parse, ms         ${bigRow.parseMs?.toFixed(1) ?? '—'}`);
    console.log(`  extension tasks over 50 ms         ${bigRow.longTaskList.length ? bigRow.longTaskList.map((t) => `${t.ms.toFixed(0)} ms (${t.what})`).join('; ') : 'none'}`);
  }
  console.log('\nBundles (minified)');
  for (const [file, bytes] of Object.entries(sizes)) console.log(`  ${file.padEnd(12)} ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`);
}
