/// <reference types="chrome" />
// Tabs open before the install. Chrome runs a manifest's content scripts only in pages loaded after
// it, so the background gives the open tabs the gate itself (background/open-tabs.ts); Firefox puts
// them there too, and the gate refuses a second copy. The extension is installed into the running
// browser (Chromium over CDP, Extensions.loadUnpacked; Firefox over WebDriver BiDi), the way a
// reader installs it with their news already open: the article gets its launcher without a reload,
// and each page is looked at once. Also here (Chromium): switching off, on again, and an update.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { E2E_BUILD } from '../../scripts/build';
import { buildDemoSite, demoReportPaths } from '../../scripts/lib/demo-site';
import { CHROMIUM, QUIET_FLAGS } from '../../scripts/lib/chromium';
import { FIREFOX, OFFLINE_PREFS } from '../../scripts/lib/firefox';
import { startStaticServer } from '../../scripts/lib/static-server';
import { BROWSERS, LAUNCHER, OUTCOMES_SCRIPT as OUTCOMES, ROOT, poll } from './harness';
import { READ_HISTORY } from './stored';

interface TrafficEntry {
  tabId: number;
  what: string;
  url: string;
}

/** The gate's own marks (instrumented build): one per look it took at the page. */
const LOOKS = `performance.getEntriesByType('mark').map((m) => m.name).filter((n) => n === 'storyline:gate-article' || n === 'storyline:gate-other').length`;

async function install(context: BrowserContext, dir: string): Promise<{ id: string; worker: Worker }> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser for CDP');
  const session = await browser.newBrowserCDPSession();
  // Not in playwright-core's protocol types; Chromium takes it with --enable-unsafe-extension-debugging.
  const { id } = (await session.send('Extensions.loadUnpacked' as 'Browser.getVersion', { path: dir } as never)) as unknown as { id: string };
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`)) ?? (await nextWorker(context, id));
  return { id, worker };
}

/** The extension's next service worker to start (after an install, a switch on, a reload). */
function nextWorker(context: BrowserContext, id: string): Promise<Worker> {
  return context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(`chrome-extension://${id}/`), timeout: 20_000 });
}

interface Rig {
  context: BrowserContext;
  article: string;
  open(path: string): Promise<Page>;
}

/** A browser without Storyline (installed later over CDP) and the demo site; all removed after `body`. */
async function withBrowser(body: (rig: Rig) => Promise<void>): Promise<void> {
  const site = buildDemoSite();
  const server = await startStaticServer(site);
  const profile = mkdtempSync(join(tmpdir(), 'storyline-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...QUIET_FLAGS, '--proxy-server=http://127.0.0.1:9', '--enable-unsafe-extension-debugging'],
  });
  try {
    const open = async (path: string): Promise<Page> => {
      const page = await context.newPage();
      await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      return page;
    };
    await body({ context, article: demoReportPaths(site)[0]!.path, open });
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const launcher = (page: Page) => page.locator(LAUNCHER.replace(' >>> ', ' ')).first();

/** Storyline installed, an article showing its launcher, and chrome://extensions open to switch it off, on or reload it. */
async function installedOnArticle({ context, article, open }: Rig): Promise<{ id: string; page: Page; extensions: Page }> {
  const { id } = await install(context, join(ROOT, E2E_BUILD, 'chrome'));
  const page = await open(article);
  await launcher(page).waitFor({ state: 'visible', timeout: 20_000 });
  const extensions = await context.newPage();
  await extensions.goto('chrome://extensions');
  return { id, page, extensions };
}

const skip = !BROWSERS.includes('chromium');

test('pages open before the install get the gate: an article its launcher, and a second gate does nothing', { skip }, async () => {
  await withBrowser(async ({ context, article, open }) => {
    const articlePage = await open(article);
    const other = await open('/?before-install');
    assert.deepEqual(await articlePage.evaluate(OUTCOMES), [], 'nothing of Storyline in the page before the install');

    const { worker } = await install(context, join(ROOT, E2E_BUILD, 'chrome'));
    // The article open since before the install: the gate, the extraction, a story, the launcher.
    await launcher(articlePage).waitFor({ state: 'visible', timeout: 20_000 });
    assert.deepEqual(await articlePage.evaluate(OUTCOMES), ['matched']);
    // The page that is not an article got the gate too, and looked once.
    await poll('the other page looked at', async () => ((await other.evaluate(OUTCOMES)) as string[]).length > 0);
    assert.deepEqual(await other.evaluate(OUTCOMES), ['not-article']);

    // A second copy of the gate (the browser's own, arriving late) in the page that is not an
    // article, which then becomes one in place: only the first copy notices and asks.
    const otherUrl = other.url();
    const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, otherUrl);
    assert.ok(tabId !== undefined);
    await worker.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id, frameIds: [0] }, files: ['gate.js'] }).then(() => null), tabId);
    await other.evaluate(async (path) => {
      const next = new DOMParser().parseFromString(await (await fetch(path)).text(), 'text/html');
      document.documentElement.replaceChildren(...next.documentElement.childNodes);
      history.pushState({}, '', path);
    }, article);
    await launcher(other).waitFor({ state: 'visible', timeout: 20_000 });
    const traffic = await worker.evaluate(() => (globalThis as unknown as { storyline: { traffic(): TrafficEntry[] } }).storyline.traffic());
    const asked = traffic.filter((entry) => entry.tabId === tabId && entry.what === 'page/article');
    assert.equal(asked.length, 1, `one ask from the page with two gates: ${JSON.stringify(traffic.filter((entry) => entry.tabId === tabId))}`);
    assert.deepEqual(await other.evaluate(OUTCOMES), ['not-article', 'matched']);
  });
});

