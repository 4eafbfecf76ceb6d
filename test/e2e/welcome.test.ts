// The first minute, as a new reader lives it: a fresh profile opens the welcome page by itself; the
// reader finds three outlets of the shipped directory and saves them; each source's progress shows
// and the page ends with how many stories Storyline now knows; then a fourth outlet's article about
// the same event shows the launcher with the three other outlets' reports in its sidebar.
// The outlets keep their real host names: a private outlet network (outlet-network.ts) serves their
// feeds and pages from 127.0.0.1, and the browsers reach nothing else.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startChromium } from './driver/chromium';
import { startFirefox } from './driver/firefox';
import type { BrowserDriver } from './driver/types';
import { BROWSERS, LAUNCHER, RESULTS, ROOT, testId, until } from './harness';
import { startOutletNetwork, type OutletNetwork, type Site } from './outlet-network';
import type { Directory, DirectoryOutlet } from '../../src/shared/directory';

const START = { chromium: startChromium, firefox: startFirefox };
const EXTENSIONS = { chromium: join(ROOT, 'dist/chrome'), firefox: join(ROOT, 'dist/firefox') };
const DIRECTORY = JSON.parse(readFileSync(join(ROOT, 'assets/directory/outlets.json'), 'utf8')) as Directory;

// A made-up event, told by each outlet in its own words (no real outlet wrote any of this).
const EVENT = [
  {
    title: 'Harbour cranes fall silent as Port Kestrel dockworkers begin 48-hour strike',
    summary: 'Dockworkers at Port Kestrel walked out at dawn on Tuesday in a dispute over night-shift pay, halting container traffic at the country’s second-busiest harbour.',
  },
  {
    title: 'Port Kestrel strike: container ships queue offshore as dockworkers walk out',
    summary: 'About forty container ships waited off Port Kestrel on Tuesday after dockworkers began a 48-hour strike over night-shift pay and staffing.',
  },
  {
    title: 'Dockworkers strike at Port Kestrel over night-shift pay',
    summary: 'The Port Kestrel dockworkers’ union began a two-day strike on Tuesday, saying talks with the harbour authority on night-shift pay had collapsed.',
  },
];
const FOURTH = {
  title: 'Port Kestrel dockworkers strike for 48 hours, leaving container ships stranded offshore',
  paragraphs: [
    'Dockworkers at Port Kestrel began a 48-hour strike at dawn on Tuesday, leaving dozens of container ships anchored offshore and cranes idle along the harbour’s main quay.',
    'The dockworkers’ union said talks with the harbour authority over night-shift pay and staffing had collapsed on Monday evening after three weeks of negotiation.',
    'The harbour authority said about forty container ships were waiting to berth and that perishable cargo would be moved first once the strike at Port Kestrel ends on Thursday.',
    'Shipping companies warned that the walkout at the country’s second-busiest harbour could delay deliveries for a week as vessels are rerouted to other ports.',
  ],
};
const OTHER_NEWS = [
  { title: 'Rare orchid found flowering in a city park after forty years', summary: 'Botanists confirmed the find on a shaded slope near the old bandstand.' },
  { title: 'Regional library network extends weekend opening hours', summary: 'Twelve branches will open on Sundays from next month, the council said.' },
];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rss(outlet: DirectoryOutlet, items: { title: string; summary: string; path: string; hoursAgo: number }[]): string {
  const entries = items
    .map((i) => `<item><title>${esc(i.title)}</title><link>https://${outlet.domain}${i.path}</link><guid>https://${outlet.domain}${i.path}</guid><description>${esc(i.summary)}</description><pubDate>${new Date(Date.now() - i.hoursAgo * 3_600_000).toUTCString()}</pubDate></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${esc(outlet.name)}</title><link>https://${outlet.domain}/</link>${entries}</channel></rss>`;
}

function articlePage(outlet: DirectoryOutlet): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(FOURTH.title)}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="${esc(outlet.name)}">
<meta property="article:published_time" content="${new Date(Date.now() - 3_600_000).toISOString()}"></head>
<body><article><h1>${esc(FOURTH.title)}</h1>${FOURTH.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article></body></html>`;
}

const pathOf = (url: string): string => new URL(url).pathname + new URL(url).search;
const hostOf = (url: string): string => new URL(url).hostname;

/** Each chosen outlet's top feed carries the event and some other news; its opinion feed, other news. */
function outletSites(chosen: DirectoryOutlet[], fourth: DirectoryOutlet): Map<string, Site> {
  const feeds = new Map<string, string>();
  chosen.forEach((outlet, i) => {
    const event = { ...EVENT[i]!, path: `/news/port-kestrel-strike-${i}`, hoursAgo: 2 + i };
    const other = { ...OTHER_NEWS[i % OTHER_NEWS.length]!, path: `/news/other-${i}`, hoursAgo: 5 };
    feeds.set(outlet.feeds.top, rss(outlet, [event, other]));
    if (outlet.feeds.opinion) feeds.set(outlet.feeds.opinion, rss(outlet, []));
  });
  const sites = new Map<string, Site>();
  for (const [url, body] of feeds) {
    const host = hostOf(url);
    const previous = sites.get(host);
    sites.set(host, (path) => (path === pathOf(url) ? { body, type: 'application/rss+xml' } : (previous?.(path) ?? null)));
  }
  sites.set(fourth.domain, (path) => (path === '/news/port-kestrel' ? { body: articlePage(fourth) } : null));
  return sites;
}

for (const browser of BROWSERS) {
  describe(`${browser}: first run`, () => {
    let network: OutletNetwork;
    let driver: BrowserDriver;
    const recommended = DIRECTORY.recommended.map((id) => DIRECTORY.outlets.find((o) => o.id === id)!);
    const chosen = recommended.slice(0, 3);
    const fourth = DIRECTORY.outlets.find((o) => !chosen.includes(o) && !o.via)!;

    before(async () => {
      network = await startOutletNetwork(outletSites(chosen, fourth));
      driver = await START[browser](EXTENSIONS[browser], 'http://127.0.0.1', RESULTS, { proxy: network.proxyUrl });
    });
    after(async () => {
      await driver?.stop();
      await network?.close();
    });

    test('a fresh profile opens the welcome page; three chosen outlets become stories with visible progress', async () => {
      const welcome = await driver.extensionTabOpened('welcome.html');
      await welcome.waitFor(testId('source-picker'), { timeout: 15_000 });
      assert.match(await welcome.text('h1'), /Welcome to Storyline/);
      for (const outlet of chosen) {
        // The reader searches for each outlet by name and ticks it.
        await welcome.evaluate(`(() => { const el = document.querySelector('#outlet-search'); el.value = ${JSON.stringify(outlet.name)}; el.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`);
        await welcome.waitFor(`[data-outlet="${outlet.id}"] input`, { timeout: 5_000 });
        await welcome.click(`[data-outlet="${outlet.id}"] input`);
      }
      await welcome.waitForText('.save-count', /3 outlets chosen/, 5_000);
      await welcome.screenshot('welcome-chosen');
      // A real click: Firefox grants host access only while it handles the reader's input.
      await welcome.click(testId('save-sources'), { gesture: true });
      await welcome.waitFor(testId('welcome-done'), { timeout: 60_000 });
      const sources = chosen.reduce((n, o) => n + (o.feeds.opinion ? 2 : 1), 0);
      assert.match(await welcome.text(testId('welcome-done')), new RegExp(`Storyline now knows \\d+ stories? from ${sources} sources`));
      assert.equal(await welcome.count('[data-state="failed"]'), 0);
      assert.equal(await welcome.count('[data-state="done"]'), sources);
      await welcome.screenshot('welcome-done');
      // Every feed was asked for once, and nothing else went out.
      for (const outlet of chosen) assert.ok(network.requests.get(hostOf(outlet.feeds.top))?.includes(pathOf(outlet.feeds.top)));
      assert.ok(network.maxInFlight <= 6);
    });

    test('a fourth outlet’s article about the same event shows the three other outlets’ reports', async () => {
      const page = await driver.open(`https://${fourth.domain}/news/port-kestrel`);
      await page.waitFor(LAUNCHER, { timeout: 20_000 });
      assert.equal((await page.text(LAUNCHER)).trim(), 'Storyline · 3 reports');
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
