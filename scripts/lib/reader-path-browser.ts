// The reader's path in the built extension (npm run bench:feeds -- --browser chromium): the same
// feeds and held-out pages as the Node replica (reader-path.ts), served under the outlets' own host
// names on a local outlet network; the instrumented build subscribes to every feed at once, as the
// welcome page does, then Chromium opens each held-out page. The page is extracted by the content
// script (Readability on the served HTML, not the dataset's text), matched by the background, and
// read back from what the browser holds: the tab's match (storage.session) and the matched story's
// stored reports (IndexedDB). Test data only: nothing here is bundled.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_BUILD, ROOT } from '../build';
import { tabStateKey } from '../../src/formats/storage-schema';
import { urlKey } from '../../src/formats/url';
import { launchWithExtension } from './chromium';
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

declare const storylineBench: { addFeeds(urls: string[]): Promise<{ result: { done: number; failed: number } }>; settle(): Promise<unknown> };

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
</head><body><header><a href="/">${escape(a.siteName ?? 'Home')}</a></header><main><article><h1>${escape(a.title)}</h1>
${paragraphs.map((p) => `<p>${escape(p.trim())}</p>`).join('\n')}
</article></main></body></html>`;
}

const TAB_ID = (url: string): string => `chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)})?.id ?? null)`;

/** What the background holds about a tab: its match's story, score, and that story's report URLs. */
const TAB_MATCH = (key: string): string => `(async () => {
  const match = (await chrome.storage.session.get(${JSON.stringify(key)}))[${JSON.stringify(key)}]?.match ?? null;
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

/**
 * `history: false` switches reading history off before the pages are read, as the reader can: with
 * it on (as shipped), each matched page joins its story as a report, so the pages read later meet
 * an index the earlier ones changed, which the replica does not model.
 */
export async function runInChromium(setup: ReaderSetup, log: (line: string) => void = () => undefined, opts: { history?: boolean } = {}): Promise<BrowserPageOutcome[]> {
  const extension = join(ROOT, E2E_BUILD, 'chrome');
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error(`no instrumented build in ${extension}: run npm run build first`);
  const routes = new Map<string, Map<string, { body: string; type: string }>>();
  const route = (host: string, path: string, body: string, type: string): void => void (routes.get(host) ?? routes.set(host, new Map()).get(host)!).set(path, { body, type });
  for (const feed of setup.feeds) route(feed.host, '/feed.xml', feed.xml, 'application/rss+xml; charset=utf-8');
  for (const page of setup.pages) {
    const url = new URL(page.article.url);
    route(url.host, url.pathname, articleHtml(page), 'text/html; charset=utf-8');
  }
  const sites = new Map<string, Site>([...routes].map(([host, paths]) => [host, (path: string) => paths.get(path) ?? (path === '/favicon.ico' ? { status: 204, body: '' } : null)]));
  const network = await startOutletNetwork(sites);
  const browser = await launchWithExtension(extension, { proxy: network.proxyUrl });
  try {
    const urls = setup.feeds.map((f) => `https://${f.host}/feed.xml`);
    const added = await browser.worker.evaluate((u) => storylineBench.addFeeds(u), urls);
    if (added.result.failed > 0) throw new Error(`${added.result.failed} of ${urls.length} feeds failed`);
    await browser.worker.evaluate(() => storylineBench.settle());
    log(`subscribed to ${urls.length} feeds`);
    if (opts.history === false) {
      await browser.worker.evaluate(async () => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...(settings ?? {}), history: false } });
      });
    }
    const outcomes: BrowserPageOutcome[] = [];
    for (const [n, page] of setup.pages.entries()) {
      const tab = await browser.context.newPage();
      try {
        await tab.goto(page.article.url, { waitUntil: 'load' });
        const outcome = await tab
          .waitForFunction(`performance.getEntriesByType('mark').map((m) => m.name).find((n) => n.startsWith('storyline:outcome:'))`, undefined, { timeout: 20_000, polling: 50 })
          .then(async (handle) => String(await handle.jsonValue()).slice('storyline:outcome:'.length))
          .catch(() => 'timeout');
        const tabId = (await browser.worker.evaluate(TAB_ID(page.article.url))) as number | null;
        const held = tabId === null ? null : ((await browser.worker.evaluate(TAB_MATCH(tabStateKey(tabId)))) as { storyId: string | null; score: number | null; reports: string[]; maybe: string[][] });
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
    await browser.close();
    await network.close();
  }
}
