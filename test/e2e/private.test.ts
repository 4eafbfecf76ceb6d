// Private windows (issue 16): with the extension allowed there (Chromium's "Allow in Incognito",
// Firefox's "Run in private windows"), a report read in a private window is matched as anywhere
// else (badge, launcher, sidebar), but nothing is written: no reading history, no recent story, no
// network log entry, no other stored record. The same page in a normal window then is recorded,
// which shows the comparison would catch a write. In each browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserDriver } from './driver/types';
import { LAUNCHER, inEachBrowser, poll } from './harness';
import { changedStores, readStored, type Stored } from './stored';
import { TAB_STATE_PREFIX, tabStateKey } from '../../src/formats/storage-schema';

const API = '(globalThis.browser ?? globalThis.chrome)';
// The matcher's cached index (both parts of the engine snapshot) is built from the stories, not the reading.
const DERIVED = ['meta', 'meta:engine-snapshot', 'meta:engine-snapshot/docs'];

/** Storage once nothing is being written any more (the built-in packs land after a reload). */
async function settledStorage(driver: BrowserDriver): Promise<Stored> {
  let last = await readStored(driver);
  return poll('storage to settle', async () => {
    const next = await readStored(driver);
    const same = changedStores(last, next).length === 0 && (next.stores['stories']?.count ?? 0) > 0;
    last = next;
    return same ? next : undefined;
  }, 20_000);
}

/** A page in a new private window; answers its tab id and window id. */
const openPrivate = (driver: BrowserDriver, url: string): Promise<{ tabId: number; windowId: number }> =>
  driver.background(`${API}.windows.create({ incognito: true, url: ${JSON.stringify(url)} }).then((w) => ({ tabId: w.tabs[0].id, windowId: w.id, incognito: w.incognito }))`);

const badge = (driver: BrowserDriver, tabId: number): Promise<string> => driver.background<string>(`${API}.action.getBadgeText({ tabId: ${tabId} })`);

inEachBrowser((rig) => {
  test('a report read in a private window is matched and shown, and nothing is recorded', async () => {
    const { driver, reports } = rig();
    await driver.allowPrivate();
    assert.equal(await driver.background<boolean>(`${API}.extension.isAllowedIncognitoAccess()`), true);
    const before = await settledStorage(driver);

    const opened = [];
    for (const path of reports.slice(0, 2)) {
      const tab = await openPrivate(driver, `${driver.origin}${path}`);
      assert.equal(await driver.background<boolean>(`${API}.tabs.get(${tab.tabId}).then((t) => t.incognito)`), true);
      opened.push(tab);
    }
    // The badge is set after the match and after anything it would record: the launcher's count.
    for (const { tabId } of opened) await poll(`the private tab's badge`, async () => (await badge(driver, tabId)) || undefined);
    // The tab's match knows it is a private window's (from the content script's own tab), so the
    // sidebar's answers say they hold until the page is loaded again, and the answers write nothing.
    for (const { tabId } of opened) {
      const key = JSON.stringify(tabStateKey(tabId));
      const state = await driver.background<{ match: { storyId: string | null; privateWindow?: unknown } }>(`${API}.storage.session.get(${key}).then((s) => s[${key}])`);
      assert.ok(state.match.storyId, JSON.stringify(state.match.storyId));
      assert.deepEqual(state.match.privateWindow, { rejected: [] });
    }
    const after = await readStored(driver);
    // The matcher's index, cached on first use, is derived from the stories, not from the reading.
    assert.deepEqual(changedStores(before, after, DERIVED), []);
    assert.equal(after.stores['history']?.count, before.stores['history']?.count);
    assert.equal(after.stores['networkLog']?.count, before.stores['networkLog']?.count);
    assert.equal(after.stores['meta:recent-stories'], undefined);
    for (const { windowId } of opened) await driver.background(`${API}.windows.remove(${windowId}).then(() => null)`);

    // The same page in a normal window is recorded: history and recent stories change.
    const page = await driver.open(reports[0]!);
    await page.waitFor(LAUNCHER);
    const normal = await driver.background<{ match: { storyId: string | null; privateWindow?: unknown } }[]>(
      `${API}.tabs.query({}).then((tabs) => Promise.all(tabs.filter((t) => !t.incognito && (t.url ?? '').endsWith(${JSON.stringify(reports[0])}))` +
        `.map((t) => ${API}.storage.session.get('${TAB_STATE_PREFIX}' + t.id).then((s) => s['${TAB_STATE_PREFIX}' + t.id]))))`,
    );
    assert.equal(normal.length, 1);
    assert.ok(normal[0]!.match.storyId);
    assert.equal(normal[0]!.match.privateWindow, undefined);
    await poll('the normal tab recorded', async () => {
      const changed = changedStores(before, await readStored(driver), DERIVED);
      return changed.includes('history') && changed.includes('meta:recent-stories') ? changed : undefined;
    });
    await page.close();
  });
});
