// The shortcut or "Find related coverage" where the in-page sidebar must not or cannot open: a site
// the reader switched off (whose pages have no extraction bundle, nor get one), and a page no
// extension may touch. Nothing opens, and the reader hears why on the tab's toolbar button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MENU_ID } from '../../../src/background/context-menu';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../src/formats/settings';
import { startFakeBackground } from './background-env';
import { fakeTab } from './fake-browser';

const OFF = 'https://www.off.example/story';
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

async function offSite() {
  const bg = startFakeBackground();
  await bg.browser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, sitesOff: ['off.example'] } });
  bg.openTab(4, OFF);
  return bg;
}

test('the shortcut on a site switched off injects nothing, opens nothing, and says why', async () => {
  const bg = await offSite();
  await bg.hooks.onCommand('open-sidebar', fakeTab(4, OFF));
  assert.deepEqual(bg.contentCalls, [], 'no sidebar/open');
  assert.deepEqual(bg.injections, [], 'no extraction bundle');
  assert.equal(bg.badges.get(4), '!');
  assert.equal(bg.titles.get(4), 'noticeSiteOff');
});

test('"Find related coverage" on a site switched off keeps the search but opens nothing, and says why', async () => {
  const bg = await offSite();
  await bg.hooks.onMenuClicked({ menuItemId: MENU_ID, editable: false, modifiers: [], selectionText: 'summit' }, fakeTab(4, OFF));
  assert.equal(bg.contentCalls.filter((call) => (call.message as { type: string }).type === 'sidebar/open').length, 0);
  assert.equal(bg.titles.get(4), 'noticeSiteOff');
});

test('on a page no extension may touch, the reader hears it; the next page clears it', async () => {
  const bg = startFakeBackground();
  const store = 'https://chromewebstore.google.com/detail/x';
  bg.openTab(6, store);
  bg.browser.tabs.sendMessage = async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
  bg.browser.scripting.executeScript = async () => Promise.reject(new Error('The extensions gallery cannot be scripted.'));
  await settle();
  await bg.hooks.onCommand('open-sidebar', fakeTab(6, store));
  assert.equal(bg.badges.get(6), '!');
  assert.equal(bg.titles.get(6), 'noticeNoPage');
  await Promise.all(bg.browser.tabs.onUpdated.fire(6, { url: 'https://news.example/' }, fakeTab(6, 'https://news.example/')));
  assert.equal(bg.badges.get(6), null);
  assert.equal(bg.titles.get(6), undefined, 'the tab shows the global tooltip again');
});

test('a sidebar that opens leaves no notice', async () => {
  const bg = startFakeBackground();
  bg.openTab(8, 'https://news.example/a');
  await bg.hooks.onCommand('open-sidebar', fakeTab(8, 'https://news.example/a'));
  assert.deepEqual(bg.contentCalls.at(-1)?.message, { type: 'sidebar/open', payload: {} });
  assert.equal(bg.badges.get(8), undefined);
  assert.equal(bg.titles.get(8), undefined);
});

test('Chrome, whose setTitle takes no null, gives the tab the global tooltip back', async () => {
  const bg = startFakeBackground();
  const store = 'https://chromewebstore.google.com/detail/y';
  bg.openTab(9, store);
  const setTitle = bg.browser.action.setTitle.bind(bg.browser.action);
  bg.browser.action.setTitle = async (details) => {
    if (details.title === null) throw new Error("Error in invocation of action.setTitle: Error at property 'title': Invalid type: expected string, found null.");
    return setTitle(details);
  };
  await bg.browser.action.setTitle({ title: '2 new reports on stories you follow' });
  bg.browser.scripting.executeScript = async () => Promise.reject(new Error('Cannot access contents of the page.'));
  bg.browser.tabs.sendMessage = async () => Promise.reject(new Error('Receiving end does not exist.'));
  await bg.hooks.onCommand('open-sidebar', fakeTab(9, store));
  assert.equal(bg.titles.get(9), 'noticeNoPage');
  await Promise.all(bg.browser.tabs.onUpdated.fire(9, { url: 'https://news.example/' }, fakeTab(9, 'https://news.example/')));
  assert.equal(bg.titles.get(9), '2 new reports on stories you follow');
});
