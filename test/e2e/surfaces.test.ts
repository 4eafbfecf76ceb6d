// Where and how the sidebar shows, as the reader chose in options: its side and width over the
// page, opening by itself on chosen sites, the browser's side panel instead of anything on the
// page, and "Follow story".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExtensionPage, TabPage } from './driver/types';
import { axeViolations } from './axe';
import { HOST, LAUNCHER, SIDEBAR_IFRAME, testId, until, inEachBrowser, outcome, outcomes, poll } from './harness';

const SHADOW = "document.querySelector('[data-storyline]').shadowRoot";
const rect = (selector: string): string => `(() => { const r = ${SHADOW}.querySelector('${selector}').getBoundingClientRect(); return [Math.round(r.left), Math.round(r.right), Math.round(r.width), document.documentElement.clientWidth]; })()`;

/** Changes settings as the options page does (the same call, from the same kind of page). */
async function settle(options: ExtensionPage, change: Record<string, unknown>): Promise<void> {
  const ok = await options.evaluate<boolean>(
    `(globalThis.browser ?? chrome).runtime.sendMessage({ type: 'settings/update', payload: { change: ${JSON.stringify(change)} } }).then((r) => r.ok)`,
  );
  assert.equal(ok, true, JSON.stringify(change));
}

inEachBrowser((rig) => {
  test('the sidebar takes the side and width chosen in options, and the page follows a change at once', async () => {
    const options = await rig().driver.openExtensionTab('options.html');
    await options.waitFor(testId('appearance'), { timeout: 15_000 });
    await options.click(`${testId('choice-side')} input[value="left"]`);
    await until(options, `document.querySelector('${testId('appearance')} [role="status"]').textContent.includes('Saved')`);
    const page: TabPage = await rig().driver.open(rig().reports[0]!);
    await page.waitFor(LAUNCHER, { timeout: 15_000 });
    assert.equal((await page.evaluate<number[]>(rect('.launcher')))[0], 0, 'launcher on the left edge');
    await page.click(LAUNCHER);
    await page.sidebar.waitFor(testId('story-title'), { timeout: 15_000 });
    const [left, , width] = await page.evaluate<number[]>(rect('.sidebar'));
    assert.deepEqual([left, width], [0, 400]);
    await settle(options, { width: 'wide', side: 'right' });
    await until(page, `${rect('.sidebar')}[2] === 480`);
    const [, right, , viewport] = await page.evaluate<number[]>(rect('.sidebar'));
    assert.equal(right, viewport, 'moved to the right edge without a reload');
    await settle(options, { width: 'standard' });
    await page.close();
    await options.close();
  });

  test('on a site chosen to open by itself, the sidebar opens without taking the focus; elsewhere it waits', async () => {
    const options = await rig().driver.openExtensionTab('options.html');
    await options.waitFor(testId('auto-open'), { timeout: 15_000 });
    await settle(options, { autoOpen: ['127.0.0.1'] });
    const page = await rig().driver.open(rig().reports[2]!);
    await page.waitFor(SIDEBAR_IFRAME, { timeout: 15_000 });
    await page.sidebar.waitFor(testId('story-title'), { timeout: 15_000 });
    assert.equal(await page.evaluate<string>('document.activeElement?.tagName ?? ""'), 'BODY');
    await page.close();
    await settle(options, { autoOpen: [] });
    const quiet = await rig().driver.open(rig().reports[3]!);
    // The content script marks its outcome after it has opened the sidebar where it would.
    assert.equal(await outcome(quiet), 'matched');
    await quiet.waitFor(LAUNCHER, { timeout: 15_000 });
    assert.equal(await quiet.count(SIDEBAR_IFRAME), 0);
    await quiet.close();
    await options.close();
  });

  test('with the side panel chosen, nothing goes over the article and the panel follows the tab', async () => {
    const options = await rig().driver.openExtensionTab('options.html');
    await options.waitFor(testId('appearance'), { timeout: 15_000 });
    await options.click(`${testId('choice-surface')} input[value="panel"]`);
    await until(options, `document.querySelector('${testId('appearance')} [role="status"]').textContent.includes('Saved')`);
    try {
      await panelFollowsTab();
    } finally {
      await settle(options, { surface: 'page' });
      await options.close();
    }
  });

  test('an open article follows a change of surface at once, without reading itself again', async () => {
    const options = await rig().driver.openExtensionTab('options.html');
    await options.waitFor(testId('appearance'), { timeout: 15_000 });
    const page = await rig().driver.open(rig().reports[2]!);
    await page.waitFor(LAUNCHER, { timeout: 15_000 });
    assert.deepEqual(await outcomes(page), ['matched']);
    const label = (await page.text(LAUNCHER)).trim();
    try {
      await settle(options, { surface: 'panel' });
      await poll('the launcher leaves the article', async () => (await page.count(LAUNCHER)) === 0);
      await settle(options, { surface: 'page' });
      await page.waitFor(LAUNCHER, { timeout: 15_000 });
      assert.equal((await page.text(LAUNCHER)).trim(), label);
      // The page was read once: before, each change of surface read it again and reported it anew.
      assert.deepEqual(await outcomes(page), ['matched']);
    } finally {
      await settle(options, { surface: 'page' });
      await page.close();
      await options.close();
    }
  });

  async function panelFollowsTab(): Promise<void> {
    const page = await rig().driver.open(rig().reports[1]!);
    // The badge still counts the other reports (set before the content script hears the match); the
    // page gets no element of ours.
    assert.equal(await outcome(page), 'matched');
    assert.equal(await rig().driver.badgeText(page.url()), '4');
    assert.equal(await page.count(HOST), 0);

    await page.bringToFront();
    let panel = await rig().driver.openWindow('sidebar.html', { width: 400, height: 800 });
    await panel.waitFor('[data-section="coverage"]', { timeout: 15_000 });
    assert.match(await panel.text(testId('story-title')), /Alaska|Putin|summit/i);
    assert.equal(await panel.count('[data-report][aria-current="page"]'), 1, 'the tab\'s own report is marked');
    await panel.screenshot('side-panel');

    // "Find related coverage" shows its search in the panel. Closed by the browser (its own close
    // button: no word to Storyline), the panel opened again shows the page's story, not the search.
    await rig().driver.findRelated(page.url(), { selectionText: 'ceasefire talks' });
    await panel.waitFor(testId('search-hits'), { timeout: 15_000 });
    await panel.close();
    panel = await rig().driver.openWindow('sidebar.html', { width: 400, height: 800 });
    await panel.waitFor('[data-section="coverage"]', { timeout: 15_000 });
    assert.equal(await panel.count(testId('search-hits')), 0);

    // The tab goes to a page of no story: the panel follows.
    await page.evaluate(`location.href = ${JSON.stringify(rig().driver.origin + rig().unrelated)}`);
    await panel.waitForText('main', /No stored story/i, 15_000);
    // Not a dead end: what Storyline knows, the way to choose sources (this profile has none), and a
    // search of every stored story, a hit opening in the panel with the way back.
    await panel.waitForText(testId('library'), /Storyline knows \d+ stor(y|ies) and has no news sources yet/, 15_000);
    await panel.evaluate(`(() => { const box = document.querySelector('${testId('stored-search')}'); box.value = 'Putin Alaska'; box.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`);
    await panel.waitFor(`${testId('stored-search-hits')} button`, { timeout: 15_000 });
    assert.deepEqual(await axeViolations(panel), [], 'the panel on a page of no story, with its search and hits');
    await panel.click(`${testId('stored-search-hits')} button`);
    await panel.waitFor('[data-section="coverage"]', { timeout: 15_000 });
    await panel.click('button.back');
    await panel.waitFor(`${testId('stored-search-hits')} button`, { timeout: 15_000 });
    const welcome = rig().driver.extensionTabOpened('welcome.html');
    await panel.click(testId('choose-sources'));
    await (await welcome).close();
    await page.bringToFront();
    await panel.waitForText('main', /No stored story/i, 15_000);
    // A page the summit's story is offered for: the panel says which tab's page it answers for.
    await page.evaluate(`location.href = ${JSON.stringify(rig().driver.origin + rig().followUp)}`);
    await panel.waitFor(`${testId('maybe-hits')} button`, { timeout: 15_000 });
    await panel.click(`${testId('maybe-hits')} button`);
    await panel.click(testId('confirm-story'));
    await panel.waitFor(testId('confirmed-note'), { timeout: 15_000 });
    // The answer's own write reloads the panel's view: the acknowledgement stays with it.
    await panel.waitForText(testId('answer-notice'), /now shows this story/, 15_000);
    await poll('the badge on the page given its story', async () => /^[1-9]/.test(await rig().driver.badgeText(page.url())));
    assert.equal(await page.count(HOST), 0, 'still nothing over the article');
    await panel.close();
    await page.close();
  }

  test('"Follow story" is kept, and the popup lists the story with nothing new yet', async () => {
    const page = await rig().driver.open(rig().reports[4]!);
    await page.click(LAUNCHER);
    await page.sidebar.waitFor(testId('follow'), { timeout: 15_000 });
    assert.equal(await page.sidebar.evaluate<string>(`document.querySelector('${testId('follow')}').getAttribute('aria-pressed')`), 'false');
    await page.sidebar.click(testId('follow'));
    await page.sidebar.waitForText('.follow-status', /Following this story/);
    await page.bringToFront();
    const popup = await rig().driver.openPopup();
    await popup.waitFor(testId('followed'), { timeout: 15_000 });
    assert.match(await popup.text(testId('followed')), /Nothing new/);
    await popup.close();
    // The tab the browser activates when the popup's tab closes need not be this one, and a
    // click in a background tab can wait on a frame that never comes.
    await page.bringToFront();
    // Reopened, the sidebar remembers.
    await page.sidebar.click(testId('close'));
    await page.waitFor(SIDEBAR_IFRAME, { state: 'detached' });
    await page.click(LAUNCHER);
    await page.sidebar.waitFor(`${testId('follow')}[aria-pressed="true"]`, { timeout: 15_000 });
    await page.sidebar.click(testId('follow'));
    await page.sidebar.waitForText('.follow-status', /No longer following/);
    await page.close();
  });

  test('the surface choice is kept where a background woken by the shortcut finds it before any await', async () => {
    const driver = rig().driver;
    const options = await driver.openExtensionTab('options.html');
    await options.waitFor(testId('appearance'), { timeout: 15_000 });
    // Chrome: the panel enabled only for the panel choice (open() refuses otherwise); Firefox: a
    // copy in the event page's localStorage (shared/side-panel.ts keptChoice).
    const kept = (): Promise<unknown> =>
      driver.name === 'chromium' ? driver.background('chrome.sidePanel.getOptions({}).then((o) => o.enabled)') : driver.background(`localStorage.getItem('storyline.surface')`);
    try {
      await settle(options, { surface: 'panel' });
      await driver.stopBackground();
      await poll('the panel choice kept', async () => (await kept()) === (driver.name === 'chromium' ? true : 'panel'));
      await settle(options, { surface: 'page' });
      await poll('the page choice kept', async () => (await kept()) === (driver.name === 'chromium' ? false : 'page'));
    } finally {
      await settle(options, { surface: 'page' });
      await options.close();
    }
  });

  test('the shortcut on a site switched off opens nothing and says why on the toolbar button', async () => {
    const driver = rig().driver;
    const options = await driver.openExtensionTab('options.html');
    await options.waitFor(testId('appearance'), { timeout: 15_000 });
    await settle(options, { sitesOff: ['127.0.0.1'] });
    try {
      const page = await driver.open(rig().reports[0]!);
      await page.bringToFront();
      await driver.command('open-sidebar');
      assert.equal(await page.count(HOST), 0, 'nothing of ours in the page');
      assert.equal(await driver.badgeText(page.url()), '!');
      await page.close();
    } finally {
      await settle(options, { sitesOff: [] });
      await options.close();
    }
  });
});