test('switched off, Storyline leaves the pages it was on; on again, it takes over the pages opened meanwhile, with no reload', { skip }, async () => {
  await withBrowser(async (rig) => {
    const { context, article, open } = rig;
    const { id, page: earlier, extensions } = await installedOnArticle(rig);
    // Off: Chrome leaves the launcher in the page; pressed, it goes, and opens no (blocked) frame.
    await extensions.evaluate(`chrome.management.setEnabled(${JSON.stringify(id)}, false)`);
    await launcher(earlier).click();
    await earlier.locator('[data-storyline]').waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await earlier.locator('iframe').count(), 0);
    // A page opened now gets nothing: Storyline is off.
    const articlePage = await open(article);
    assert.deepEqual(await articlePage.evaluate(OUTCOMES), []);
    // On again: Chrome fires no install or update event and runs no content script in open pages;
    // the first start of this run looks at the open tabs (open-tabs.ts). Before, each page opened
    // meanwhile stayed without Storyline until the reader reloaded it.
    const woken = nextWorker(context, id);
    await extensions.evaluate(`chrome.management.setEnabled(${JSON.stringify(id)}, true)`);
    await woken;
    await extensions.close();
    await launcher(articlePage).waitFor({ state: 'visible', timeout: 20_000 });
    assert.deepEqual(await articlePage.evaluate(OUTCOMES), ['matched']);
    // The page it was on before it was switched off is taken over too, with one launcher.
    await launcher(earlier).waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await earlier.locator('[data-storyline]').count(), 1);
  });
});

test('updated, Storyline takes over the pages the old version was on: one launcher, and it opens the sidebar', { skip }, async () => {
  await withBrowser(async (rig) => {
    const { id, page, extensions } = await installedOnArticle(rig);
    const readAt = async (worker: Worker): Promise<string | undefined> => ((await worker.evaluate(READ_HISTORY)) as { url: string; readAt: string }[]).find((h) => h.url === page.url())?.readAt;
    const read = await readAt(rig.context.serviceWorkers().find((w) => w.url().includes(id))!);
    assert.ok(read, 'the article is in the reading history');
    // Reloading an unpacked extension (developer mode) is an update to it (onInstalled, reason 'update').
    const woken = nextWorker(rig.context, id);
    await extensions.evaluate(`chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }).then(() => chrome.developerPrivate.reload(${JSON.stringify(id)}, { failQuietly: true }))`);
    await woken;
    await extensions.close();
    // The new version's gate looked at the page again, and its launcher replaced the old one.
    await poll('the page looked at by the new version', async () => ((await page.evaluate(OUTCOMES)) as string[]).length > 1);
    assert.deepEqual(await page.evaluate(OUTCOMES), ['matched', 'matched']);
    // The page open since before the update is the same reading: the history keeps its time.
    assert.equal(await readAt(await woken), read);
    await launcher(page).waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await page.locator('[data-storyline]').count(), 1);
    await launcher(page).click();
    await page.locator('[data-storyline] iframe.sidebar').waitFor({ state: 'attached', timeout: 20_000 });
  });
});

test('Firefox: pages open before the install are looked at once each, and an article gets its launcher', { skip: !BROWSERS.includes('firefox') }, async () => {
  const site = buildDemoSite();
  const server = await startStaticServer(site);
  const profile = mkdtempSync(join(tmpdir(), 'storyline-install-firefox-'));
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, userDataDir: profile, extraPrefsFirefox: OFFLINE_PREFS });
  try {
    const open = async (path: string) => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      return page;
    };
    const article = await open(demoReportPaths(site)[0]!.path);
    const other = await open('/?before-install');
    assert.equal(await article.evaluate(LOOKS), 0);
    // Firefox puts the manifest's scripts into open tabs itself; the background gives the gate to
    // those that lack it: together, one look per page.
    await browser.installExtension(join(ROOT, E2E_BUILD, 'firefox'));
    await article.waitForSelector('[data-storyline] >>> button.launcher', { visible: true, timeout: 20_000 });
    assert.deepEqual(await article.evaluate(OUTCOMES), ['matched']);
    await poll('the other page looked at', async () => ((await other.evaluate(OUTCOMES)) as string[]).length > 0);
    assert.deepEqual(await other.evaluate(OUTCOMES), ['not-article']);
    assert.deepEqual([await article.evaluate(LOOKS), await other.evaluate(LOOKS)], [1, 1]);
  } finally {
    await browser.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
