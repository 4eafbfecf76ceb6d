// When the reader withdraws Storyline's access to pages (Firefox's add-ons manager; Chrome's "site
// access: on click"), pages get nothing and the popup explains why and offers to ask again. The
// withdrawal is made through the permissions API, as the browser's own settings would make it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inEachBrowser, LAUNCHER, outcome, outcomes, testId } from './harness';

const ORIGINS = JSON.stringify({ origins: ['http://*/*', 'https://*/*'] });
const API = '(globalThis.browser ?? globalThis.chrome).permissions';
/**
 * The background tries to run a script in the active tab: the browser refuses it without access to
 * the page, which is what keeps the gate out too (nothing of ours can run there, however long one waits).
 */
const RUN_IN_ACTIVE_TAB = `(async () => {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  try {
    await browser.scripting.executeScript({ target: { tabId: tab.id }, func: () => true });
    return 'ran';
  } catch (error) {
    return String(error);
  }
})()`;

// Chrome refuses permissions.remove() for host permissions the manifest requires, so only Firefox,
// where MV3 host permissions are the reader's to grant and withdraw, can be driven this way.
inEachBrowser((rig) => {
  test('the popup asks for access to pages again once the reader has withdrawn it', async () => {
    const before = await rig().driver.open('/');
    // With access, the gate looks at the page (the demo home page is not an article).
    assert.equal(await outcome(before), 'not-article');
    const popup = await rig().driver.openPopup();
    await popup.waitFor(testId('search'), { timeout: 15_000 });
    assert.equal(await popup.count(testId('host-access')), 0);
    await popup.close();
    await before.close();

    assert.equal(await rig().driver.background<boolean>(`${API}.remove(${ORIGINS})`), true);
    assert.equal(await rig().driver.background<boolean>(`${API}.contains(${ORIGINS})`), false);
    const page = await rig().driver.open(rig().reports[0]!);
    await page.bringToFront();
    assert.match(await rig().driver.background<string>(RUN_IN_ACTIVE_TAB), /missing host permission/i);
    assert.deepEqual(await outcomes(page), []);
    assert.equal(await page.count(LAUNCHER), 0);
    const asking = await rig().driver.openPopup();
    await asking.waitFor(testId('host-access'), { timeout: 15_000 });
    assert.match(await asking.text(testId('host-access')), /reads the page you are on/);
    assert.equal(await asking.count(`${testId('host-access')} button`), 1);
    await asking.close();
    await page.close();
  });
}, ['firefox']);
