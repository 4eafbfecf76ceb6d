// Sources end to end: the reader subscribes to two local feeds of different outlets on the options
// page, opens one outlet's article, and the sidebar lists the other outlet's report of the same
// story; the article lands in reading history; a pack file is imported (a broken one first) and
// removed; every request shows in the network log. Feeds and pages come from a server on 127.0.0.1
// (the second outlet's articles are addressed as localhost: another host, the same server).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { samplePack } from '../fixtures/packs';
import { harbourAtom, meridianRss } from '../unit/sources-feed-fixtures';
import { startChromium } from './driver/chromium';
import { startFirefox } from './driver/firefox';
import type { BrowserDriver, ExtensionPage } from './driver/types';
import { BROWSERS, LAUNCHER, RESULTS, ROOT, testId, until } from './harness';

const START = { chromium: startChromium, firefox: startFirefox };
const EXTENSIONS = { chromium: join(ROOT, 'dist/chrome'), firefox: join(ROOT, 'dist/firefox') };
const ARTICLE = '/world/alaska-summit-no-deal';

function articlePage(): string {
  const paragraph =
    'Donald Trump and Vladimir Putin met for three hours at the Anchorage air base on Friday. The Alaska summit ended without a ceasefire agreement on Ukraine, and both leaders left without taking questions from reporters. ';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Alaska summit ends without a ceasefire deal as Trump and Putin leave Anchorage</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="The Daily Meridian">
<meta property="article:published_time" content="2025-08-15T22:00:00Z"></head>
<body><article><h1>Alaska summit ends without a ceasefire deal as Trump and Putin leave Anchorage</h1>
${Array.from({ length: 8 }, () => `<p>${paragraph.repeat(2)}</p>`).join('\n')}</article></body></html>`;
}

/** Types into an input as the reader would: the value, then the input event Preact listens to. */
const fill = (page: ExtensionPage, selector: string, value: string): Promise<boolean> =>
  page.evaluate(`(() => { const el = document.querySelector(${JSON.stringify(selector)}); el.value = ${JSON.stringify(value)}; el.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`);

/** Picks a file in the import section's file input (a DataTransfer is how a page can make a FileList). */
const pickFile = (page: ExtensionPage, name: string, text: string): Promise<boolean> =>
  page.evaluate(`(() => { const input = document.querySelector('[data-testid="import-file"]'); const dt = new DataTransfer(); dt.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'application/json' })); input.files = dt.files; input.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`);

for (const browser of BROWSERS) {
  describe(`${browser}: sources`, () => {
    let server: StaticServer;
    let driver: BrowserDriver;
    let feedA: string;
    let feedB: string;

    before(async () => {
      const pages = new Map<string, string>();
      server = await startStaticServer(pages);
      const port = new URL(server.origin).port;
      feedA = `${server.origin}/meridian.xml`;
      feedB = `${server.origin}/harbour.xml`;
      pages.set('/meridian.xml', meridianRss(server.origin));
      pages.set('/harbour.xml', harbourAtom(`http://localhost:${port}`));
      pages.set(ARTICLE, articlePage());
      driver = await START[browser](EXTENSIONS[browser], server.origin, RESULTS);
    });
    after(async () => {
      await driver?.stop();
      await server?.close();
    });

    test('two feeds added on the options page are fetched, listed and logged', async () => {
      const options = await driver.openExtensionTab('options.html');
      await options.waitFor(testId('feeds'), { timeout: 15_000 });
      for (const url of [feedA, feedB]) {
        await fill(options, '#feed-url', url);
        await options.click(`${testId('feeds')} button[type="submit"]`);
        await options.waitFor(`[data-feed="${url}"]`, { timeout: 15_000 });
      }
      assert.match(await options.text(`[data-feed="${feedA}"]`), /The Daily Meridian \| World.*2 articles.*Up to date/s);
      assert.match(await options.text(`[data-feed="${feedB}"]`), /Harbour Post/);
      assert.equal(await options.count(`${testId('feeds')} [data-error]`), 0);
      assert.match(await options.text('[data-pack="feeds"]'), /Built from your feeds/);
      const logged = await options.evaluate<string[]>(`[...document.querySelectorAll('.network-log td.break')].map((td) => td.textContent)`);
      assert.deepEqual(logged.sort(), [feedB, feedA].sort());
      await options.screenshot('sources-options-feeds');
      await options.close();
    });

    test('one outlet’s article shows the other outlet’s report of the same story, and joins reading history', async () => {
      const page = await driver.open(ARTICLE);
      await page.waitFor(LAUNCHER, { timeout: 15_000 });
      assert.equal((await page.text(LAUNCHER)).trim(), 'Storyline · 1 report');
      await page.click(LAUNCHER);
      await page.sidebar.waitFor('[data-section="coverage"] [data-report]', { timeout: 15_000 });
      assert.equal(await page.sidebar.count('[data-section="coverage"] [data-report]'), 2);
      const other = '[data-section="coverage"] [data-report]:not([aria-current])';
      assert.match(await page.sidebar.text(other), /Trump and Putin end Alaska summit in Anchorage.*Harbour Post/s);
      assert.equal(await page.sidebar.count(`${other} a[href^="http://localhost:"]`), 1);
      await page.screenshot('sources-sidebar');
      await page.close();

      const options = await driver.openExtensionTab('options.html');
      await options.waitFor(testId('history'), { timeout: 15_000 });
      await until(options, `document.querySelectorAll('[data-history]').length === 1`);
      assert.match(await options.text('[data-history]'), /Alaska summit ends without a ceasefire deal.*The Daily Meridian/s);
      await options.close();
    });

    test('a broken pack file is refused with the place named; a good one is imported and can be removed', async () => {
      const options = await driver.openExtensionTab('options.html');
      await options.waitFor(testId('import'), { timeout: 15_000 });
      const broken = { ...samplePack(), stories: [{ ...samplePack().stories[0], title: 42 }] };
      await pickFile(options, 'broken.json', JSON.stringify(broken));
      await options.waitForText(`${testId('import')} [role="alert"]`, /broken\.json was not imported.*stories\[0\]\.title/s, 15_000);
      assert.equal(await options.count('[data-pack="sample"]'), 0);

      await pickFile(options, 'sample.json', JSON.stringify(samplePack()));
      await options.waitFor('[data-pack="sample"]', { timeout: 15_000 });
      assert.match(await options.text(`${testId('import')} [role="status"]`), /Imported Sample Publisher: 2 stories/);
      await options.screenshot('sources-options-import');
      await options.click('[data-pack="sample"] button');
      await options.waitFor('[data-pack="sample"]', { state: 'detached', timeout: 15_000 });
      // The built-in pack has no Remove button.
      assert.equal(await options.count('[data-pack="storyline-starter"] button'), 0);
      await options.close();
    });
  });
}
