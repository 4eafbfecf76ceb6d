// The whole story for a story no curator wrote: the reader takes two outlets' news feeds and one
// outlet's opinion feed (the column's own address says nothing of opinion: the feed's does); a
// third outlet's article about the same event then shows, in the sidebar, a summary assembled from
// both outlets' reports with each sentence credited, categories from the civic classifier with the
// words that decided them, their standing steps, both reports under Coverage and the column under
// Opinions, not Coverage. Outlets keep their own host names on a private outlet network.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startChromium } from './driver/chromium';
import { startFirefox } from './driver/firefox';
import type { BrowserDriver, ExtensionPage, TabPage } from './driver/types';
import { BROWSERS, LAUNCHER, RESULTS, ROOT, testId, until } from './harness';
import { E2E_BUILD } from '../../scripts/build';
import { MATCH_THRESHOLD } from '../../src/engine';
import { OPINION_ATTACH_THRESHOLD } from '../../src/background/feeds/feed-opinions';
import { axeViolations } from './axe';
import { startOutletNetwork, type OutletNetwork, type Site } from '../../scripts/lib/outlet-network';
import { esc, feedXml, type FeedItem } from '../../scripts/lib/first-run-fixture';

const START = { chromium: startChromium, firefox: startFirefox };
const EXTENSIONS = { chromium: join(ROOT, E2E_BUILD, 'chrome'), firefox: join(ROOT, E2E_BUILD, 'firefox') };

// A made-up event in made-up outlets' words.
const LEDGER = { host: 'www.harbourledger.example', name: 'The Harbour Ledger' };
const COURIER = { host: 'www.eastcourier.example', name: 'East Courier' };
const GAZETTE = { host: 'www.valleygazette.example', name: 'Valley Gazette' };
const HERALD = { host: 'www.northherald.example', name: 'North Herald' };

const REPORTS: FeedItem[] = [
  {
    title: 'Senate committee advances bill to require background checks on private gun sales',
    summary: 'The Senate Judiciary Committee voted 12 to 10 on Tuesday to advance a bill requiring background checks on private gun sales, sending it to the full Senate. Supporters said the bill closes a gap that lets buyers avoid checks at gun shows.',
    path: '/news/background-checks-bill-committee',
    hoursAgo: 4,
  },
  {
    title: 'Background-check bill for private gun sales clears Senate Judiciary Committee',
    summary: 'A bill extending background checks to private gun sales cleared the Senate Judiciary Committee on Tuesday on a party-line vote of 12 to 10. Opponents on the committee said the checks would burden lawful gun owners without stopping crime.',
    path: '/politics/gun-background-checks-committee-vote',
    hoursAgo: 3,
  },
];
const COLUMN: FeedItem = {
  title: 'Background checks on private gun sales are overdue, and senators know it',
  summary: 'The Senate Judiciary Committee’s vote on background checks for private gun sales was close, but the case for the bill is not: every gun sale should carry the same check.',
  path: '/2026/06/16/background-checks-overdue',
  hoursAgo: 2,
  author: 'Rae Columnist',
};
// The same outlets' reports of another event in Chinese, which has no spaces between words, and a
// third outlet's page about it worded its own way (the engine reads such text as its words).
const CHINESE_REPORTS: FeedItem[] = [
  {
    title: '港口城市宣布扩建集装箱码头',
    summary: '港口管理局周二宣布，将投资四十亿元扩建东港集装箱码头，新增六个泊位，预计三年内完工。',
    path: '/news/port-expansion-zh',
    hoursAgo: 5,
  },
  {
    title: '东港集装箱码头扩建计划获批',
    summary: '市政府周二批准东港集装箱码头扩建计划，港口管理局表示新泊位将缓解货运拥堵。',
    path: '/politics/port-expansion-approved-zh',
    hoursAgo: 4,
  },
];
const CHINESE_PAGE = {
  path: '/china/port-terminal-expansion',
  title: '四十亿元扩建东港集装箱码头 新增六个泊位',
  paragraphs: [
    '港口管理局周二表示，东港集装箱码头扩建工程将新增六个泊位，总投资四十亿元，计划三年内完工。',
    '管理局负责人说，近年来货运量持续增长，码头拥堵问题日益突出，扩建后每年可多处理两百万个标准集装箱。',
    '市政府当天批准了这项计划。部分居民担心施工期间的噪音和交通问题，管理局承诺将公布施工时间表，并在夜间限制重型车辆进出港区。',
    '据介绍，扩建工程分两期进行。第一期将建设三个深水泊位和一座新的堆场，第二期再建设三个泊位，并修建连接铁路货运站的专用线。',
    '航运企业对这一计划表示欢迎。一家船运公司的负责人说，过去一年船舶在港外等候靠泊的时间明显增加，新泊位投入使用后，等候时间有望缩短一半。',
    '环保团体则呼吁管理局在动工前公开环境影响评估报告，说明工程对附近湿地和渔业的影响。管理局表示，评估报告将在下月向社会公示。',
  ],
};
const DAILY = { host: 'www.harbourdaily.example', name: '港湾日报' };

