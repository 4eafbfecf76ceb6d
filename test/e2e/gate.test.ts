// The gate (issue 18): on a page that is not an article only the small gate script runs. It sends
// the background nothing, even on a real right-click, and no extraction code is injected; an
// in-page navigation of the same document to an article is still noticed, which proves the gate was
// alive on the page all along, and then the extraction bundle is injected exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAUNCHER, inEachBrowser } from './harness';

interface TrafficEntry {
  tabId: number;
  what: string;
  url: string;
  at: number;
}

/** The gate waits this long after an in-page navigation before it looks (navigation.ts's SETTLE_MS, less a margin). */
const SETTLE_MS = 700;

inEachBrowser((rig) => {
  test('a page that is not an article sends nothing and loads no extraction code; its SPA navigation to an article does', async () => {
    const { driver, reports } = rig();
    const article = reports[0]!;
    const page = await driver.open('/?gate');
    const start = page.url();
    // A real right-click on a link: the gate notes its text in its own world, and sends nothing.
    await page.click('a[href]', { button: 'right' });
    await page.press('Escape');
    // No wait here for the gate to have looked at the page: what it sent is read once the launcher
    // (an outcome) is up, and a gate that asked for the page as it first was, early or late, shows
    // there as a second ask or one before the navigation settled.
    // The same document becomes an article (as a single-page app would show one).
    const pushedAt = Date.now();
    await page.evaluate(`(async () => {
      const html = await (await fetch(${JSON.stringify(article)})).text();
      const next = new DOMParser().parseFromString(html, 'text/html');
      document.documentElement.replaceChildren(...next.documentElement.childNodes);
      history.pushState({}, '', ${JSON.stringify(article)});
      return true;
    })()`);
    await page.waitFor(LAUNCHER, { timeout: 20_000 });
    const traffic = await driver.background<TrafficEntry[]>('storyline.traffic()');
    // Chrome names the sender by the document's first address, Firefox by its address now.
    const fromPage = (entry: TrafficEntry): boolean => entry.url === start || entry.url === `${driver.origin}${article}`;
    const asked = traffic.filter((entry) => fromPage(entry) && entry.what === 'page/article');
    assert.equal(asked.length, 1, `the gate asked for extraction once: ${JSON.stringify(traffic)}`);
    // Only the navigation made it ask: not the page as it first was (nor the right-click).
    assert.ok(asked[0]!.at >= pushedAt + SETTLE_MS, 'the gate asked only after the in-page navigation settled');
    const tab = traffic.filter((entry) => entry.tabId === asked[0]!.tabId);
    assert.ok(tab.every((entry) => entry.at >= asked[0]!.at), `nothing from the tab before the gate asked: ${JSON.stringify(tab)}`);
    assert.equal(tab.filter((entry) => entry.what.startsWith('inject ')).length, 1, 'the extraction bundle was injected once, for the article');
    assert.ok(tab.some((entry) => entry.what === 'article/found'));
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});
