// The build that ships keeps the launcher and the in-page sidebar in a closed shadow root (the
// e2e suite's instrumented build leaves it open for its drivers): the page sees the host element
// and nothing in it, so it can neither read the launcher's count (and probe what the reader's
// feeds hold), nor restyle the sidebar over a button it wants clicked, nor point the frame at a
// page of its own; what it can still reach, the host element, it finds put back as made when it
// changes it. The reader's ways in still work: the launcher is a Tab stop and opens the
// sidebar, which shows the page's story.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startChromium } from './driver/chromium';
import { startFirefox } from './driver/firefox';
import type { BrowserDriver } from './driver/types';
import { BROWSERS, RESULTS, ROOT, until } from './harness';
import { buildDemoSite, demoReportPaths } from '../../scripts/lib/demo-site';
import { startStaticServer } from '../../scripts/lib/static-server';

const START = { chromium: startChromium, firefox: startFirefox };
const SHIPPED = { chromium: join(ROOT, 'dist/chrome'), firefox: join(ROOT, 'dist/firefox') };

/** What the page's own script can learn of Storyline's host. */
const PAGE_VIEW = `(() => {
  const host = document.querySelector('[data-storyline]');
  return host && { root: host.shadowRoot, text: host.textContent, children: host.children.length, frames: window.frames.length };
})()`;

/** Whether the page's own script finds something of Storyline's at a point of the sidebar's side. */
const SIDEBAR_OVER_PAGE = `document.elementFromPoint(innerWidth - 60, innerHeight / 2)?.hasAttribute('data-storyline') === true`;

for (const browser of BROWSERS) {
  describe(`${browser}: the shipped build's closed shadow root`, () => {
    let driver: BrowserDriver;
    let close: () => Promise<void>;
    const site = buildDemoSite();

    before(async () => {
      const server = await startStaticServer(site);
      close = server.close;
      driver = await START[browser](SHIPPED[browser], server.origin, RESULTS);
    });
    after(async () => {
      await driver?.stop();
      await close?.();
    });

    test('the page finds the host and nothing in it; the reader tabs to the launcher and opens the sidebar on the story', async () => {
      const page = await driver.open(demoReportPaths(site)[0]!.path);
      await until(page, `document.querySelector('[data-storyline]') !== null`, 20_000);
      assert.deepEqual(await page.evaluate(PAGE_VIEW), { root: null, text: '', children: 0, frames: 0 });
      assert.equal(await page.evaluate(SIDEBAR_OVER_PAGE), false);

      // The launcher is the page's first Tab stop (its host comes first in <html>).
      await page.press('Tab');
      await until(page, `document.activeElement?.hasAttribute('data-storyline') === true`);
      await page.press('Enter');
      // The sidebar covers the page's side (seen from the page as the host), and shows the story.
      await until(page, SIDEBAR_OVER_PAGE);
      await until(page.sidebar, `document.querySelector('h1[data-testid="story-title"]')?.textContent.length > 0`, 20_000);
      // Open, it is as closed to the page: no frame the page can reach, no text.
      assert.deepEqual(await page.evaluate(PAGE_VIEW), { root: null, text: '', children: 0, frames: 0 });
      // The host itself is the page's to reach: made invisible over the open sidebar (a click there
      // would land on it unseen), it is put back as it was made.
      await page.evaluate(`document.querySelector('[data-storyline]').style.setProperty('opacity', '0', 'important')`);
      await until(page, `getComputedStyle(document.querySelector('[data-storyline]')).opacity === '1'`);
      await page.close();
    });
  });
}
