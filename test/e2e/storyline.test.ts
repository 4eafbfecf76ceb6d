// The complete path in each browser: demo news page → Readability → local match → launcher →
// sidebar, plus the popup, the keyboard command, the context menu and pages that get nothing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HOST, LAUNCHER, SIDEBAR_IFRAME, testId, until, inEachBrowser, outcome } from './harness';

const SHADOW_TEXT = "document.querySelector('[data-storyline]')?.shadowRoot?.textContent ?? ''";

inEachBrowser((rig) => {
  describe('a seed report page', () => {
    test('shows the launcher with the other reports of its story, and the badge agrees', async () => {
      const page = await rig().driver.open(rig().reports[0]!);
      await page.waitFor(LAUNCHER, { timeout: 15_000 });
      assert.equal((await page.text(LAUNCHER)).trim(), 'Storyline · 4 reports');
      assert.equal(await rig().driver.badgeText(page.url()), '4');
      // The launcher's shadow root holds a count and nothing about the story.
      assert.doesNotMatch(await page.evaluate<string>(SHADOW_TEXT), /Putin|Alaska|summit/i);
      await page.screenshot('launcher');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('opens the sidebar with all four sections and the current report marked', async () => {
      const page = await rig().driver.open(rig().reports[0]!);
      await page.click(LAUNCHER);
      const { sidebar } = page;
      await sidebar.waitFor('[data-section="coverage"]', { timeout: 15_000 });
      for (const section of ['categories', 'coverage', 'opinions', 'actions']) {
        assert.equal(await sidebar.count(`section[data-section="${section}"]`), 1, section);
      }
      assert.match(await sidebar.text(testId('story-title')), /Alaska|Putin|summit/i);
      assert.equal(await sidebar.count('[data-section="coverage"] [data-report]'), 5);
      const current = '[data-report][aria-current="page"]';
      assert.equal(await sidebar.count(current), 1);
      assert.match(await sidebar.text(current), /'No deal' as talks between Trump and Putin finish up at summit/);
      const categories = await sidebar.text('[data-section="categories"]');
      assert.match(categories, /Foreign policy and international relations/);
      assert.match(categories, /U\.S\.–Russia relations/);
      assert.ok((await sidebar.count('[data-section="opinions"] details')) >= 1);
      assert.ok((await sidebar.count('[data-section="actions"] input[type="checkbox"]')) >= 5);
      // No report URL is known from the seeds: none is invented.
      assert.equal(await sidebar.count('[data-section="coverage"] [data-report] a[href]'), 0);
      await page.screenshot('sidebar');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('an action ticked in the sidebar stays ticked after the sidebar is reopened', async () => {
      const page = await rig().driver.open(rig().reports[1]!);
      await page.click(LAUNCHER);
      const box = '[data-section="actions"] input[type="checkbox"]';
      await page.sidebar.waitFor(box, { timeout: 15_000 });
      assert.equal(await page.sidebar.isChecked(box), false);
      await page.sidebar.click(box);
      assert.equal(await page.sidebar.isChecked(box), true);
      await page.sidebar.waitForText(testId('action-progress'), /^1 /);
      await page.sidebar.click(testId('close'));
      await page.waitFor(SIDEBAR_IFRAME, { state: 'detached' });
      await page.click(LAUNCHER);
      await page.sidebar.waitFor(box, { timeout: 15_000 });
      assert.equal(await page.sidebar.isChecked(box), true);
      await page.close();
    });

    test('Esc closes the sidebar and focus returns to the page', async () => {
      const page = await rig().driver.open(rig().reports[2]!);
      await page.focus(LAUNCHER);
      await page.press('Enter');
      await page.sidebar.waitFor('[data-section="coverage"]', { timeout: 15_000 });
      await until(page, "document.activeElement?.hasAttribute('data-storyline')");
      // Under the open frame the launcher is no focus stop: it would be one no one can see.
      assert.equal(await page.evaluate<boolean>("document.querySelector('[data-storyline]').shadowRoot.querySelector('.launcher').inert"), true);
      await page.sidebar.click('[data-section="actions"]', { position: { x: 5, y: 5 } });
      await page.press('Escape');
      await page.waitFor(SIDEBAR_IFRAME, { state: 'detached' });
      const focused = await page.evaluate<string>(
        "document.querySelector('[data-storyline]')?.shadowRoot?.activeElement?.className ?? document.activeElement?.tagName",
      );
      assert.equal(focused, 'launcher');
      await page.close();
    });

    test('the keyboard command opens the sidebar on the active tab', async () => {
      const page = await rig().driver.open(rig().reports[2]!);
      await page.waitFor(LAUNCHER, { timeout: 15_000 });
      await page.bringToFront();
      await rig().driver.command('open-sidebar');
      await page.sidebar.waitFor('[data-section="coverage"]', { timeout: 15_000 });
      await page.close();
    });
  });

  describe('the toolbar popup', () => {
    test('shows the tab’s story with counts and opens the sidebar', async () => {
      const page = await rig().driver.open(rig().reports[0]!);
      await page.waitFor(LAUNCHER, { timeout: 15_000 });
      await page.bringToFront();
      const popup = await rig().driver.openPopup();
      await popup.waitFor(testId('story-title'), { timeout: 15_000 });
      assert.match(await popup.text(testId('story-title')), /Alaska|Putin|summit/i);
      assert.match(await popup.text('body'), /4 other reports/);
      await popup.screenshot('popup');
      // Text that inherits its size reads at the pages' base size and face in both browsers
      // (Chromium gives extension pages its own `body { font-size: 75% }`).
      const BASE_FONT = `[getComputedStyle(document.body).fontSize, getComputedStyle(document.body).fontFamily].join(' / ')`;
      const ROOT_FONT = `[getComputedStyle(document.documentElement).fontSize, getComputedStyle(document.documentElement).fontFamily].join(' / ')`;
      assert.equal(await popup.evaluate<string>(BASE_FONT), await popup.evaluate<string>(ROOT_FONT));
      await popup.click(testId('open-sidebar'));
      await page.sidebar.waitFor('[data-section="coverage"]', { timeout: 15_000 });
      assert.equal(await page.sidebar.evaluate<string>(BASE_FONT), await page.sidebar.evaluate<string>(ROOT_FONT));
      await page.close();
    });

    test('says clearly when no stored story matches the page', async () => {
      const page = await rig().driver.open(rig().unrelated);
      assert.equal(await outcome(page), 'no-match');
      await page.bringToFront();
      const popup = await rig().driver.openPopup();
      await popup.waitFor(testId('no-match'), { timeout: 15_000 });
      await popup.close();
      await page.close();
    });
  });

  describe('Find related coverage', () => {
    const hits = testId('search-hits');

    test('on a selection, searches stories by the selected text and shows them in the sidebar', async () => {
      const page = await rig().driver.open('/');
      // With an address in it: a word wider than the sidebar, which its heading quotes.
      await rig().driver.findRelated(page.url(), { selectionText: 'Putin summit in Anchorage https://news.example/world/2025/08/15/trump-putin-alaska-summit-anchorage-ceasefire' });
      await page.sidebar.waitFor(hits, { timeout: 15_000 });
      assert.match(await page.sidebar.text(hits), /Alaska|Putin|summit/i);
      await page.screenshot('selection-search');
      const widths = await page.sidebar.evaluate<number[]>('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
      assert.ok(widths[0]! <= widths[1]!, `the quoted address wraps: the sidebar is ${widths[0]} px wide in ${widths[1]}`);
      await page.sidebar.click(`${hits} button, ${hits} a`);
      await page.sidebar.waitFor('[data-section="coverage"] [data-report]', { timeout: 15_000 });
      assert.equal(await page.sidebar.count('[data-report]'), 5);
      await page.close();
    });

    test('with the sidebar already open on the page’s story, the search replaces it there', async () => {
      const page = await rig().driver.open(rig().reports[0]!);
      await page.waitFor(LAUNCHER, { timeout: 15_000 });
      await page.click(LAUNCHER);
      await page.sidebar.waitFor('[data-section="coverage"]', { timeout: 15_000 });
      await rig().driver.findRelated(page.url(), { selectionText: 'Putin summit in Anchorage' });
      await page.sidebar.waitFor(hits, { timeout: 15_000 });
      assert.match(await page.sidebar.text(hits), /Alaska|Putin|summit/i);
      await page.close();
    });

    test('on a link, matches the link’s text (taken from the page on right-click)', async () => {
      const page = await rig().driver.open('/');
      await page.click(`a[href$="${rig().reports[4]!.split('/').pop()}"]`, { button: 'right' });
      await page.press('Escape');
      await rig().driver.findRelated(page.url(), { linkUrl: `${rig().driver.origin}${rig().reports[4]}` });
      await page.sidebar.waitFor(hits, { timeout: 15_000 });
      assert.match(await page.sidebar.text(hits), /Alaska|Putin|summit/i);
      await page.close();
    });
  });

  describe('pages that are not about a stored story', () => {
    test('a non-article page gets nothing: no element, no badge, no error', async () => {
      const page = await rig().driver.open('/');
      assert.equal(await outcome(page), 'not-article');
      assert.equal(await page.count(HOST), 0);
      assert.equal(await rig().driver.badgeText(page.url()), '');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('an article that matches no story gets nothing', async () => {
      const page = await rig().driver.open(rig().unrelated);
      assert.equal(await outcome(page), 'no-match');
      assert.equal(await page.count(HOST), 0);
      assert.equal(await rig().driver.badgeText(page.url()), '');
      assert.deepEqual(page.errors, []);
      await page.close();
    });

    test('a tab closed while its match runs leaves the extension working', async () => {
      const first = await rig().driver.open(rig().reports[1]!);
      await first.close();
      const next = await rig().driver.open(rig().reports[1]!);
      await next.waitFor(LAUNCHER, { timeout: 15_000 });
      await next.close();
    });
  });
});
