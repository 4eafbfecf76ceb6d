// Accessibility of every surface in both themes (axe-core: WCAG 2.1 AA and best practices, which
// include colour contrast), and the README's screenshots, made here so they never go stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations } from './axe';
import type { ExtensionPage } from './driver/types';
import { LAUNCHER, RESULTS, ROOT, testId, inEachBrowser, until } from './harness';

const README_SHOTS = join(ROOT, 'docs/screenshots');

async function setTheme(options: ExtensionPage, theme: 'light' | 'dark' | 'system'): Promise<void> {
  const ok = await options.evaluate<boolean>(
    `(globalThis.browser ?? chrome).runtime.sendMessage({ type: 'settings/update', payload: { change: { theme: '${theme}' } } }).then((r) => r.ok)`,
  );
  assert.equal(ok, true);
}

inEachBrowser((rig, browser) => {
  /** Chromium's pictures go to the README (one browser, so they do not flip between runs). */
  const publish = (name: string): void => {
    if (browser !== 'chromium') return;
    mkdirSync(README_SHOTS, { recursive: true });
    copyFileSync(join(RESULTS, `${name}.png`), join(README_SHOTS, `${name}.png`));
  };

  for (const theme of ['light', 'dark'] as const) {
    test(`sidebar, popup, options and welcome pass axe in the ${theme} theme`, async () => {
      const options = await rig().driver.openExtensionTab('options.html');
      await options.waitFor(testId('appearance'), { timeout: 15_000 });
      await setTheme(options, theme);
      try {
        const page = await rig().driver.open(rig().reports[0]!);
        await page.click(LAUNCHER);
        await page.sidebar.waitFor('[data-section="actions"]', { timeout: 15_000 });
        assert.deepEqual(await axeViolations(page.sidebar), [], `sidebar (${theme})`);
        await page.screenshot(`sidebar-${theme}`);
        publish(`sidebar-${theme}`);
        // The rest of the story below the fold: its opinions and its steps.
        await page.sidebar.evaluate(`(document.querySelector('[data-section="opinions"]').scrollIntoView({ block: 'start', behavior: 'instant' }), true)`);
        await until(page.sidebar, `Math.abs(document.querySelector('[data-section="opinions"]').getBoundingClientRect().top - 60) < 2 || window.scrollY + innerHeight >= document.documentElement.scrollHeight - 1`);
        await page.screenshot(`sidebar-more-${theme}`);
        publish(`sidebar-more-${theme}`);
        // The chart's one tab stop takes the focus (an SVG element is focusable by "tabindex" alone).
        // After the pictures: the caption then shows the dot's report.
        const focused = await page.sidebar.evaluate<boolean>(`(() => { const dot = document.querySelector('circle.chart-dot[tabindex="0"]'); dot.focus(); return document.activeElement === dot && dot.classList.contains('is-current'); })()`);
        assert.equal(focused, true, 'the page’s dot on the coverage chart takes the focus');
        // Follow, pressed from the keyboard's focus, keeps it through its busy state (Chromium drops
        // the focus from a button that turns disabled): twice, so the story is left as it was.
        for (const pressed of ['true', 'false']) {
          await page.sidebar.evaluate(`(() => { const b = document.querySelector('[data-testid="follow"]'); b.focus(); b.click(); return true; })()`);
          await until(page.sidebar, `document.querySelector('[data-testid="follow"]').getAttribute('aria-pressed') === '${pressed}' && !document.querySelector('[data-testid="follow"][aria-disabled]')`);
          const kept = await page.sidebar.evaluate<boolean>(`document.activeElement === document.querySelector('[data-testid="follow"]')`);
          assert.equal(kept, true, `the focus stays on Follow (aria-pressed ${pressed})`);
        }

        await page.bringToFront();
        const popup = await rig().driver.openPopup();
        await popup.waitFor(testId('story-title'), { timeout: 15_000 });
        assert.deepEqual(await axeViolations(popup), [], `popup (${theme})`);
        await popup.screenshot(`popup-${theme}`);
        if (theme === 'light') publish('popup-light');
        // A word wider than the popup (a pasted address, say) that matches nothing: the status quotes it, wrapped.
        await popup.evaluate(`(() => { const box = document.querySelector('[data-testid="search"]'); box.value = '${'zq'.repeat(90)}'; box.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`);
        await popup.waitForText('.search-status', /No stored story matches/, 5_000);
        const widths = await popup.evaluate<number[]>('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
        assert.ok(widths[0]! <= widths[1]!, `the popup keeps its width: ${widths[0]} px in ${widths[1]}`);
        await popup.close();
        await page.close();

        // A fresh options page, loaded in the theme (the open one switched live).
        const fresh = await rig().driver.openExtensionTab('options.html');
        await fresh.waitFor(testId('appearance'), { timeout: 15_000 });
        assert.deepEqual(await axeViolations(fresh), [], `options (${theme})`);
        await fresh.screenshot(`options-${theme}`);
        if (theme === 'light') publish('options-light');
        await fresh.close();

        // The welcome page, with the recommended set taken so the list and the save bar show.
        const welcome = await rig().driver.openExtensionTab('welcome.html');
        await welcome.waitFor(testId('source-picker'), { timeout: 15_000 });
        await welcome.click(testId('take-recommended'));
        await welcome.waitForText('.save-count', /\d+ outlets chosen/, 5_000);
        assert.deepEqual(await axeViolations(welcome), [], `welcome (${theme})`);
        await welcome.screenshot(`welcome-${theme}`);
        if (theme === 'light') publish('welcome-light');
        await welcome.close();
      } finally {
        await setTheme(options, 'system');
        await options.close();
      }
    });
  }

  test('a feed with a very long unbroken address wraps in its row and outcome line; the options page keeps its width', async () => {
    const options = await rig().driver.openExtensionTab('options.html');
    await options.waitFor(testId('feeds'), { timeout: 15_000 });
    // Not served (a 404): the feed is added with its error, its address standing in for its title.
    const address = `${rig().driver.origin}/feeds/${'averylongfeedaddresswithoutanybreak'.repeat(12)}.xml`;
    try {
      await options.evaluate(`(() => { const el = document.querySelector('#feed-url'); el.value = ${JSON.stringify(address)}; el.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`);
      await options.click(`${testId('feeds')} button[type="submit"]`);
      await options.waitFor(`[data-feed="${address}"]`, { timeout: 15_000 });
      await options.waitForText(`${testId('feeds')} [role="status"]`, /^Added .*first fetch failed/, 15_000);
      const widths = await options.evaluate<number[]>('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
      assert.ok(widths[0]! <= widths[1]!, `the options page keeps its width: ${widths[0]} px in ${widths[1]}`);
    } finally {
      await options.evaluate(`(globalThis.browser ?? chrome).runtime.sendMessage({ type: 'feed/remove', payload: { url: ${JSON.stringify(address)} } }).then(() => true)`);
      await options.close();
    }
  });
});
