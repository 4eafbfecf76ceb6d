// Sources end to end: the reader subscribes to two local feeds of different outlets on the options
// page (an open options page follows a third feed added and removed from another page), opens one
// outlet's article, and the sidebar lists the other outlet's report of the same story; the article
// lands in reading history; a pack file is imported (a broken one first) and removed; a reader-data
// file is merged (its feed fetched at once); a pack is subscribed to by URL, refreshed with a
// conditional request and updated; a report the reader opened is marked as read in another
// outlet's sidebar; the refresh period is chosen (with the feeds) and the network log, which shows
// every request, is cleared (by the options page only). A followed feed story merged into another
// as a feed arrives stays followed, and a tab open on one of its reports follows it (launcher and
// badge) with nothing reloaded.
// Feeds and pages come from servers on 127.0.0.1 (the second outlet's articles are addressed as
// localhost: another host, the same server).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { samplePack } from '../fixtures/packs';
import { HAITI, haitiItem, harbourAtom, meridianRss, rss } from '../unit/sources-feed-fixtures';
import { startChromium } from './driver/chromium';
import { startFirefox } from './driver/firefox';
import type { BrowserDriver, ExtensionPage } from './driver/types';
import { BROWSERS, LAUNCHER, poll, RESULTS, ROOT, testId, until } from './harness';
import { E2E_BUILD } from '../../scripts/build';
import type { Pack } from '../../src/formats/model';
import { READER_DATA_FORMAT, READER_DATA_VERSION } from '../../src/formats/reader-data';
import { startServer, type LocalServer } from '../unit/sources/local-server';

const START = { chromium: startChromium, firefox: startFirefox };
const EXTENSIONS = { chromium: join(ROOT, E2E_BUILD, 'chrome'), firefox: join(ROOT, E2E_BUILD, 'firefox') };
const ARTICLE = '/world/alaska-summit-no-deal';
const LES_CAYES = '/north/les-cayes';

const SUMMIT =
  'Donald Trump and Vladimir Putin met for three hours at the Anchorage air base on Friday. The Alaska summit ended without a ceasefire agreement on Ukraine, and both leaders left without taking questions from reporters. ';

function articlePage(title = 'Alaska summit ends without a ceasefire deal as Trump and Putin leave Anchorage', site = 'The Daily Meridian', paragraph = SUMMIT): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="${site}">
<meta property="article:published_time" content="2025-08-15T22:00:00Z"></head>
<body><article><h1>${title}</h1>
${Array.from({ length: 8 }, () => `<p>${paragraph.repeat(2)}</p>`).join('\n')}</article></body></html>`;
}

const FERRY = 'The harbour board voted on Tuesday to raise ferry fares by five percent from September, citing fuel costs and crew wages. Commuters said the rise would hit island residents hardest. ';
/** Three outlets' reports of one ferry story, on pages served here: their URLs make them known reports. */
const FERRY_REPORTS = [
  { id: 'gazette', path: '/gazette/ferry-fares-rise', outlet: 'gazette', title: 'Harbour board raises ferry fares by five percent' },
  { id: 'courier', path: '/courier/ferry-fare-rise-approved', outlet: 'courier', title: 'Ferry fare rise approved as fuel costs climb' },
  { id: 'islander', path: '/islander/fares-up-for-island-commuters', outlet: 'islander', title: 'Island commuters face higher ferry fares from September' },
];

/** The pack a publisher serves by URL; `version` 2 adds an opinion digest. */
function ferryPack(origin: string, version: number): Pack {
  return {
    format: 1,
    id: 'ferries',
    publisher: 'Ferry Desk',
    version: String(version),
    updated: `2025-09-0${version}T08:00:00Z`,
    categories: [{ id: 'local', name: 'Local', actions: [] }],
    outlets: FERRY_REPORTS.map((r) => ({ id: r.outlet, name: `The ${r.outlet[0]!.toUpperCase()}${r.outlet.slice(1)}` })),
    stories: [{
      id: 'fares',
      title: 'Ferry fares rise by five percent',
      summary: 'The harbour board raised fares; island commuters object.',
      categories: ['local'],
      articles: FERRY_REPORTS.map((r) => ({ id: r.id, url: `${origin}${r.path}`, title: r.title, outlet: r.outlet, kind: 'report' as const, published: '2025-09-02T07:00:00Z', excerpt: FERRY })),
      opinions: version > 1 ? [{ id: 'o', title: 'Fares and fairness', author: 'Ferry Desk', summary: 'Argues for an island discount.' }] : [],
      actions: [],
    }],
  };
}

const COURIER_RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>The Courier</title><link>https://courier.example/</link>
<item><title>City museum reopens after a two-year renovation</title><link>https://courier.example/museum</link><guid>courier-1</guid>
<pubDate>Sat, 16 Aug 2025 09:00:00 GMT</pubDate><description>The museum's new wing opens to visitors on Saturday.</description></item></channel></rss>`;

