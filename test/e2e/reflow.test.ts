// Reflow and forced colours, in Chromium: at 200% text in the narrowest sidebar (340px) nothing
// scrolls sideways and the top bar's notice shows in full; the root font follows the reader's
// font-size setting; under forced colours (Windows High Contrast) the steps' progress bar, the page's
// report and the steps' disclosure triangles still show; the welcome page at 320×256 (WCAG's 400%
// zoom) keeps its save bar out of the way.
// Chromium only: forced colours and the browser's font-size setting are emulated through CDP
// (Emulation.setEmulatedMedia, Page.setFontSizes), which Firefox's automation does not offer. The
// browser is started here, not through the shared driver, for those CDP sessions; it loads the same
// instrumented build and demo site as harness.ts's rig.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { E2E_BUILD } from '../../scripts/build';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { buildDemoSite, demoReportPaths } from '../../scripts/lib/demo-site';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { BROWSERS, RESULTS, ROOT, until } from './harness';
import type { Surface } from './driver/types';

const EXTENSION = join(ROOT, E2E_BUILD, 'chrome');

/** Just what `until` needs, over a Playwright page or frame. */
const surface = (scope: Page | Frame): Surface => ({ evaluate: (expression: string) => scope.evaluate(expression) }) as unknown as Surface;

/** Every element of the document wider than its viewport on the right (empty when nothing overflows). */
const OVERFLOWING = `(() => {
  const d = document.documentElement;
  return [...document.querySelectorAll('body *')]
    .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > d.clientWidth + 1; })
    .slice(0, 6)
    .map((el) => el.tagName.toLowerCase() + '.' + (el.getAttribute('class') ?? '').replace(/ /g, '.'));
})()`;

