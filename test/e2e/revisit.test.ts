// A page come back rather than opened: reloaded, it is the same reading (reading history keeps the
// time it was read), and reloaded as a page that is no longer an article (a paywall at the same
// address), it keeps no story: the popup no longer shows the last document's. And a browser restart
// that brings the reader's tabs back does not read each article again (Chromium: Firefox's driver
// starts without the last session).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_BUILD } from '../../scripts/build';
import { launchWithExtension } from '../../scripts/lib/chromium';
import { buildDemoSite, demoReportPaths } from '../../scripts/lib/demo-site';
import { startStaticServer } from '../../scripts/lib/static-server';
import { BROWSERS, LAUNCHER, OUTCOMES_SCRIPT, ROOT, testId, inEachBrowser, outcome, poll } from './harness';
import type { TabPage } from './driver/types';
import { READ_HISTORY as HISTORY } from './stored';

/** What a site shows at an article's address to a reader out of free articles: no article. */
const PAYWALL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Subscribe to keep reading</title></head>
<body><header><a href="/">Home</a></header><main><h1>You have read your free articles</h1><p>Subscribe to keep reading.</p></main></body></html>`;

/** Reloads the page and waits until the new document's look has ended; answers its outcome. */
async function reload(page: TabPage): Promise<string> {
  await page.evaluate('window.__beforeReload = true; void setTimeout(() => location.reload(), 0)');
  // Asked while the old document goes, the question may fail: the new one answers it.
  const looked = `window.__beforeReload === undefined && document.readyState === 'complete' && ${OUTCOMES_SCRIPT}.length > 0`;
  await poll('the reloaded page looked at', () => page.evaluate<boolean>(looked).catch(() => false), 20_000);
  return outcome(page);
}

inEachBrowser((rig) => {
  test('a reloaded article keeps the time it was read; reloaded as a paywall at the same address, it keeps no story', async () => {
    const { driver, reports, site } = rig();
    const path = reports[2]!;
    const article = site.get(path)!;
    const page = await driver.open(path);
    try {
      assert.equal(await outcome(page), 'matched');
      const history = () => driver.background<{ url: string; readAt: string }[]>(HISTORY);
      const read = (await history()).find((h) => h.url === page.url());
      assert.ok(read, 'the article is in the reading history');

      assert.equal(await reload(page), 'matched');
      await page.waitFor(LAUNCHER, { timeout: 15_000 });
      // The match answered only once the reading was recorded (handlers.ts settle): no wait needed.
      assert.equal((await history()).find((h) => h.url === page.url())?.readAt, read.readAt, 'the same reading, not a new one');

      site.set(path, PAYWALL);
      assert.equal(await reload(page), 'not-article');
      assert.equal(await page.count(LAUNCHER), 0);
      await page.bringToFront();
      const popup = await driver.openPopup();
      // The popup asks the background, which the gate told of the reload: no story for this page.
      await popup.waitFor(testId('no-match'), { timeout: 15_000 });
      assert.equal(await popup.count(testId('story-title')), 0);
      await popup.close();
    } finally {
      site.set(path, article);
      await page.close();
    }
  });
});

test('tabs a restart brings back keep the time their articles were read (Chromium)', { skip: !BROWSERS.includes('chromium') }, async () => {
  const site = buildDemoSite();
  const server = await startStaticServer(site);
  const profile = mkdtempSync(join(tmpdir(), 'storyline-restore-'));
  const extension = join(ROOT, E2E_BUILD, 'chrome');
  let browser = await launchWithExtension(extension, { userDataDir: profile });
  try {
    const url = `${server.origin}${demoReportPaths(site)[3]!.path}`;
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.locator(LAUNCHER.replace(' >>> ', ' ')).first().waitFor({ state: 'visible', timeout: 20_000 });
    const readAt = (): Promise<string | undefined> => browser.worker.evaluate(`${HISTORY}.then((all) => all.find((h) => h.url === ${JSON.stringify(url)})?.readAt)`);
    const read = await readAt();
    assert.ok(read, 'the article is in the reading history');
    await browser.close();

    browser = await launchWithExtension(extension, { userDataDir: profile, restoreSession: true });
    const restored = await poll('the article’s tab restored', async () => browser.context.pages().find((p) => p.url() === url));
    // Its look ends once the background answered, the reading recorded or kept (handlers.ts settle).
    const looked = await poll('the restored article looked at', () => restored.evaluate<string[]>(OUTCOMES_SCRIPT).then((all) => all.length > 0 && all).catch(() => false), 20_000);
    assert.deepEqual(looked, ['matched']);
    assert.equal(await readAt(), read, 'read once, not again at the restart');
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
});