/** Chooses an option of a <select> as the reader would: the value, then the change event. */
const choose = (page: ExtensionPage, selector: string, value: string): Promise<boolean> =>
  page.evaluate(`(() => { const el = document.querySelector(${JSON.stringify(selector)}); el.value = ${JSON.stringify(value)}; el.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`);

/** The museum story's feed, which only a reader-data file brings. */
const GALLERY_RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>The Gallery Times</title><link>https://gallery.example/</link>
<item><title>City museum's new wing draws record crowds on its first weekend</title><link>https://gallery.example/wing</link><guid>gallery-1</guid>
<pubDate>Sun, 17 Aug 2025 09:00:00 GMT</pubDate><description>Visitors queued around the block for the reopened museum's new wing.</description></item></channel></rss>`;

const RUNTIME = '(globalThis.browser ?? globalThis.chrome)';

/**
 * A screenshot of one section of the options page, reached as the reader would: by its link in the
 * page's contents, which then marks it as the section being read.
 */
async function sectionShot(page: ExtensionPage, id: string, name: string): Promise<void> {
  const heading = await page.evaluate<string>(`document.querySelector('[data-testid="${id}"]').getAttribute('aria-labelledby')`);
  await page.click(`.options-nav a[href="#${heading}"]`);
  await page.waitFor(`.options-nav a[href="#${heading}"][aria-current="location"]`, { timeout: 10_000 });
  await page.screenshot(name);
}

/** Types into an input as the reader would: the value, then the input event Preact listens to. */
const fill = (page: ExtensionPage, selector: string, value: string): Promise<boolean> =>
  page.evaluate(`(() => { const el = document.querySelector(${JSON.stringify(selector)}); el.value = ${JSON.stringify(value)}; el.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`);

/** Picks a file in a file input of the options page (a DataTransfer is how a page can make a FileList). */
const pickFile = (page: ExtensionPage, name: string, text: string, input = 'import-file'): Promise<boolean> =>
  page.evaluate(`(() => { const input = document.querySelector('[data-testid="${input}"]'); const dt = new DataTransfer(); dt.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}, { type: 'application/json' })); input.files = dt.files; input.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`);

