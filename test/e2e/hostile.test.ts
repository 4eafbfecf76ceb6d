// Pages that attack Storyline (issue 16), in each browser: frames that navigate after the match,
// a page that frames the sidebar itself, a host name defined first, a transformed <html> and an
// overlay on top, CSS resets, zoom, a strict CSP with Trusted Types, removal of our elements,
// synthetic right-clicks, the static resource URL.
// Each test fails on the extension as it was before its fix.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoSite, demoReportPaths, DEMO_UNRELATED_PATH } from '../../scripts/lib/demo-site';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { startChromium } from './driver/chromium';
import { startFirefox } from './driver/firefox';
import type { BrowserDriver, TabPage } from './driver/types';
import { BROWSERS, HOST, LAUNCHER, RESULTS, ROOT, SIDEBAR_IFRAME, testId, until } from './harness';

const START = { chromium: startChromium, firefox: startFirefox };
const EXTENSIONS = { chromium: join(ROOT, 'dist/chrome'), firefox: join(ROOT, 'dist/firefox') };
const COVERAGE = '[data-section="coverage"] [data-report]';

/** A demo report page with `inject` put first in its <head>, before any script of the page runs. */
function variant(html: string, inject: string): string {
  return html.replace(/<head>/i, `<head>${inject}`);
}

const PREDEFINED = `<script>
  // The old host name, defined first with a shadow root of the page's own.
  customElements.define('storyline-root', class extends HTMLElement { constructor() { super(); this.attachShadow({ mode: 'open' }); } });
</script>`;
const TRANSFORMED = '<style>html { transform: scale(1); } body { min-height: 3000px; }</style>';
/** Pages that are hard on anything added to them; each must still get a working launcher. */
const HARSH: Record<string, string> = {
  'a global CSS reset': '<style>*, *::before, *::after { all: unset !important; display: block !important; position: static !important; }</style>',
  'zoom on html and body': '<style>html { zoom: 1.5; } body { zoom: 0.8; }</style>',
  'a strict CSP with Trusted Types': `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'; frame-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'">`,
  'max-z-index overlays before ours': '<style>body::after { content: ""; position: fixed; inset: 0; z-index: 2147483647; }</style><div style="position: fixed; inset: 0; z-index: 2147483647"></div>',
};

