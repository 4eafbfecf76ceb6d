// The reader's path in the built extension (npm run bench:feeds -- --browser chromium|firefox): the
// same feeds and held-out pages as the Node replica (reader-path.ts), served under the outlets' own
// host names on a local outlet network; the instrumented build subscribes to every feed at once, as
// the welcome page does, then the browser opens each held-out page. Both browsers are driven by the
// project's e2e drivers (test/e2e/driver/), as the end-to-end tests are. The page is extracted by
// the content script (Readability on the served HTML, not the dataset's text), matched by the
// background, and read back from what the browser holds: the tab's match (storage.session) and the
// matched story's stored reports (IndexedDB). Test data only: nothing here is bundled.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_BUILD, ROOT } from '../build';
import { tabStateKey } from '../../src/formats/storage-schema';
import { urlKey } from '../../src/formats/url';
import { startChromium } from '../../test/e2e/driver/chromium';
import { startFirefox } from '../../test/e2e/driver/firefox';
import type { BrowserDriver } from '../../test/e2e/driver/types';
import { startOutletNetwork, type Site } from './outlet-network';
import { escapeXml as escape, type ReaderSetup } from './reader-path';

export interface BrowserPageOutcome {
  gold: string;
  orphan: boolean;
  /** How the extension's look at the page ended (src/content/timing.ts), or 'timeout'. */
  outcome: string;
  launched: boolean;
  right: boolean;
  score: number | null;
  /** With no launcher: whether each story the tab's state offers as "maybe related" holds a report of the page's event. */
  maybe: boolean[];
}

function inThrees(sentences: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) out.push(sentences.slice(i, i + 3).join(' '));
  return out;
}

/** An article page as an outlet would serve it: headline, date, description, the text in paragraphs. */
function articleHtml(page: ReaderSetup['pages'][number]): string {
  const a = page.article;
  // Paragraphs as the dataset has them, else groups of three sentences.
  const byLine = a.text.split(/\n+/).filter((p) => p.trim());
  const paragraphs = byLine.length > 1 ? byLine : inThrees(a.text.split(/(?<=[.!?])\s+/));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(a.title)}</title>