const OTHER: FeedItem[] = [
  { title: 'Rare orchid found flowering in a city park after forty years', summary: 'Botanists confirmed the find on a shaded slope near the old bandstand on Monday.', path: '/news/orchid', hoursAgo: 6 },
  { title: 'Regional library network extends weekend opening hours', summary: 'Twelve branches will open on Sundays from next month, the council said.', path: '/news/library', hoursAgo: 7 },
];
const PAGE = {
  path: '/nation/senate-panel-background-checks',
  title: 'Senate Judiciary Committee advances background checks bill for private gun sales',
  paragraphs: [
    'The Senate Judiciary Committee voted 12 to 10 on Tuesday to advance a bill that would require background checks on private gun sales, including sales at gun shows and online.',
    'The bill now goes to the full Senate, where supporters will need sixty votes to overcome a filibuster. The committee vote followed two days of hearings with police chiefs and gun owners.',
    'Supporters of the background checks bill said private gun sales are a gap that lets buyers avoid the checks licensed dealers must run. Opponents said the bill would burden lawful gun owners.',
    'The committee chair said the full Senate could take up the bill on private gun sales before the summer recess.',
  ],
};

// A fourth outlet's column about the event, at an opinion address as outlets file theirs: it argues
// and restates little, so as a report it would score under the threshold reports are held to.
const HERALD_COLUMN = {
  path: '/opinion/checks-for-every-sale',
  title: 'Checks for every sale, at last',
  byline: 'By Sam Writer',
  paragraphs: [
    'Every few years we are told that closing the private-sale loophole would trample the rights of hunters and collectors. It would not.',
    'Buyers at licensed stores already wait a few minutes for a background check; asking the same of strangers trading rifles in a parking lot is common sense.',
    'Senators who have spent a decade dodging the question should finally answer it.',
  ],
};

/** An outlet's article page: headline, byline when given, the paragraphs, published `minutesAgo`. */
function pageHtml(page: { title: string; paragraphs: string[]; byline?: string }, outlet: { name: string }, minutesAgo: number, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(page.title)}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="${outlet.name}">
<meta property="article:published_time" content="${new Date(Date.now() - minutesAgo * 60_000).toISOString()}"></head>
<body><article><h1>${esc(page.title)}</h1>${page.byline ? `<p class="byline">${esc(page.byline)}</p>` : ''}${page.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article></body></html>`;
}

const FEEDS = {
  ledger: `https://${LEDGER.host}/rss/news.xml`,
  courier: `https://${COURIER.host}/feeds/politics.xml`,
  // The opinion section's feed: "Opinion" in its address, as the directory's opinion feeds have it.
  column: `https://${COURIER.host}/rss/Opinion.xml`,
};

