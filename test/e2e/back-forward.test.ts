// Back to an article from the browser's back-forward cache (on for readers in both browsers;
// Playwright turns it off in Chromium unless asked): the page comes back as it was, launcher and
// all, without a load, while the background forgot it when the tab showed another page. The
// extraction bundle looks again, so the badge and the sidebar agree with the launcher.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { E2E_BUILD } from '../../scripts/build';
import { launchWithExtension } from '../../scripts/lib/chromium';
import { buildDemoSite, demoReportPaths, DEMO_UNRELATED_PATH } from '../../scripts/lib/demo-site';
import { startStaticServer } from '../../scripts/lib/static-server';
import { BROWSERS, LAUNCHER, OUTCOMES_SCRIPT as OUTCOMES, ROOT, inEachBrowser, outcomes, poll, until } from './harness';

const launcher = (page: Page) => page.locator(LAUNCHER.replace(' >>> ', ' ')).first();

test('back to an article from the back-forward cache, its badge and sidebar show its story again', { skip: !BROWSERS.includes('chromium') }, async () => {
  const site = buildDemoSite();
  const server = await startStaticServer(site);
  const browser = await launchWithExtension(join(ROOT, E2E_BUILD, 'chrome'), { backForwardCache: true });
  try {
    const { context, worker } = browser;
    const page = await context.newPage();
    await page.goto(`${server.origin}${demoReportPaths(site)[0]!.path}`, { waitUntil: 'load' });
    await launcher(page).waitFor({ state: 'visible', timeout: 20_000 });
    const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
    assert.ok(tabId !== undefined);
    const badge = () => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    const shown = await badge();
    assert.match(shown, /^\d+$/);
    // A value in the page's own world: still there after Back only if the document was cached.
    await page.evaluate('window.__beforeLeaving = true');
    await page.goto(`${server.origin}${DEMO_UNRELATED_PATH}`, { waitUntil: 'load' });
    await poll('the badge cleared for the other page', async () => (await badge()) === '');
    await page.goBack({ waitUntil: 'commit' });
    assert.equal(await page.evaluate('window.__beforeLeaving === true'), true, 'the article came back from the back-forward cache');
    // Looked at again (a second outcome), and the background knows the story again.
    await poll('the article looked at again', async () => ((await page.evaluate(OUTCOMES)) as string[]).length === 2);
    assert.deepEqual(await page.evaluate(OUTCOMES), ['matched', 'matched']);
    await poll('the badge back', async () => (await badge()) === shown);
    await launcher(page).click();
    const sidebar = page.frameLocator('[data-storyline] iframe.sidebar');
    await sidebar.locator('[data-report]').first().waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await sidebar.getByText('No stored story matches this page').count(), 0);
  } finally {
    await browser.close();
    await server.close();
  }
});

inEachBrowser((rig) => {
  test('back to an article from the back-forward cache (Firefox ESR, the cache on as readers have it)', async () => {
    const { driver, reports, unrelated } = rig();
    const page = await driver.open(reports[0]!);
    await page.waitFor(LAUNCHER, { timeout: 20_000 });
    const articleUrl = page.url();
    const shown = await driver.badgeText(articleUrl);
    assert.match(shown, /^\d+$/);
    await page.evaluate('window.__beforeLeaving = true');
    // The page itself goes to another (a link followed), then back, as the reader's Back button.
    await page.evaluate(`void (location.href = ${JSON.stringify(unrelated)})`);
    await until(page, `location.pathname === ${JSON.stringify(unrelated)} && document.readyState === 'complete'`);
    await poll('the badge cleared for the other page', async () => (await driver.badgeText(page.url())) === '');
    await page.evaluate('void history.back()');
    await until(page, `location.href === ${JSON.stringify(articleUrl)}`);
    assert.equal(await page.evaluate('window.__beforeLeaving === true'), true, 'the article came back from the back-forward cache');
    await poll('the article looked at again', async () => (await outcomes(page)).length === 2);
    assert.deepEqual(await outcomes(page), ['matched', 'matched']);
    await poll('the badge back', async () => (await driver.badgeText(articleUrl)) === shown);
    await page.click(LAUNCHER);
    await page.sidebar.waitFor('[data-report]', { timeout: 20_000 });
    assert.equal(await page.sidebar.count('[data-testid="no-match"]'), 0);
  });
}, ['firefox']);
