// npm start: builds the extension, serves the demo news site and its outlets' feeds on 127.0.0.1,
// opens Chromium with Storyline loaded, subscribes to the demo feeds on the options page as a reader
// would, then opens the first summit report with its sidebar open. The pages and feeds are in the
// repository (scripts/demo/); nothing beside it is needed.
//   npm start                 a window when a display is there (a desktop, or xvfb-run), else headless
//   npm start -- --headless   always headless: saves screenshots and keeps serving until Ctrl-C
//   npm start -- --once       headless, screenshots, then exit (a smoke test of the whole path)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build, ROOT } from './build';
import { launchWithExtension } from './lib/chromium';
import { demoFeeds, outletHost } from './lib/demo-feeds';
import { buildDemoSite, demoArticles, DEMO_FOLLOW_UP_PATH, demoEventPaths, demoReportPaths } from './lib/demo-site';
import { startStaticServer } from './lib/static-server';

const args = process.argv.slice(2);
const once = args.includes('--once');
const headless = once || args.includes('--headless') || !process.env['DISPLAY'];
const RESULTS = join(ROOT, 'test-results');
const WAIT = { timeout: 30_000 };

const { dirs } = await build({ quiet: true });
const now = Date.now();
const site = buildDemoSite({ now });
const server = await startStaticServer(site, {}, 8720).catch(() => startStaticServer(site));
const port = new URL(server.origin).port;
// Each outlet at its own host name (`7news.localhost`: browsers resolve *.localhost to loopback by
// themselves), so stories built from the feeds tell the outlets apart.
const originOf = (host: string): string => `http://${host}:${port}`;
const feeds = demoFeeds(demoArticles({ now }), originOf);
for (const feed of feeds) site.set(feed.path, feed.xml);
const outletUrl = (path: string): string => {
  const article = demoArticles({ now }).find((a) => a.path === path);
  return `${article ? originOf(outletHost(article.outlet)) : server.origin}${path}`;
};
const firstReport = outletUrl(demoReportPaths(site)[0]?.path ?? '/');
const feedStoryPage = outletUrl(demoEventPaths(site)[0] ?? '/');
console.log(`Demo news site: ${server.origin}/ (${demoReportPaths(site).length} summit reports, ${demoEventPaths(site).length} reports of a made-up event, ${feeds.length} outlet feeds)`);

const browser = await launchWithExtension(dirs.chrome, { headless, online: true });
const stop = async (): Promise<void> => {
  await browser.close().catch(() => undefined);
  await server.close();
};

/** The options page's Feeds form, used as a reader would: paste the address, press Add, see the feed listed. */
async function subscribe(page: Page): Promise<void> {
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const section = page.locator('[data-testid="feeds"]');
  for (const feed of feeds) {
    const url = `${originOf(outletHost(feed.outlet))}${feed.path}`;
    await section.locator('#feed-url').fill(url);
    await section.locator('form:has(#feed-url) button[type="submit"]').click();
    await page.locator(`[data-feed="${url}"]`).waitFor(WAIT);
    console.log(`Subscribed to ${url}`);
  }
  await page.locator('[data-pack="feeds"]').waitFor(WAIT);
}

/**
 * Opens a page, waits for Storyline's launcher, opens the sidebar from it as a keyboard reader
 * would (the launcher is the page's first Tab stop; it lives in a closed shadow root, which no
 * selector reaches); answers the story's title there.
 */
async function openWithSidebar(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.locator('[data-storyline]').waitFor({ ...WAIT, state: 'attached' });
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.activeElement?.hasAttribute('data-storyline') === true, null, WAIT);
  await page.keyboard.press('Enter');
  const deadline = Date.now() + WAIT.timeout;
  let sidebar = page.frames().find((f) => f.url().endsWith('/sidebar.html'));
  while (!sidebar) {
    if (Date.now() > deadline) throw new Error('the sidebar did not open');
    await page.waitForEvent('frameattached', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => undefined);
    sidebar = page.frames().find((f) => f.url().endsWith('/sidebar.html'));
  }
  await sidebar.locator('[data-section="coverage"]').waitFor(WAIT);
  return ((await sidebar.locator('[data-testid="story-title"]').textContent()) ?? '').trim();
}

try {
  const options = browser.context.pages()[0] ?? (await browser.context.newPage());
  await subscribe(options);
  const feedPage = await browser.context.newPage();
  const feedStory = await openWithSidebar(feedPage, feedStoryPage);
  const page = await browser.context.newPage();
  const summitStory = await openWithSidebar(page, firstReport);
  await options.close();
  console.log(`A story built from your feeds (a made-up event, four outlets), "${feedStory}": ${feedStoryPage}`);
  console.log(`The first summit report, sidebar open on "${summitStory}": ${firstReport}`);
  console.log(`Three days later, another event: no launcher, the popup offers the summit's story as "maybe" related: ${outletUrl(DEMO_FOLLOW_UP_PATH)}`);
  if (headless) {
    mkdirSync(RESULTS, { recursive: true });
    await feedPage.screenshot({ path: join(RESULTS, 'start-feeds.png') });
    await page.screenshot({ path: join(RESULTS, 'start.png') });
    console.log('Headless: the screenshots are test-results/start.png (summit report) and test-results/start-feeds.png (feed-built story)');
  }
} catch (error) {
  await stop();
  console.error(`start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exit(1);
}

if (once) {
  await stop();
} else {
  console.log('Storyline is running. Press Ctrl-C to stop.');
  const quit = async (): Promise<void> => {
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void quit());
  process.on('SIGTERM', () => void quit());
  browser.context.on('close', () => void quit());
}