function sites(): Map<string, Site> {
  const bodies = new Map([
    [FEEDS.ledger, feedXml(LEDGER.name, LEDGER.host, [REPORTS[0]!, OTHER[0]!, CHINESE_REPORTS[0]!])],
    [FEEDS.courier, feedXml(`${COURIER.name} | Politics`, COURIER.host, [REPORTS[1]!, OTHER[1]!, CHINESE_REPORTS[1]!])],
    [FEEDS.column, feedXml(`${COURIER.name} | Opinion`, COURIER.host, [COLUMN])],
  ]);
  const out = new Map<string, Site>();
  for (const [url, body] of bodies) {
    const { hostname, pathname } = new URL(url);
    const previous = out.get(hostname);
    out.set(hostname, (path) => (path === pathname ? { body, type: 'application/rss+xml' } : (previous?.(path) ?? null)));
  }
  // The page's own favicon request is answered too: a 404 would count as a page error.
  out.set(GAZETTE.host, (path) => (path === PAGE.path ? { body: pageHtml(PAGE, GAZETTE, 60) } : path === '/favicon.ico' ? { status: 204, body: '' } : null));
  out.set(DAILY.host, (path) => (path === CHINESE_PAGE.path ? { body: pageHtml(CHINESE_PAGE, DAILY, 45, 'zh') } : path === '/favicon.ico' ? { status: 204, body: '' } : null));
  out.set(HERALD.host, (path) => (path === HERALD_COLUMN.path ? { body: pageHtml(HERALD_COLUMN, HERALD, 30) } : path === '/favicon.ico' ? { status: 204, body: '' } : null));
  return out;
}

/** What ExternalLink adds for screen readers, taken off a link's text (a regex literal in page scripts). */
const NEW_TAB = '/\\s*\\(opens in a new tab\\)$/';

const fill = (page: ExtensionPage, selector: string, value: string): Promise<boolean> =>
  page.evaluate(`(() => { const el = document.querySelector(${JSON.stringify(selector)}); el.value = ${JSON.stringify(value)}; el.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`);