for (const browser of BROWSERS) {
  describe(`${browser}: sources`, () => {
    let server: StaticServer;
    let packServer: LocalServer;
    let driver: BrowserDriver;
    let feedA: string;
    let feedB: string;
    /** A third feed, added and removed from another page while one watches. */
    let feedC: string;
    let packUrl: string;
    /** What the pack URL serves now; a test changes it to publish a new version. */
    let published = { body: '', etag: '' };

    before(async () => {
      const pages = new Map<string, string>();
      server = await startStaticServer(pages);
      const port = new URL(server.origin).port;
      feedA = `${server.origin}/meridian.xml`;
      feedB = `${server.origin}/harbour.xml`;
      pages.set('/meridian.xml', meridianRss(server.origin));
      pages.set('/harbour.xml', harbourAtom(`http://localhost:${port}`));
      pages.set('/courier.xml', COURIER_RSS);
      pages.set('/gallery.xml', GALLERY_RSS);
      // The Les Cayes report is addressed here, so a tab can be open on it (matched by its address).
      pages.set('/north.xml', rss('North Star', 'https://north.example/', [haitiItem(HAITI.quake), haitiItem({ ...HAITI.lesCayes, url: server.origin + LES_CAYES })]));
      pages.set(LES_CAYES, articlePage(HAITI.lesCayes.title, 'North Star', `${HAITI.lesCayes.summary} `));
      pages.set('/south.xml', rss('South Herald', 'https://south.example/', [haitiItem(HAITI.bridge)]));
      feedC = `${server.origin}/courier.xml`;
      pages.set(ARTICLE, articlePage());
      for (const r of FERRY_REPORTS) pages.set(r.path, articlePage(r.title, `The ${r.outlet}`, FERRY));
      // The pack server answers conditionally, as a publisher should (docs/pack-format.md).
      packServer = await startServer({
        '/ferries.json': (req, res) => {
          if (req.headers['if-none-match'] === published.etag) res.writeHead(304).end();
          else res.writeHead(200, { 'content-type': 'application/json', etag: published.etag }).end(published.body);
        },
      });
      packUrl = packServer.url('/ferries.json');
      published = { body: JSON.stringify(ferryPack(server.origin, 1)), etag: '"f1"' };
      driver = await START[browser](EXTENSIONS[browser], server.origin, RESULTS);
    });
    after(async () => {
      await driver?.stop();
      await server?.close();
      await packServer?.close();
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
      // The same feed again is refused in a sentence of the reader's, and nothing is added.
      await fill(options, '#feed-url', feedA);
      await options.click(`${testId('feeds')} button[type="submit"]`);
      await options.waitForText(`${testId('feeds')} [role="alert"]`, /^This feed is already added\.$/, 15_000);
      assert.equal(await options.count(`[data-feed="${feedA}"]`), 1);
      await options.screenshot('sources-options-feeds');
      await options.close();
    });

    test('a feed added and removed from another page shows, then goes, in an open options page without a reload', async () => {
      const watching = await driver.openExtensionTab('options.html');
      await watching.waitFor('[data-pack="feeds"]', { timeout: 15_000 });
      const storyCount = async (): Promise<string> => /\d+ stor(?:y|ies)/.exec(await watching.text('[data-pack="feeds"]'))?.[0] ?? '';
      const before = await storyCount();
      const elsewhere = await driver.openExtensionTab('options.html');
      await elsewhere.waitFor(testId('feeds'), { timeout: 15_000 });
      const send = (type: string): Promise<{ ok: boolean }> => elsewhere.evaluate(`${RUNTIME}.runtime.sendMessage({ type: '${type}', payload: { url: ${JSON.stringify(feedC)} } })`);
      assert.equal((await send('feed/add')).ok, true);
      await watching.waitFor(`[data-feed="${feedC}"]`, { timeout: 15_000 });
      await until(watching, `/Stored on this device: 5 feed articles/.test(document.querySelector('[data-testid="feed-store-size"]')?.textContent ?? '')`);
      assert.equal((await send('feed/remove')).ok, true);
      await until(watching, `document.querySelector('[data-feed="${feedC}"]') === null`);
      await until(watching, `/Stored on this device: 4 feed articles/.test(document.querySelector('[data-testid="feed-store-size"]')?.textContent ?? '')`);
      assert.equal(await storyCount(), before, 'its story came and went');
      await elsewhere.close();
      await watching.close();
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
      await sectionShot(options, 'import', 'sources-options-import');
      await sectionShot(options, 'sources', 'sources-options-packs');
      await options.click('[data-pack="sample"] button');
      await options.waitFor('[data-pack="sample"]', { state: 'detached', timeout: 15_000 });
      // The built-in packs (the starter story and the civic categories) are listed without a Remove button.
      for (const id of ['storyline-starter', 'civic']) {
        await options.waitFor(`[data-pack="${id}"]`, { timeout: 15_000 });
        assert.equal(await options.count(`[data-pack="${id}"] button`), 0, id);
      }
      // A pack of categories alone counts its categories, not "0 stories".
      assert.match(await options.text('[data-pack="civic"] .row-count'), /^29 categories$/);
      await options.close();
    });

    test('a reader-data file merged on the options page says what it added, applies its settings and fetches its feed', async () => {
      const feed = `${server.origin}/gallery.xml`;
      const data = {
        format: READER_DATA_FORMAT,
        version: READER_DATA_VERSION,
        exported: '2025-08-18T08:00:00Z',
        settings: { sitesOff: ['elsewhere.example'] },
        feeds: [{ url: feed }],
        history: [{ pageKey: 'elsewhere.example/museum', url: 'https://elsewhere.example/museum', title: 'Museum reopens', siteName: 'Elsewhere', published: null, readAt: new Date(Date.now() - 86_400_000).toISOString(), text: 'The museum reopened.' },
          // Read before the 90 days history is kept: left out, and said so.
          { pageKey: 'elsewhere.example/archive', url: 'https://elsewhere.example/archive', title: 'Archive', siteName: 'Elsewhere', published: null, readAt: '2025-08-17T10:00:00Z', text: 'An old page.' }],
      };
      const options = await driver.openExtensionTab('options.html');
      await options.waitFor(testId('reader-data'), { timeout: 15_000 });
      await pickFile(options, 'storyline-data.json', JSON.stringify(data), 'data-import');
      await options.waitForText(`${testId('reader-data')} [role="status"]`, /Added: 1 feed and 1 history entry\. Settings from the file are applied\. 1 history entry read before the days Storyline keeps history was left out\./, 15_000);
      await options.waitForText(testId('sites'), /elsewhere\.example/, 15_000);
      // Fetched at once (not at the next scheduled refresh), and the open page follows.
      await options.waitForText(`[data-feed="${feed}"]`, /The Gallery Times.*1 article/s, 15_000);
      await options.close();
    });

    test('a pack subscribed to by URL is installed, refreshed with a conditional request and updated', async () => {
      const options = await driver.openExtensionTab('options.html');
      await options.waitFor(testId('subscriptions'), { timeout: 15_000 });
      await fill(options, '#subscription-url', packUrl);
      await options.click(`${testId('subscriptions')} button[type="submit"]`);
      const row = `[data-subscription="${packUrl}"]`;
      await options.waitForText(row, /Ferry Desk.*version 1.*Up to date/s, 15_000);
      assert.equal(await options.count(`${row} [data-error]`), 0);
      await options.waitFor('[data-pack="ferries"]', { timeout: 15_000 });
      assert.match(await options.text('[data-pack="ferries"]'), /Ferry Desk.*1 story/s);

      // Nothing changed: the refresh asks with the ETag and the server answers 304.
      await options.click(`${row} button`);
      await options.waitForText(`${testId('subscriptions')} [role="status"]`, /Refreshed/, 15_000);
      assert.equal(packServer.requests.at(-1)?.headers['if-none-match'], '"f1"');
      await options.close();
      const log = await driver.openExtensionTab('options.html');
      await log.waitFor('.network-log', { timeout: 15_000 });
      assert.equal(await log.text('.network-log tbody tr:first-child td.break'), packUrl);
      assert.equal(await log.evaluate<string>(`document.querySelector('.network-log tbody tr').dataset.outcome`), 'not-modified');

      // The publisher's next version replaces the installed one at the next refresh.
      published = { body: JSON.stringify(ferryPack(server.origin, 2)), etag: '"f2"' };
      await log.click(`${row} button`);
      await log.waitForText(`${testId('subscriptions')} [role="status"]`, /Refreshed/, 15_000);
      await log.close();
      const updated = await driver.openExtensionTab('options.html');
      await updated.waitForText(row, /Ferry Desk.*version 2/s, 15_000);
      await sectionShot(updated, 'subscriptions', 'sources-options-subscription');
      await updated.close();
    });

    test('a report the reader opened is marked “You read this” on another outlet’s article of the story', async () => {
      const [first, second, unread] = FERRY_REPORTS;
      const a = await driver.open(first!.path);
      await a.waitFor(LAUNCHER, { timeout: 15_000 });
      assert.equal((await a.text(LAUNCHER)).trim(), 'Storyline · 2 reports');
      await a.close();

      const b = await driver.open(second!.path);
      await b.waitFor(LAUNCHER, { timeout: 15_000 });
      await b.click(LAUNCHER);
      const report = (id: string): string => `[data-section="coverage"] [data-report="ferries/${id}"]`;
      await b.sidebar.waitFor(report(first!.id), { timeout: 15_000 });
      assert.equal(await b.sidebar.count(`${report(second!.id)}[aria-current="page"]`), 1);
      assert.equal((await b.sidebar.text(`${report(first!.id)} [data-read]`)).trim(), 'You read this');
      assert.equal(await b.sidebar.count(`${report(unread!.id)} [data-read]`), 0, 'a report not opened is not marked');
      await b.sidebar.evaluate(`document.querySelector('[data-report="ferries/${first!.id}"]').scrollIntoView({ block: 'center' })`);
      await b.screenshot('sources-sidebar-read');
      await b.close();
    });

    test('the refresh period is chosen on the options page, and only the options page clears the network log', async () => {
      const options = await driver.openExtensionTab('options.html');
      // With the feeds it refreshes, not under the log.
      await options.waitFor(`${testId('feeds')} ${testId('refresh-hours')}`, { timeout: 15_000 });
      const values = await options.evaluate<string[]>(`[...document.querySelectorAll('#refresh-hours option')].map((o) => o.value)`);
      assert.deepEqual(values, ['1', '3', '6', '12', '24']);
      assert.equal(await options.evaluate<string>(`document.querySelector('#refresh-hours').value`), '6');
      await choose(options, '#refresh-hours', '3');
      await options.waitForText(`${testId('feeds')} [role="status"]`, /now refresh every 3 hours/, 15_000);
      await sectionShot(options, 'feeds', 'sources-options-refresh');
      // The background re-created its alarm with the new period, due a period after the feeds' last
      // check at most (the browser takes its `when` with a period).
      const alarm = await driver.background<{ periodInMinutes: number; scheduledTime: number }>(`${RUNTIME}.alarms.get('storyline-refresh-sources')`);
      assert.equal(alarm.periodInMinutes, 180);
      assert.ok(alarm.scheduledTime <= Date.now() + 181 * 60_000, `due within the new period, not at ${new Date(alarm.scheduledTime).toISOString()}`);

      // Another extension page may not clear the log: the background refuses it by sender.
      const popup = await driver.openExtensionTab('popup.html');
      assert.deepEqual(await popup.evaluate(`${RUNTIME}.runtime.sendMessage({ type: 'network/clear', payload: {} })`), { ok: false, error: { code: 'refused' } });
      await popup.close();
      assert.ok((await options.count('.network-log tbody tr')) > 0);
      await sectionShot(options, 'network-log', 'sources-options-network');
      await options.click(testId('network-clear'));
      await options.waitForText(`${testId('network-log')} [role="status"]`, /The network log is empty/, 15_000);
      await options.close();

      const again = await driver.openExtensionTab('options.html');
      await again.waitFor(testId('refresh-hours'), { timeout: 15_000 });
      assert.equal(await again.evaluate<string>(`document.querySelector('#refresh-hours').value`), '3');
      assert.equal(await again.count('.network-log'), 0);
      assert.equal(await again.evaluate<boolean>(`document.querySelector('[data-testid="network-clear"]').disabled`), true);
      await again.close();
    });

    test('a followed feed story merged into another as a new feed arrives stays followed, with its new report counted', async () => {
      const options = await driver.openExtensionTab('options.html');
      await options.waitFor(testId('feeds'), { timeout: 15_000 });
      const addFeed = (path: string): Promise<{ ok: boolean }> =>
        options.evaluate(`${RUNTIME}.runtime.sendMessage({ type: 'feed/add', payload: { url: ${JSON.stringify(server.origin + path)} } })`);
      assert.equal((await addFeed('/north.xml')).ok, true);
      const popup = await driver.openExtensionTab('popup.html');
      type Hit = { storyId: string; title: string; reportCount: number };
      const storyOf = async (title: string): Promise<Hit | undefined> => {
        const found = await popup.evaluate<{ ok: boolean; value: Hit[] }>(`${RUNTIME}.runtime.sendMessage({ type: 'search/stories', payload: { query: ${JSON.stringify(title)} } })`);
        return found.value.find((hit) => hit.title === title || hit.title === HAITI.quake.title);
      };
      const lesCayes = await storyOf(HAITI.lesCayes.title);
      const quake = await storyOf(HAITI.quake.title);
      assert.ok(lesCayes && quake && lesCayes.storyId !== quake.storyId, 'two stories before the bridging report');
      const follow = await popup.evaluate<{ ok: boolean }>(`${RUNTIME}.runtime.sendMessage({ type: 'story/follow', payload: { storyId: ${JSON.stringify(lesCayes.storyId)}, follow: true } })`);
      assert.equal(follow.ok, true);
      await popup.close();
      // A tab open on the Les Cayes report: its story has no other report yet.
      const tab = await driver.open(server.origin + LES_CAYES);
      await tab.waitFor(LAUNCHER, { timeout: 15_000 });
      assert.equal((await tab.text(LAUNCHER)).trim(), 'Storyline · 0 reports');

      assert.equal((await addFeed('/south.xml')).ok, true);
      const again = await driver.openExtensionTab('popup.html');
      await again.waitFor(testId('followed'), { timeout: 15_000 });
      const merged = await (async () => {
        const found = await again.evaluate<{ ok: boolean; value: Hit[] }>(`${RUNTIME}.runtime.sendMessage({ type: 'search/stories', payload: { query: ${JSON.stringify(HAITI.bridge.title)} } })`);
        return found.value[0];
      })();
      assert.equal(merged?.storyId, quake.storyId, 'merged into the older story');
      assert.equal(merged?.reportCount, 3);
      // The popup lists the merged story as followed, with the report that made it one as new.
      assert.equal(await again.count(`${testId('followed')} [data-story="${quake.storyId}"]`), 1);
      assert.equal(await again.count(`${testId('followed')} [data-story="${lesCayes.storyId}"]`), 0);
      assert.match(await again.text(`${testId('followed')} [data-story="${quake.storyId}"]`), /1 new/);
      await again.screenshot('sources-popup-followed-merged');
      await again.close();
      // The open tab follows its story into the merged one, with nothing reloaded or opened.
      await poll('the launcher counting the merged story', async () => (await tab.text(LAUNCHER)).includes('2 reports'));
      assert.equal(await driver.badgeText(tab.url()), '2');
      await tab.close();
      await options.close();
    });

    // Chrome refuses permissions.remove() for the host permissions the manifest requires; in Firefox
    // they are the reader's to withdraw. Last in the file: the pages lose Storyline afterwards.
    test('a source whose host permission the reader withdrew says so and offers to grant access again', { skip: browser !== 'firefox' && 'Chromium cannot withdraw required host permissions' }, async () => {
      const all = JSON.stringify({ origins: ['http://*/*', 'https://*/*'] });
      assert.equal(await driver.background<boolean>(`${RUNTIME}.permissions.remove(${all})`), true);
      const options = await driver.openExtensionTab('options.html');
      await options.waitFor(`[data-feed="${feedA}"] [data-no-access]`, { timeout: 15_000 });
      assert.match(await options.text(`[data-feed="${feedA}"] [data-no-access]`), /no longer has your permission to reach 127\.0\.0\.1, so.*Grant access again/s);
      assert.equal(await options.count(`[data-subscription="${packUrl}"] [data-no-access] button`), 1);
      // The row offers no refresh (it could only fail) and does not say the failure twice.
      const row = `[data-subscription="${packUrl}"]`;
      assert.deepEqual(await options.evaluate<string[]>(`[...document.querySelectorAll('${row} .row-actions button')].map((b) => b.textContent)`), ['Remove']);
      assert.equal(await options.count(`${row} [data-error]`), 0);
      // A refresh asked for all the same (the schedule's, or a stale page's) fetches nothing and records why.
      const requests = packServer.requests.length;
      const refreshed = await options.evaluate<{ ok: boolean; value?: { error?: string } }>(
        `(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'subscription/refresh', payload: { url: ${JSON.stringify(packUrl)} } })`,
      );
      assert.equal(refreshed.ok, true);
      assert.match(refreshed.value?.error ?? '', /no permission to reach http:\/\/127\.0\.0\.1\/\*/);
      assert.equal(packServer.requests.length, requests, 'nothing fetched without access');
      await sectionShot(options, 'subscriptions', 'sources-options-no-access');
      await options.close();
    });
  });
}