/** Waits for `expression` in the background to be true. */
async function inBackgroundUntil(driver: BrowserDriver, expression: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await driver.background<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The launcher's box in the viewport and what the page has at its centre. */
const LAUNCHER_PROBE = `(() => {
  const host = document.querySelector('${HOST}');
  const r = host.shadowRoot.querySelector('button.launcher').getBoundingClientRect();
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  const top = document.elementFromPoint(x, y);
  return { inView: r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth, onTop: top === host };
})()`;

for (const name of BROWSERS) {
  describe(name, () => {
    let driver: BrowserDriver;
    let server: StaticServer;
    let report = '';
    let path = (suffix: string) => suffix;
    before(async () => {
      if (!existsSync(join(EXTENSIONS[name], 'manifest.json'))) throw new Error('build first: npm run build');
      const site = buildDemoSite();
      report = demoReportPaths(site)[0]!.path;
      const html = site.get(report)!;
      path = (suffix) => report.replace(/\.html$/, `-${suffix}.html`);
      site.set(path('predefined'), variant(html, PREDEFINED));
      site.set(path('transformed'), variant(html, TRANSFORMED));
      Object.keys(HARSH).forEach((harsh, i) => site.set(path(`harsh-${i}`), variant(html, HARSH[harsh]!)));
      server = await startStaticServer(site);
      driver = await START[name](EXTENSIONS[name], server.origin, RESULTS);
    });
    after(async () => {
      await driver?.stop();
      await server?.close();
    });

    async function matched(at: string): Promise<TabPage> {
      const page = await driver.open(at);
      await page.waitFor(LAUNCHER, { timeout: 15_000 });
      return page;
    }

    test('a frame that navigates after the match keeps the launcher, the sidebar story and the badge', async () => {
      const page = await matched(report);
      const label = await page.text(LAUNCHER);
      // An ad slot loading one document, then another; and our own frame's src rewritten.
      await page.evaluate(`new Promise((resolve) => {
        const ad = document.createElement('iframe');
        ad.src = '/';
        ad.addEventListener('load', () => { ad.addEventListener('load', () => resolve(true), { once: true }); ad.src = '${report}?ad=2'; }, { once: true });
        document.body.append(ad);
      })`);
      await page.wait(500);
      assert.equal(await driver.badgeText(page.url()), '4');
      assert.equal(await page.text(LAUNCHER), label);
      await page.click(LAUNCHER);
      await page.sidebar.waitFor(COVERAGE, { timeout: 15_000 });
      await page.evaluate(`document.querySelector('${HOST}').shadowRoot.querySelector('iframe').src = '/'`);
      await page.wait(500);
      assert.equal(await driver.badgeText(page.url()), '4');
      await page.close();
    });

    test('a frame of sidebar.html that the page makes shows nothing and its calls are refused', async () => {
      const page = await matched(report);
      await page.click(LAUNCHER);
      await page.sidebar.waitFor(COVERAGE, { timeout: 15_000 });
      // The page cannot read our frame's address (neither `src` nor its resource timing)...
      const seen = await page.evaluate<{ src: string | null; timing: string[] }>(`({
        src: document.querySelector('${HOST}').shadowRoot.querySelector('iframe').getAttribute('src'),
        timing: performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /extension:/.test(n)),
      })`);
      assert.deepEqual(seen, { src: null, timing: [] });
      // ...but suppose it learnt it: it frames the sidebar itself, as a clickjacker would.
      const address = await driver.background<string>("(globalThis.browser ?? globalThis.chrome).runtime.getURL('sidebar.html')");
      await page.evaluate(`new Promise((resolve) => {
        const src = ${JSON.stringify(address)};
        const own = document.createElement('iframe');
        own.id = 'clickjack';
        own.style.cssText = 'position: fixed; top: 0; left: 0; width: 400px; height: 600px; opacity: 0.5';
        own.addEventListener('load', () => resolve(true), { once: true });
        own.src = src;
        document.body.append(own);
      })`);
      // page.sidebar now stands for the newest sidebar document in the tab: the page's.
      await until(page.sidebar, "document.readyState === 'complete'");
      await page.wait(1_000);
      const shown = await page.sidebar.evaluate<{ text: string; buttons: number }>(
        "({ text: document.body.innerText.trim(), buttons: document.querySelectorAll('button, input, a[href]').length })",
      );
      assert.deepEqual(shown, { text: '', buttons: 0 });
      const runtime = '(globalThis.browser ?? globalThis.chrome).runtime';
      const answers = await page.sidebar.evaluate<unknown[]>(`Promise.all([
        ${runtime}.sendMessage({ type: 'sidebar/view', payload: {} }),
        ${runtime}.sendMessage({ type: 'sidebar/close', payload: {} }),
        ${runtime}.sendMessage({ type: 'sidebar/claim', payload: { ticket: 'guess' } }),
      ])`);
      assert.deepEqual(answers[0], { ok: false, error: 'refused' });
      assert.deepEqual(answers[1], { ok: false, error: 'refused' });
      assert.equal((answers[2] as { ok: boolean }).ok, false);
      await page.screenshot(`${name}-clickjack-frame`);
      await page.close();
    });

    test('a page that defined the old host name first still gets a working launcher', async () => {
      const page = await matched(path('predefined'));
      await page.click(LAUNCHER);
      await page.sidebar.waitFor(COVERAGE, { timeout: 15_000 });
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('a transformed <html> and a later max-z-index overlay neither move nor cover the launcher', async () => {
      const page = await matched(path('transformed'));
      await page.evaluate(`(() => {
        const overlay = document.createElement('div');
        overlay.id = 'overlay';
        overlay.style.cssText = 'position: fixed; inset: 0; z-index: 2147483647; background: rgba(200, 0, 0, 0.2)';
        document.documentElement.append(overlay);
        return true;
      })()`);
      await page.wait(300);
      assert.deepEqual(await page.evaluate(LAUNCHER_PROBE), { inView: true, onTop: true });
      await page.screenshot(`${name}-transformed-overlay`);
      await page.click(LAUNCHER);
      await page.sidebar.waitFor(COVERAGE, { timeout: 15_000 });
      await page.close();
    });

    Object.keys(HARSH).forEach((harsh, i) => {
      test(`${harsh}: the launcher is in view, on top and opens the sidebar`, async () => {
        const page = await matched(path(`harsh-${i}`));
        assert.deepEqual(await page.evaluate(LAUNCHER_PROBE), { inView: true, onTop: true });
        await page.click(LAUNCHER);
        await page.sidebar.waitFor(COVERAGE, { timeout: 15_000 });
        await page.screenshot(`${name}-harsh-${i}`);
        assert.deepEqual(page.errors.filter((e) => /(chrome|moz)-extension:|storyline/i.test(e)), []);
        await page.close();
      });
    });

    test('an in-page navigation to another article and back: launcher and badge follow the page', async () => {
      const page = await matched(report);
      // A single-page app: the document stays, its content and URL change.
      const go = (to: string) =>
        page.evaluate(`fetch('${to}').then((r) => r.text()).then((html) => {
          const next = new DOMParser().parseFromString(html, 'text/html');
          document.title = next.title;
          document.head.replaceChildren(...next.head.childNodes);
          document.body.replaceChildren(...next.body.childNodes);
          history.pushState(null, '', '${to}');
          return true;
        })`);
      const badgeBecomes = async (text: string) => {
        const deadline = Date.now() + 15_000;
        while ((await driver.badgeText(page.url())) !== text) {
          if (Date.now() > deadline) throw new Error(`the badge never became '${text}'`);
          await page.wait(100);
        }
      };
      await go(DEMO_UNRELATED_PATH);
      await page.waitFor(LAUNCHER, { state: 'detached', timeout: 15_000 });
      await badgeBecomes('');
      await go(report);
      await page.waitFor(LAUNCHER, { timeout: 15_000 });
      await badgeBecomes('4');
      await page.close();
    });

    test('a host or frame the page removes comes back working', async () => {
      const page = await matched(report);
      await page.evaluate(`document.querySelector('${HOST}').remove()`);
      await page.waitFor(LAUNCHER, { timeout: 5_000 });
      await page.click(LAUNCHER);
      await page.sidebar.waitFor(COVERAGE, { timeout: 15_000 });
      await page.evaluate(`document.querySelector('${HOST}').shadowRoot.querySelector('iframe').remove()`);
      await page.waitFor(SIDEBAR_IFRAME, { state: 'detached' });
      await page.click(LAUNCHER);
      await page.sidebar.waitFor(COVERAGE, { timeout: 15_000 });
      await page.close();
    });

    test('right-clicks the page dispatches itself are not forwarded', async () => {
      const page = await driver.open('/');
      // The page chooses the words "Find related coverage" would search for, two thousand times.
      await page.evaluate(`(() => {
        const link = document.querySelector('a[href]');
        link.textContent = 'Putin Alaska summit';
        for (let i = 0; i < 2000; i++) link.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
        return true;
      })()`);
      await page.wait(500);
      const href = await page.evaluate<string>("document.querySelector('a[href]').href");
      await driver.findRelated(page.url(), { linkUrl: href });
      await page.sidebar.waitFor('#search-title', { timeout: 15_000 });
      assert.equal(await page.sidebar.count(testId('search-hits')), 0);
      assert.doesNotMatch(await page.sidebar.text('#search-title'), /Putin/);
      await page.close();
    });

    if (name === 'chromium') {
      test('the sidebar’s files do not load from their fixed extension URL', async () => {
        const page = await driver.open('/');
        const id = await driver.background<string>('chrome.runtime.id');
        const outcome = await page.evaluate<string>(`new Promise((resolve) => {
          const link = document.createElement('link');
          link.rel = 'stylesheet';
          link.href = 'chrome-extension://${id}/sidebar.css';
          link.onload = () => resolve('loaded');
          link.onerror = () => resolve('refused');
          document.head.append(link);
        })`);
        assert.equal(outcome, 'refused');
        await page.close();
      });
    }

    test('nothing above left an extension problem in the log', async () => {
      await inBackgroundUntil(driver, 'storyline.problems().then(() => true)');
      const problems = await driver.background<{ what: string; detail: string }[]>('storyline.problems()');
      assert.deepEqual(problems.filter((p) => p.what !== 'launcher removed'), []);
    });
  });
}
