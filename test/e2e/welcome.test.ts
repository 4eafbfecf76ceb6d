// The first minute, as a new reader lives it: a fresh profile opens the welcome page by itself; the
// reader finds four outlets of the shipped directory and saves them; each source's progress shows.
// One outlet's server hangs: the page says how many stories Storyline already knows from the other
// three, and the story most of them cover, without waiting for it; then another outlet's article
// about the same event, opened before Save when no story could hold it, shows the launcher with the
// three outlets' reports in its sidebar, without a reload, while the hung source is still out.
// The outlets keep their real host names: a private outlet network (outlet-network.ts) serves their
// feeds and pages from 127.0.0.1, and the browsers reach nothing else.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startChromium } from './driver/chromium';
import { startFirefox } from './driver/firefox';
import type { BrowserDriver, TabPage } from './driver/types';
import { BROWSERS, LAUNCHER, outcome, outcomes, RESULTS, ROOT, testId, until } from './harness';
import { E2E_BUILD } from '../../scripts/build';
import { startOutletNetwork, type OutletNetwork, type Site } from '../../scripts/lib/outlet-network';
import { articlePage, EVENT, hostOf, OTHER_NEWS, pathOf, rss } from '../../scripts/lib/first-run-fixture';
import type { Directory, DirectoryOutlet } from '../../src/formats/directory';

const START = { chromium: startChromium, firefox: startFirefox };
// The instrumented build: each look at a page marks its outcome (src/content/timing.ts).
const EXTENSIONS = { chromium: join(ROOT, E2E_BUILD, 'chrome'), firefox: join(ROOT, E2E_BUILD, 'firefox') };
const DIRECTORY = JSON.parse(readFileSync(join(ROOT, 'assets/directory/outlets.json'), 'utf8')) as Directory;

/** Past any time the tests take: the slow outlet's top feed is still out when they end. */
const HUNG_MS = 600_000;

/**
 * Each chosen outlet's top feed carries the event and some other news; its opinion feed, other
 * news. The slow outlet's top feed answers only after HUNG_MS.
 */
function outletSites(chosen: DirectoryOutlet[], slow: DirectoryOutlet, fourth: DirectoryOutlet): Map<string, Site> {
  const feeds = new Map<string, string>();
  chosen.forEach((outlet, i) => {
    const event = { ...EVENT[i]!, path: `/news/port-kestrel-strike-${i}`, hoursAgo: 2 + i };
    const other = { ...OTHER_NEWS[i % OTHER_NEWS.length]!, path: `/news/other-${i}`, hoursAgo: 5 };
    feeds.set(outlet.feeds.top, rss(outlet, [event, other]));
    if (outlet.feeds.opinion) feeds.set(outlet.feeds.opinion, rss(outlet, []));
  });
  feeds.set(slow.feeds.top, rss(slow, [{ ...OTHER_NEWS[0]!, path: '/news/slow', hoursAgo: 1 }]));
  if (slow.feeds.opinion) feeds.set(slow.feeds.opinion, rss(slow, []));
  const sites = new Map<string, Site>();
  for (const [url, body] of feeds) {
    const host = hostOf(url);
    const previous = sites.get(host);
    const delayMs = url === slow.feeds.top ? HUNG_MS : 0;
    sites.set(host, (path) => (path === pathOf(url) ? { body, type: 'application/rss+xml', delayMs } : (previous?.(path) ?? null)));
  }
  sites.set(fourth.domain, (path) => (path === '/news/port-kestrel' ? { body: articlePage(fourth) } : null));
  return sites;
}