for (const browser of BROWSERS) {
  describe(`${browser}: opinions and an assembled summary for a story from feeds`, () => {
    let network: OutletNetwork;
    let driver: BrowserDriver;

    before(async () => {
      network = await startOutletNetwork(sites());
      driver = await START[browser](EXTENSIONS[browser], 'http://127.0.0.1', RESULTS, { proxy: network.proxyUrl });
    });
    after(async () => {
      await driver?.stop();
      await network?.close();
    });

    test('two outlets’ news feeds and an opinion feed, added on the options page', async () => {
      const options = await driver.openExtensionTab('options.html');
      await options.waitFor(testId('feeds'), { timeout: 15_000 });
      // In front of the welcome page the first run opened: Firefox takes trusted clicks on the shown tab only.
      await options.evaluate(`(globalThis.browser ?? globalThis.chrome).tabs.getCurrent().then((tab) => (globalThis.browser ?? globalThis.chrome).tabs.update(tab.id, { active: true })).then(() => true)`);
      for (const url of Object.values(FEEDS)) {
        await fill(options, '#feed-url', url);
        // A real click: the options page asks for the outlet's host access while handling it.
        await options.click(`${testId('feeds')} button[type="submit"]`, { gesture: true });
        await options.waitFor(`[data-feed="${url}"]`, { timeout: 20_000 });
      }
      await until(options, `/Stored on this device: 7 feed articles/.test(document.querySelector('[data-testid="feed-store-size"]')?.textContent ?? '')`, 20_000);
      assert.equal(await options.count(`${testId('feeds')} [data-error]`), 0);
      await options.close();
    });

    test('a third outlet’s article shows the credited summary, categories with why, steps, the reports and the column under Opinions', async () => {
      const page = await driver.open(`https://${GAZETTE.host}${PAGE.path}`);
      await page.waitFor(LAUNCHER, { timeout: 20_000 });
      // The count is of reports: the column is not coverage.
      assert.equal((await page.text(LAUNCHER)).trim(), 'Storyline · 2 reports');
      await page.click(LAUNCHER);
      const { sidebar } = page;
      await sidebar.waitFor('[data-section="opinions"] [data-opinion]', { timeout: 15_000 });

      // Coverage: both reports (and the page itself), never the column.
      const coverage = await sidebar.evaluate<string[]>(`[...document.querySelectorAll('[data-section="coverage"] [data-report]')].map((r) => r.querySelector('.report-title').textContent.replace(${NEW_TAB}, ''))`);
      for (const report of REPORTS) assert.ok(coverage.includes(report.title), `${report.title} is under Coverage: ${JSON.stringify(coverage)}`);
      assert.ok(!coverage.includes(COLUMN.title), 'the column is not under Coverage');

      // Opinions: the column, linked, with its author, outlet and time.
      const opinions = await sidebar.evaluate<{ title: string; href: string | null; byline: string }[]>(
        `[...document.querySelectorAll('[data-section="opinions"] [data-opinion]')].map((o) => ({ title: o.querySelector('.opinion-title').textContent.replace(${NEW_TAB}, ''), href: o.querySelector('.opinion-title a')?.getAttribute('href') ?? null, byline: o.querySelector('.opinion-byline').textContent }))`,
      );
      assert.deepEqual(opinions.map((o) => [o.title, o.href]), [[COLUMN.title, `https://${COURIER.host}${COLUMN.path}`]]);
      assert.match(opinions[0]!.byline, new RegExp(`Rae Columnist, ${COURIER.name}.*ago`));

      // The summary: sentences of both outlets' reports, each with its outlet's credit.
      const parts = await sidebar.evaluate<{ source: string | null; credit: string; text: string }[]>(
        `[...document.querySelectorAll('.story-header [data-summary-source]')].map((p) => ({ source: p.getAttribute('data-summary-source'), credit: p.querySelector('cite').textContent, text: p.textContent }))`,
      );
      assert.deepEqual(parts.map((p) => p.source).sort(), [COURIER.name, LEDGER.name].sort());
      for (const p of parts) {
        assert.equal(p.credit, `— ${p.source}`);
        const lead = REPORTS[p.source === LEDGER.name ? 0 : 1]!.summary;
        assert.ok(lead.includes(p.text.replace(p.credit, '').trim()), `"${p.text}" is a sentence of ${p.source}'s lead`);
      }

      // Categories from the classifier, each with the words that decided it, and their standing steps.
      assert.ok((await sidebar.count('[data-section="categories"] [data-category]')) >= 1);
      assert.ok((await sidebar.count('[data-section="categories"] [data-category] [data-testid="category-why"]')) >= 1);
      assert.ok((await sidebar.count('[data-section="actions"] [data-action]')) >= 1);
      assert.deepEqual(page.errors, []);
      await page.screenshot('opinions-sidebar');
      await sidebar.evaluate(`(document.querySelector('[data-section="opinions"]').scrollIntoView({ block: 'start', behavior: 'instant' }), true)`);
      await page.screenshot('opinions-sidebar-opinions');
      await page.close();
    });

    test('the reader files the story under a category of their own, its steps follow, and it stays filed when the page is read again', async () => {
      const open = async (): Promise<TabPage> => {
        const page = await driver.open(`https://${GAZETTE.host}${PAGE.path}`);
        await page.waitFor(LAUNCHER, { timeout: 20_000 });
        await page.click(LAUNCHER);
        await page.sidebar.waitFor('[data-section="categories"] [data-testid="category-pick"]', { timeout: 15_000 });
        return page;
      };
      const filed = `[...document.querySelectorAll('[data-section="categories"] [data-category]')].map((li) => li.getAttribute('data-category'))`;
      const steps = `[...document.querySelectorAll('[data-section="actions"] [data-action]')].map((a) => a.getAttribute('data-action'))`;
      const aside = `document.querySelector('[data-section="categories"] .section-aside')?.textContent`;
      let page = await open();
      const given = await page.sidebar.evaluate<string[]>(filed);
      assert.ok(given.length >= 1, 'the classifier filed the story');
      assert.deepEqual(await axeViolations(page.sidebar), [], 'the filing controls (remove, the list of categories)');

      // Take the classifier's categories away: their steps go with them.
      for (const id of given) {
        await page.sidebar.click(`[data-category="${id}"] [data-testid="category-remove"]`);
        await until(page.sidebar, `!document.querySelector('[data-category="${id}"]')`);
      }
      await until(page.sidebar, `${aside} === 'Chosen by you'`);
      assert.deepEqual(await page.sidebar.evaluate<string[]>(steps), []);
      assert.deepEqual(await axeViolations(page.sidebar), [], 'a story the reader left without a category (its empty checklist, Let Storyline choose again)');
      await page.screenshot('filing-none-chosen');

      // File it under a category from the list: that category's standing steps appear.
      await page.sidebar.evaluate(`(() => { const s = document.querySelector('[data-testid="category-pick"]'); s.value = 'civic/housing'; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`);
      await page.sidebar.click('[data-testid="category-pick-add"]');
      await page.sidebar.waitFor('[data-category="civic/housing"]', { timeout: 10_000 });
      await until(page.sidebar, `${steps}.length > 0`);
      const housing = await page.sidebar.evaluate<string[]>(steps);
      assert.ok(housing.every((id) => id.startsWith('civic/housing#')), JSON.stringify(housing));
      assert.deepEqual(page.errors, []);
      await page.close();

      // Read again: the reader's choice stands; "Let Storyline choose again" brings the classifier's back.
      page = await open();
      assert.deepEqual(await page.sidebar.evaluate<string[]>(filed), ['civic/housing']);
      assert.equal(await page.sidebar.evaluate<string>(aside), 'Chosen by you');
      await page.sidebar.click('[data-testid="categories-reset"]');
      await until(page.sidebar, `JSON.stringify(${filed}) === ${JSON.stringify(JSON.stringify(given))}`);
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('a page in Chinese launches on the story of its event, from the two outlets’ reports in Chinese', async () => {
      const page = await driver.open(`https://${DAILY.host}${CHINESE_PAGE.path}`);
      await page.waitFor(LAUNCHER, { timeout: 20_000 });
      assert.equal((await page.text(LAUNCHER)).trim(), 'Storyline · 2 reports');
      await page.click(LAUNCHER);
      await page.sidebar.waitFor('[data-section="coverage"] [data-report]', { timeout: 15_000 });
      const coverage = await page.sidebar.evaluate<string>(`document.querySelector('[data-section="coverage"]').textContent`);
      for (const report of CHINESE_REPORTS) assert.ok(coverage.includes(report.title), `${report.title} is under Coverage`);
      assert.ok(!coverage.includes(REPORTS[0]!.title), 'the English story is another story');
      assert.deepEqual(page.errors, []);
      await page.screenshot('chinese-page-sidebar');
      await page.close();
    });

    test('a column at an opinion address launches on the story it argues about, at the bar feed opinions attach at', async () => {
      const page = await driver.open(`https://${HERALD.host}${HERALD_COLUMN.path}`);
      await page.waitFor(LAUNCHER, { timeout: 20_000 });
      // The two outlets' reports, and the Gazette's article read above (kept as reading history).
      assert.equal((await page.text(LAUNCHER)).trim(), 'Storyline · 3 reports');
      await page.click(LAUNCHER);
      const { sidebar } = page;
      await sidebar.waitFor('[data-section="coverage"] [data-report]', { timeout: 15_000 });
      const coverage = await sidebar.evaluate<string>(`document.querySelector('[data-section="coverage"]').textContent`);
      for (const report of REPORTS) assert.ok(coverage.includes(report.title), `${report.title} is under Coverage`);
      // Its score is under the threshold a report needs: it launched as an opinion.
      await until(sidebar, `!!document.querySelector('[data-testid="why"] .why-strength')`);
      const score = Number(await sidebar.evaluate<string>(`document.querySelector('.why-strength').dataset.score`));
      assert.ok(score >= OPINION_ATTACH_THRESHOLD && score < MATCH_THRESHOLD, `score ${score}`);
      // Said in words: a looser match, as for opinion and analysis.
      assert.match(await sidebar.evaluate<string>(`document.querySelector('.why-strength').textContent`), /looser match/);
      assert.deepEqual(page.errors, []);
      await page.screenshot('opinion-page-sidebar');
      await page.close();
    });
  });
}
