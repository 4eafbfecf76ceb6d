/// <reference types="chrome" />
// npm run bench:cold -- [--stories 1000,10000,30000] [--runs N]
// How long a page waits for its launcher when the service worker has to start first, against a
// warm worker, in Chromium with the built extension. The bench pack (scripts/lib/bench-pack.ts) of
// N stories is imported from the options page; then, alternately in one run, the worker is stopped
// (CDP `ServiceWorker.stopAllWorkers`) and a matching page opened (cold), and another matching page
// opened with the worker running (warm). Two kinds of page: one that is itself a stored report (its
// URL is a report's: answered by URL key) and a copy of a report at an address the pack does not
// know (answered by the engine). Time: from the page's navigation start to the launcher in its DOM,
// seen by a MutationObserver the page itself runs (no polling from outside), and the answer: the
// content script's round trip to the worker (what a cold start adds to), from the benchmark build's
// performance marks.
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { build } from './build';
import type { Pack } from '../src/formats/model';
import { coldPack } from './lib/cold-pack';
import { launchWithExtension, type ExtensionBrowser } from './lib/chromium';

const { values } = parseArgs({ options: { stories: { type: 'string', default: '10000' }, runs: { type: 'string', default: '10' }, json: { type: 'boolean', default: false } } });
const sizes = values.stories.split(',').map(Number);
const runs = Number(values.runs);

/**
 * Records, in the page, when the launcher first appears (ms since navigation start): when its host
 * is put in the page, which the content script does in the same task as the launcher (the root
 * it is in is closed in what ships, so the page sees only the host).
 */
const WATCH_LAUNCHER = `(() => {
  const done = () => { if (window.__launcherAt === undefined) window.__launcherAt = performance.now(); };
  new MutationObserver((_, o) => {
    if (!document.querySelector('[data-storyline]')) return;
    o.disconnect();
    done();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-storyline'] });
})();`;

function articleHtml(title: string, lead: string, url: string): string {
  const para = `${lead} ${title}. `.repeat(3);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><meta property="og:type" content="article"><link rel="canonical" href="${url}"></head>
<body><main><article><h1>${title}</h1>${Array.from({ length: 6 }, () => `<p>${para}</p>`).join('')}</article></main></body></html>`;
}

/** A story's first report as a page, at its own address (`stored`) or at one the pack does not know. */
function pagesOf(pack: Pack, story: number): { stored: { url: string; html: string }; copy: { url: string; html: string } } {
  const report = pack.stories[story]!.articles[0]!;
  const copyUrl = `https://mirror.example/syndicated/${story}`;
  return {
    stored: { url: report.url!, html: articleHtml(report.title, report.excerpt ?? '', report.url!) },
    copy: { url: copyUrl, html: articleHtml(report.title, report.excerpt ?? '', copyUrl) },
  };
}

async function optionsCall(page: Page, type: string, payload: unknown): Promise<void> {
  await page.evaluate(async ([t, p]) => {
    const answer = (await chrome.runtime.sendMessage({ type: t, payload: p })) as { ok: boolean; error?: unknown };
    if (!answer.ok) throw new Error(`${t}: ${JSON.stringify(answer.error)}`);
  }, [type, payload] as const);
}

interface Timing {
  /** Navigation start → launcher in the DOM. */
  launcher: number;
  /** The content script's `article/found` round trip (a mark of the benchmark build). */
  answer: number;
}

async function timeLauncher(browser: ExtensionBrowser, page: { url: string; html: string }): Promise<Timing> {
  const tab = await browser.context.newPage();
  try {
    await tab.route(/^https?:\/\//, (route) =>
      route.request().url() === page.url ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page.html }) : route.abort(),
    );
    await tab.addInitScript(WATCH_LAUNCHER);
    await tab.goto(page.url, { waitUntil: 'load' });
    await tab.waitForFunction(() => (window as unknown as { __launcherAt?: number }).__launcherAt !== undefined, null, { timeout: 30_000, polling: 50 }).catch(async (error: unknown) => {
      const state = await tab.evaluate(() => {
        const host = document.querySelector('[data-storyline]');
        return host ? `host, launcher: ${Boolean(host.shadowRoot?.querySelector('button.launcher'))}` : 'no host';
      });
      throw new Error(`${page.url}: no launcher seen (${state})`, { cause: error });
    });
    return await tab.evaluate(() => ({
      launcher: (window as unknown as { __launcherAt: number }).__launcherAt,
      answer: performance.getEntriesByName('storyline:message')[0]?.duration ?? NaN,
    }));
  } finally {
    await tab.close();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] ?? NaN;

interface Row {
  stories: number;
  page: 'stored report' | 'engine match';
  cold: Timing[];
  warm: Timing[];
}

async function measure(count: number, dir: string): Promise<Row[]> {
  const browser = await launchWithExtension(dir);
  try {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('[data-testid="import"]');
    const pack = coldPack(count);
    await optionsCall(options, 'pack/import', { text: JSON.stringify(pack) });
    // Runs after the queued index rebuild: the snapshot a waking worker loads is saved.
    await optionsCall(options, 'sources/state', {});
    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    const rows: Row[] = [
      { stories: count, page: 'stored report', cold: [], warm: [] },
      { stories: count, page: 'engine match', cold: [], warm: [] },
    ];
    // Distinct stories per sample, spread over the pack; warm-up first (one of each, not counted).
    const story = (i: number): number => Math.floor(((i + 1) * 7919) % count);
    for (let i = -1; i < runs; i++) {
      for (const [k, kind] of (['stored', 'copy'] as const).entries()) {
        const cold = pagesOf(pack, story(2 * i + 4 * k + 10));
        const warm = pagesOf(pack, story(2 * i + 4 * k + 11));
        await cdp.send('ServiceWorker.stopAllWorkers');
        const c = await timeLauncher(browser, cold[kind]);
        const w = await timeLauncher(browser, warm[kind]);
        if (i >= 0) {
          rows[k]!.cold.push(c);
          rows[k]!.warm.push(w);
        }
      }
    }
    return rows;
  } finally {
    await browser.close();
  }
}

// The benchmark build: its content script marks the round trip to the worker in the page.
const { dirs } = await build({ bench: true, outDir: 'build/bench-cold', quiet: true });
const rows: Row[] = [];
for (const count of sizes) rows.push(...(await measure(count, dirs.chrome)));
if (values.json) console.log(JSON.stringify(rows));
console.log(`Chromium, ${runs} runs each, cold and warm alternately; ms, median / p95; ratio of medians`);
console.log('| stories | page | answer cold | answer warm | ratio | launcher cold | launcher warm | ratio |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const cells = (['answer', 'launcher'] as const).map((k) => {
    const cold = r.cold.map((t) => t[k]);
    const warm = r.warm.map((t) => t[k]);
    const f = (xs: number[]): string => `${median(xs).toFixed(0)} / ${p95(xs).toFixed(0)}`;
    return `${f(cold)} | ${f(warm)} | ${(median(cold) / median(warm)).toFixed(2)}`;
  });
  console.log(`| ${r.stories} | ${r.page} | ${cells.join(' | ')} |`);
}