<meta property="og:type" content="article"><meta property="og:title" content="${escape(a.title)}">
${a.siteName ? `<meta property="og:site_name" content="${escape(a.siteName)}">` : ''}
${a.published ? `<meta property="article:published_time" content="${a.published}">` : ''}
${a.excerpt ? `<meta name="description" content="${escape(a.excerpt)}">` : ''}
${a.kind === 'opinion' || a.kind === 'analysis' ? `<meta property="article:section" content="${a.kind === 'opinion' ? 'Opinion' : 'Analysis'}">` : ''}
</head><body><header><a href="/">${escape(a.siteName ?? 'Home')}</a></header><main><article><h1>${escape(a.title)}</h1>
${paragraphs.map((p) => `<p>${escape(p.trim())}</p>`).join('\n')}
</article></main></body></html>`;
}

// The background's extension API: `browser` in Firefox's event page, `chrome` (promise-returning in
// MV3) in Chromium's service worker.
const API = '(globalThis.browser ?? globalThis.chrome)';

const TAB_ID = (url: string): string => `${API}.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)})?.id ?? null)`;

/** How the extension's look at the page ended: the newest outcome mark (src/content/timing.ts), or null. */
const OUTCOME = `performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n.startsWith('storyline:outcome:')).map((n) => n.slice(18)).at(-1) ?? null`;

/** What the background holds about a tab: its match's story, score, and that story's report URLs. */
const TAB_MATCH = (key: string): string => `(async () => {
  const match = (await ${API}.storage.session.get(${JSON.stringify(key)}))[${JSON.stringify(key)}]?.match ?? null;
  const ask = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
  const db = await ask(indexedDB.open('storyline'));
  const urls = async (storyId) => ((await ask(db.transaction('stories').objectStore('stories').get(storyId)))?.reports ?? []).map((r) => r.url);
  try {
    if (!match?.storyId) {
      const maybe = [];
      for (const m of match?.maybe ?? []) maybe.push(await urls(m.storyId));
      return { storyId: null, score: null, reports: [], maybe };
    }
    return { storyId: match.storyId, score: match.why?.score ?? null, reports: await urls(match.storyId), maybe: [] };
  } finally { db.close(); }
})()`;

export type BenchBrowser = 'chromium' | 'firefox';

/** Polls `probe` every 50 ms until it gives a value other than null, or `ms` pass (then null). */
async function within<T>(ms: number, probe: () => Promise<T | null>): Promise<T | null> {
  for (const deadline = Date.now() + ms; ; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const value = await probe();
    if (value !== null || Date.now() > deadline) return value;
  }
}

/**
 * `history: false` switches reading history off before the pages are read, as the reader can: with
 * it on (as shipped), each matched page joins its story as a report, so the pages read later meet
 * an index the earlier ones changed, which the replica does not model.
 */
export async function runInBrowser(name: BenchBrowser, setup: ReaderSetup, log: (line: string) => void = () => undefined, opts: { history?: boolean } = {}): Promise<BrowserPageOutcome[]> {
  const extension = join(ROOT, E2E_BUILD, name === 'chromium' ? 'chrome' : 'firefox');
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error(`no instrumented build in ${extension}: run npm run build first`);
  const routes = new Map<string, Map<string, { body: string; type: string }>>();
  const route = (host: string, path: string, body: string, type: string): void => void (routes.get(host) ?? routes.set(host, new Map()).get(host)!).set(path, { body, type });
  for (const feed of setup.feeds) route(feed.host, new URL(feed.url).pathname, feed.xml, 'application/rss+xml; charset=utf-8');
  for (const page of setup.pages) {
    const url = new URL(page.article.url);
    route(url.host, url.pathname, articleHtml(page), 'text/html; charset=utf-8');
  }
  const sites = new Map<string, Site>([...routes].map(([host, paths]) => [host, (path: string) => paths.get(path) ?? (path === '/favicon.ico' ? { status: 204, body: '' } : null)]));
  const network = await startOutletNetwork(sites);
  // Every page is a full address on the outlet network: the drivers' own origin serves nothing here.
  const results = mkdtempSync(join(tmpdir(), 'storyline-bench-feeds-'));
  const start = name === 'chromium' ? startChromium : startFirefox;
  let driver: BrowserDriver | undefined;
  try {
    driver = await start(extension, 'http://127.0.0.1:9', results, { proxy: network.proxyUrl });
    const urls = setup.feeds.map((f) => f.url);
    const added = await driver.background<{ result: { done: number; failed: number } }>(`storylineBench.addFeeds(${JSON.stringify(urls)})`);
    if (added.result.failed > 0) throw new Error(`${added.result.failed} of ${urls.length} feeds failed`);
    await driver.background('storylineBench.settle().then(() => null)');
    log(`subscribed to ${urls.length} feeds`);
    if (opts.history === false) {
      await driver.background(`(async () => {
        const { settings } = await ${API}.storage.local.get('settings');
        await ${API}.storage.local.set({ settings: { ...(settings ?? {}), history: false } });
        return null;
      })()`);
    }
    const outcomes: BrowserPageOutcome[] = [];
    for (const [n, page] of setup.pages.entries()) {
      const tab = await driver.open(page.article.url);
      try {
        const outcome = (await within(20_000, () => tab.evaluate<string | null>(OUTCOME))) ?? 'timeout';
        const tabId = await driver.background<number | null>(TAB_ID(page.article.url));
        const held = tabId === null ? null : await driver.background<{ storyId: string | null; score: number | null; reports: string[]; maybe: string[][] }>(TAB_MATCH(tabStateKey(tabId)));
        const eventsOf = (reports: readonly string[]): string[] => reports.map((u) => setup.goldOfItem.get(urlKey(u) ?? '') ?? '?');
        const events = eventsOf(held?.reports ?? []);
        const launched = outcome === 'matched' && !!held?.storyId;
        const maybe = launched ? [] : (held?.maybe ?? []).map((reports) => eventsOf(reports).includes(page.gold));
        outcomes.push({ gold: page.gold, orphan: page.orphan, outcome, launched, right: launched && events.includes(page.gold), score: held?.score ?? null, maybe });
      } finally {
        await tab.close();
      }
      if ((n + 1) % 50 === 0) log(`${n + 1} of ${setup.pages.length} pages read`);
    }
    return outcomes;
  } finally {
    await driver?.stop();
    await network.close();
    rmSync(results, { recursive: true, force: true });
  }
}
