// The first complete path in real Chromium: demo news page → Readability → local match → launcher
// → sidebar, plus the popup, the keyboard command, the context menu and pages that get nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { badgeText, clickFindRelated, launcher, openPage, screenshot, sidebarFrame, startRig, type Rig } from './harness';

let rig: Rig;

before(async () => {
  rig = await startRig();
});
after(async () => {
  await rig?.stop();
});

describe('a seed report page', () => {
  test('shows the launcher with the other reports of its story, and the badge agrees', async () => {
    const { page, errors } = await openPage(rig, rig.reports[0]!);
    await launcher(page).waitFor({ timeout: 15_000 });
    assert.equal((await launcher(page).textContent())?.trim(), 'Storyline · 4 reports');
    assert.equal(await badgeText(rig, page.url()), '4');
    // The launcher's shadow root holds a count and nothing about the story.
    const shadowText = await page.evaluate(() => document.querySelector('storyline-root')?.shadowRoot?.textContent ?? '');
    assert.doesNotMatch(shadowText, /Putin|Alaska|summit/i);
    await screenshot(page, 'launcher');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('opens the sidebar with all four sections and the current report marked', async () => {
    const { page, errors } = await openPage(rig, rig.reports[0]!);
    await launcher(page).click();
    const sidebar = sidebarFrame(page);
    await sidebar.locator('[data-section="coverage"]').waitFor({ timeout: 15_000 });
    for (const section of ['categories', 'coverage', 'opinions', 'actions']) {
      assert.equal(await sidebar.locator(`section[data-section="${section}"]`).count(), 1, section);
    }
    assert.match((await sidebar.getByTestId('story-title').textContent()) ?? '', /Alaska|Putin|summit/i);
    assert.equal(await sidebar.locator('[data-section="coverage"] [data-report]').count(), 5);
    const current = sidebar.locator('[data-report][aria-current="page"]');
    assert.equal(await current.count(), 1);
    assert.match((await current.textContent()) ?? '', /'No deal' as talks between Trump and Putin finish up at summit/);
    const categories = await sidebar.locator('[data-section="categories"]').textContent();
    assert.match(categories ?? '', /Foreign Policy & International Relations/);
    assert.match(categories ?? '', /U\.S\.–Russia Relations/);
    assert.ok((await sidebar.locator('[data-section="opinions"] details').count()) >= 1);
    assert.ok((await sidebar.locator('[data-section="actions"] input[type="checkbox"]').count()) >= 5);
    // No report URL is known from the seeds: none is invented.
    assert.equal(await sidebar.locator('[data-section="coverage"] [data-report] a[href]').count(), 0);
    await screenshot(page, 'sidebar');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('an action ticked in the sidebar stays ticked after the sidebar is reopened', async () => {
    const { page } = await openPage(rig, rig.reports[1]!);
    await launcher(page).click();
    const box = sidebarFrame(page).locator('[data-section="actions"] input[type="checkbox"]').first();
    await box.waitFor({ timeout: 15_000 });
    assert.equal(await box.isChecked(), false);
    await box.check();
    await sidebarFrame(page).getByTestId('action-progress').filter({ hasText: /^1 / }).waitFor();
    await sidebarFrame(page).getByTestId('close').click();
    await page.locator('storyline-root iframe').waitFor({ state: 'detached' });
    await launcher(page).click();
    const again = sidebarFrame(page).locator('[data-section="actions"] input[type="checkbox"]').first();
    await again.waitFor({ timeout: 15_000 });
    assert.equal(await again.isChecked(), true);
    await page.close();
  });

  test('Esc closes the sidebar and focus returns to the page', async () => {
    const { page } = await openPage(rig, rig.reports[2]!);
    await launcher(page).focus();
    await page.keyboard.press('Enter');
    await sidebarFrame(page).locator('[data-section="coverage"]').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => document.activeElement?.tagName === 'STORYLINE-ROOT');
    await sidebarFrame(page).locator('[data-section="actions"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await page.locator('storyline-root iframe').waitFor({ state: 'detached' });
    const focused = await page.evaluate(() => {
      const root = document.querySelector('storyline-root')?.shadowRoot;
      return root?.activeElement?.className ?? document.activeElement?.tagName;
    });
    assert.equal(focused, 'launcher');
    await page.close();
  });

  test('the keyboard command opens the sidebar on the active tab', async () => {
    const { page } = await openPage(rig, rig.reports[2]!);
    await launcher(page).waitFor({ timeout: 15_000 });
    await page.bringToFront();
    await rig.worker.evaluate(() => (globalThis as unknown as { storyline: { onCommand(c: string): Promise<void> } }).storyline.onCommand('open-sidebar'));
    await sidebarFrame(page).locator('[data-section="coverage"]').waitFor({ timeout: 15_000 });
    await page.close();
  });
});

describe('the toolbar popup', () => {
  async function openPopup(): Promise<import('playwright-core').Page> {
    const opened = rig.context.waitForEvent('page');
    await rig.worker.evaluate(() => chrome.windows.create({ url: chrome.runtime.getURL('popup.html'), type: 'popup', width: 380, height: 560 }));
    const popup = await opened;
    await popup.waitForLoadState('load');
    return popup;
  }

  test('shows the tab’s story with counts and opens the sidebar', async () => {
    const { page } = await openPage(rig, rig.reports[0]!);
    await launcher(page).waitFor({ timeout: 15_000 });
    await page.bringToFront();
    const popup = await openPopup();
    const title = popup.getByTestId('story-title');
    await title.waitFor({ timeout: 15_000 });
    assert.match((await title.textContent()) ?? '', /Alaska|Putin|summit/i);
    assert.match((await popup.locator('body').textContent()) ?? '', /4 other reports/);
    await popup.setViewportSize({ width: 380, height: 560 });
    await screenshot(popup, 'popup');
    await popup.getByTestId('open-sidebar').click();
    await sidebarFrame(page).locator('[data-section="coverage"]').waitFor({ timeout: 15_000 });
    await page.close();
  });

  test('says clearly when no stored story matches the page', async () => {
    const { page } = await openPage(rig, rig.unrelated);
    await page.waitForTimeout(1_500);
    await page.bringToFront();
    const popup = await openPopup();
    await popup.getByTestId('no-match').waitFor({ timeout: 15_000 });
    await popup.close();
    await page.close();
  });
});

describe('Find related coverage', () => {
  test('on a selection, searches stories by the selected text and shows them in the sidebar', async () => {
    const { page } = await openPage(rig, '/');
    await clickFindRelated(rig, page.url(), { selectionText: 'Putin summit in Anchorage' });
    const hits = sidebarFrame(page).getByTestId('search-hits');
    await hits.waitFor({ timeout: 15_000 });
    assert.match((await hits.textContent()) ?? '', /Alaska|Putin|summit/i);
    await screenshot(page, 'selection-search');
    await hits.locator('button, a').first().click();
    await sidebarFrame(page).locator('[data-section="coverage"] [data-report]').first().waitFor({ timeout: 15_000 });
    assert.equal(await sidebarFrame(page).locator('[data-report]').count(), 5);
    await page.close();
  });

  test('on a link, matches the link’s text (taken from the page on right-click)', async () => {
    const { page } = await openPage(rig, '/');
    const link = page.locator(`a[href$="${rig.reports[4]!.split('/').pop()}"]`).first();
    await link.click({ button: 'right' });
    await page.keyboard.press('Escape');
    await clickFindRelated(rig, page.url(), { linkUrl: `${rig.server.origin}${rig.reports[4]}` });
    const hits = sidebarFrame(page).getByTestId('search-hits');
    await hits.waitFor({ timeout: 15_000 });
    assert.match((await hits.textContent()) ?? '', /Alaska|Putin|summit/i);
    await page.close();
  });
});

describe('pages that are not about a stored story', () => {
  test('a non-article page gets nothing: no element, no badge, no error', async () => {
    const { page, errors } = await openPage(rig, '/');
    await page.waitForTimeout(2_500);
    assert.equal(await page.locator('storyline-root').count(), 0);
    assert.equal(await badgeText(rig, page.url()), '');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('an article that matches no story gets nothing', async () => {
    const { page, errors } = await openPage(rig, rig.unrelated);
    await page.waitForTimeout(2_500);
    assert.equal(await page.locator('storyline-root').count(), 0);
    assert.equal(await badgeText(rig, page.url()), '');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a tab closed while its match runs leaves the extension working', async () => {
    const { page } = await openPage(rig, rig.reports[1]!);
    await page.close();
    const { page: next } = await openPage(rig, rig.reports[1]!);
    await launcher(next).waitFor({ timeout: 15_000 });
    await next.close();
  });
});