for (const browser of BROWSERS) {
  describe(`${browser}: first run`, () => {
    let network: OutletNetwork;
    let driver: BrowserDriver;
    /** The other outlet's article, opened before Save. */
    let early: TabPage;
    const recommended = DIRECTORY.recommended.map((id) => DIRECTORY.outlets.find((o) => o.id === id)!);
    const chosen = recommended.slice(0, 3);
    const slow = recommended[3]!;
    const fourth = DIRECTORY.outlets.find((o) => !chosen.includes(o) && o !== slow && !o.via)!;

    before(async () => {
      network = await startOutletNetwork(outletSites(chosen, slow, fourth));
      driver = await START[browser](EXTENSIONS[browser], 'http://127.0.0.1', RESULTS, { proxy: network.proxyUrl });
    });
    after(async () => {
      await driver?.stop();
      await network?.close();
    });

    test('a fresh profile opens the welcome page; the chosen outlets become stories with visible progress, a hung one not waited for', async () => {
      const welcome = await driver.extensionTabOpened('welcome.html');
      await welcome.waitFor(testId('source-picker'), { timeout: 15_000 });
      assert.match(await welcome.text('h1'), /Welcome to Storyline/);
      for (const outlet of [...chosen, slow]) {
        // The reader searches for each outlet by name and ticks it.
        await welcome.evaluate(`(() => { const el = document.querySelector('#outlet-search'); el.value = ${JSON.stringify(outlet.name)}; el.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`);
        await welcome.waitFor(`[data-outlet="${outlet.id}"] input`, { timeout: 5_000 });
        await welcome.click(`[data-outlet="${outlet.id}"] input`);
      }
      await welcome.waitForText('.save-count', /4 outlets chosen/, 5_000);
      await welcome.screenshot('welcome-chosen');
      // Meanwhile the reader opens another outlet's article about the event: nothing holds it yet.
      early = await driver.open(`https://${fourth.domain}/news/port-kestrel`);
      assert.equal(await outcome(early), 'no-match');
      // Back to the welcome page: Firefox takes trusted clicks on the shown tab only.
      await welcome.evaluate(`(globalThis.browser ?? globalThis.chrome).tabs.getCurrent().then((tab) => (globalThis.browser ?? globalThis.chrome).tabs.update(tab.id, { active: true })).then(() => true)`);
      // A real click: Firefox grants host access only while it handles the reader's input.
      await welcome.click(testId('save-sources'), { gesture: true });
      // The hung source's time limit is 20 s: the stories of the others are stored long before.
      await welcome.waitFor(testId('welcome-landed'), { timeout: 60_000 });
      const sources = chosen.reduce((n, o) => n + (o.feeds.opinion ? 2 : 1), slow.feeds.opinion ? 1 : 0);
      assert.match(await welcome.text(testId('welcome-landed')), new RegExp(`Storyline already knows \\d+ stories? from ${sources} sources`));
      assert.equal(await welcome.count(`[data-source="${slow.feeds.top}"][data-state="fetching"]`), 1, 'the hung source is still out');
      assert.equal(await welcome.count('[data-state="failed"]'), 0);
      assert.equal(await welcome.count('[data-state="done"]'), sources);
      // The story all three outlets carry is the most covered, with each outlet's report to open.
      await welcome.waitFor('[data-top-story]', { timeout: 15_000 });
      assert.match(await welcome.text('[data-top-story]'), /Port Kestrel.*Covered by 3 of your sources/s);
      const links = await welcome.evaluate<string[]>(`[...document.querySelector('[data-top-story]').querySelectorAll('a')].map((a) => a.href)`);
      assert.deepEqual(new Set(links), new Set(chosen.map((o, i) => `https://${o.domain}/news/port-kestrel-strike-${i}`)));
      await welcome.screenshot('welcome-landed');
      // Every feed was asked for once, and nothing else went out.
      for (const outlet of [...chosen, slow]) assert.ok(network.requests.get(hostOf(outlet.feeds.top))?.includes(pathOf(outlet.feeds.top)));
      assert.ok(network.maxInFlight <= 6);
    });

    test('the other outlet’s article, open since before Save, shows the three outlets’ reports without a reload, the hung source still out', async () => {
      const page = early;
      await page.waitFor(LAUNCHER, { timeout: 20_000 });
      assert.equal((await page.text(LAUNCHER)).trim(), 'Storyline · 3 reports');
      assert.deepEqual(await outcomes(page), ['no-match'], 'the page was read once, before the stories came');
      await page.click(LAUNCHER);
      await page.sidebar.waitFor('[data-section="coverage"] [data-report]', { timeout: 15_000 });
      await until(page.sidebar, `document.querySelectorAll('[data-section="coverage"] [data-report]:not([aria-current])').length === 3`);
      const listed = await page.sidebar.evaluate<string>(`[...document.querySelectorAll('[data-section="coverage"] [data-report]')].map((r) => r.textContent).join('\\n')`);
      for (const report of EVENT) assert.ok(listed.includes(report.title), `${report.title} is listed`);
      await page.screenshot('welcome-first-story');
      await page.close();
    });
  });
}