describe('chromium: reflow and forced colours', { skip: !BROWSERS.includes('chromium') && 'E2E_BROWSERS leaves Chromium out' }, () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let reports: string[];

  before(async () => {
    if (!existsSync(join(EXTENSION, 'manifest.json'))) throw new Error('build first: npm run build');
    mkdirSync(RESULTS, { recursive: true });
    const site = buildDemoSite();
    reports = demoReportPaths(site).map((r) => r.path);
    server = await startStaticServer(site, {});
    browser = await launchWithExtension(EXTENSION);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A demo article in a 340px-wide tab (the sidebar takes the tab's width, up to 400px), its sidebar open with every detail shown. */
  async function narrowSidebar(): Promise<{ page: Page; sidebar: Frame }> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 340, height: 800 });
    await page.goto(`${server.origin}${reports[0]}`, { waitUntil: 'load' });
    await page.bringToFront();
    await page.click('[data-storyline] button.launcher');
    await page.frameLocator('[data-storyline] iframe.sidebar').locator('[data-section="actions"] .progress-bar').waitFor({ timeout: 15_000 });
    const sidebar = page.frames().findLast((f) => f.url().endsWith('/sidebar.html'));
    assert.ok(sidebar, 'the sidebar’s document');
    await sidebar.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    return { page, sidebar };
  }

  test('at 200% text the 340px sidebar does not scroll sideways, and the top bar’s notice shows in full', async () => {
    const { page, sidebar } = await narrowSidebar();
    try {
      const present = await sidebar.evaluate(() => ['.spread-row', '.template-field input', '.section-aside', '.group-progress'].filter((s) => !document.querySelector(s)));
      assert.deepEqual(present, [], 'the story shows its headline spread, a letter’s fields, a section aside and a group’s progress');
      await sidebar.evaluate(() => (document.documentElement.style.fontSize = '30px'));
      await until(surface(sidebar), `getComputedStyle(document.querySelector('.spread-row')).fontSize === '24.375px'`);
      const widths = await sidebar.evaluate(() => [document.scrollingElement!.scrollWidth, document.scrollingElement!.clientWidth]);
      assert.ok(widths[0]! <= widths[1]!, `the sidebar scrolls sideways at 200% text: ${widths[0]} px in ${widths[1]} (${(await sidebar.evaluate<string[]>(OVERFLOWING)).join(', ')})`);
      assert.deepEqual(await sidebar.evaluate(OVERFLOWING), [], 'nothing runs past the sidebar’s edge');

      // A notice about the panel (closing it failed), as long as a translation may make it.
      await sidebar.evaluate(() => {
        document.querySelector('.topbar-notice')!.textContent = 'The sidebar could not be closed from here: close it from the browser’s toolbar, or reload the page.';
      });
      const notice = await sidebar.evaluate(() => {
        const p = document.querySelector<HTMLElement>('.topbar-notice')!;
        const bar = p.closest('.topbar')!.getBoundingClientRect();
        const r = p.getBoundingClientRect();
        return { sw: p.scrollWidth, cw: p.clientWidth, sh: p.scrollHeight, ch: p.clientHeight, inBar: r.bottom <= bar.bottom + 0.5 && r.top >= bar.top - 0.5 };
      });
      assert.ok(notice.sw <= notice.cw && notice.sh <= notice.ch, `the notice is cut off: ${JSON.stringify(notice)}`);
      assert.ok(notice.inBar, 'the notice stays within the top bar');
      await page.locator('[data-storyline] iframe.sidebar').screenshot({ path: join(RESULTS, 'reflow-sidebar-text200.png') });
    } finally {
      await page.close();
    }
  });

  test('under forced colours the progress bar, the page’s report and the disclosure triangles show', async () => {
    const { page, sidebar } = await narrowSidebar();
    try {
      // Playwright sends Emulation.setEmulatedMedia to every frame's target: the sidebar is an out-of-process frame.
      await page.emulateMedia({ forcedColors: 'active' });
      await until(surface(sidebar), `matchMedia('(forced-colors: active)').matches`);
      // A string, not a function: tsx would wrap a function's inner arrow function in a helper the page lacks.
      const seen = await sidebar.evaluate<{ bar: string; fill: string; canvas: string; report: string; triangle: string[] }>(`(() => {
        const css = (s, pseudo) => getComputedStyle(document.querySelector(s), pseudo);
        const bar = css('.progress-bar');
        const report = css('.report.is-current');
        const closed = css('.group-toggle[aria-expanded="false"]', '::before');
        return {
          bar: bar.borderTopStyle + ' ' + bar.borderTopWidth,
          fill: css('.progress-bar > span').backgroundColor,
          canvas: css('html').backgroundColor,
          report: report.borderTopStyle + ' ' + report.borderTopWidth,
          triangle: [closed.borderTopColor, closed.borderBottomColor],
        };
      })()`);
      assert.notEqual(seen.bar.split(' ')[0], 'none', 'the progress bar has an outline');
      assert.notEqual(seen.fill, seen.canvas, 'the progress bar’s fill is not the page’s background (Canvas)');
      assert.match(seen.report, /^solid [1-9]/, 'the page’s report has a border');
      assert.deepEqual(seen.triangle, ['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'], 'a closed group’s triangle keeps its transparent sides (not a block)');
      // The launcher in the page (its shadow root): its dot stands out from the button it is on.
      const launcher = (await page.evaluate(`(() => {
        const button = document.querySelector('[data-storyline]').shadowRoot.querySelector('button.launcher');
        return [getComputedStyle(button, '::before').backgroundColor, getComputedStyle(button).backgroundColor];
      })()`)) as string[];
      assert.notEqual(launcher[0], launcher[1], 'the launcher’s dot is not the colour of its button');
      await page.locator('[data-storyline] iframe.sidebar').screenshot({ path: join(RESULTS, 'reflow-sidebar-forced-colors.png') });
    } finally {
      await page.close();
    }
  });

  test('the root font follows the browser’s font-size setting (15px at its default 16px)', async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await until(surface(page), `getComputedStyle(document.documentElement).fontSize === '15px'`);
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
      await until(surface(page), `getComputedStyle(document.documentElement).fontSize === '30px'`, 5_000).catch(async () => {
        assert.fail(`the reader’s 32px setting leaves the root font at ${await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)}`);
      });
    } finally {
      await page.close();
    }
  });

  test('at 320px the options page puts a row’s buttons under its text, which keeps its width', async () => {
    const page = await browser.context.newPage();
    try {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      // The built-in packs' rows, each with its own buttons (a feed's row is built the same way).
      await until(surface(page), `document.querySelectorAll('[data-pack] .row-main').length > 0`);
      const widths = await page.evaluate(`[...document.querySelectorAll('.row .row-main')].map((main) => Math.round(main.getBoundingClientRect().width))`);
      // Beside the buttons, a feed's name and address wrapped a few letters a line (70px of 320).
      for (const width of widths as number[]) assert.ok(width >= 200, `a row's text ${width}px wide at 320px: ${JSON.stringify(widths)}`);
    } finally {
      await page.close();
    }
  });

  test('on the welcome page, Tab never leaves the focus under the sticky save bar', async () => {
    // The welcome page the install opened, with the recommended outlets taken so the save bar shows.
    const welcome = browser.context.pages().find((p) => p.url().endsWith('/welcome.html')) ?? (await browser.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/welcome.html') }));
    await welcome.bringToFront();
    await welcome.setViewportSize({ width: 1280, height: 860 });
    await welcome.click('[data-testid="take-recommended"]');
    await welcome.locator('.save-count', { hasText: /\d+ outlets chosen/ }).waitFor({ timeout: 5_000 });
    await welcome.evaluate(() => window.scrollTo(0, 0));
    // Every checkbox of the list, reached by Tab as a keyboard reader does, and where it lands.
    const covered: string[] = [];
    for (let stop = 0; stop < 200; stop++) {
      await welcome.keyboard.press('Tab');
      const seen = await welcome.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el.tagName !== 'INPUT' || el.closest('.save-bar')) return el?.closest('.save-bar') ? 'bar' : 'other';
        const bar = document.querySelector('.save-bar')!.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return r.bottom > bar.top && getComputedStyle(document.querySelector('.save-bar')!).position === 'sticky' ? `${el.id || el.getAttribute('aria-label') || 'a checkbox'} at ${Math.round(r.top)} under the bar at ${Math.round(bar.top)}` : 'ok';
      });
      if (seen === 'bar') break;
      if (seen !== 'ok' && seen !== 'other') covered.push(seen);
    }
    assert.deepEqual(covered, []);
  });

  test('at 320×256 (400% zoom) the welcome page’s save bar stays in the flow', async () => {
    const welcome = browser.context.pages().find((p) => p.url().endsWith('/welcome.html'))!;
    await welcome.bringToFront();
    await welcome.setViewportSize({ width: 320, height: 256 });
    await until(surface(welcome), 'innerWidth === 320 && innerHeight === 256');
    // Sticky, it stayed at the window's foot over the list it saves, a bar two or three lines high
    // taking more than half of those 256px; at the list's start, as a reader scrolls there:
    const bar = await welcome.evaluate(() => {
      const el = document.querySelector<HTMLElement>('.save-bar')!;
      el.parentElement!.scrollIntoView({ block: 'start', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      const covered = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
      return { position: getComputedStyle(el).position, covers: Math.round((covered / innerHeight) * 100) };
    });
    assert.notEqual(bar.position, 'sticky', `the save bar stays sticky in a 256px-high window, covering ${bar.covers}% of it at the list's start`);
  });
});
