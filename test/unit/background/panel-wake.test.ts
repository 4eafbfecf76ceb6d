// The reader chose the browser's side panel, and the background is asleep: the shortcut or the menu
// click wakes it, and the browser dispatches the event right after the script's top level ran,
// before any settings read could answer. Both browsers open the panel only synchronously inside
// that handler, so it must be opened there from where the choice is kept (shared/side-panel.ts):
// Chrome's panel enabled only for that choice, Firefox's copy in the event page's localStorage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BackgroundBrowser } from '../../../src/background/browser-api';
import { MENU_ID } from '../../../src/background/context-menu';
import { startBackground } from '../../../src/background/start';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Surface } from '../../../src/formats/settings';
import type { KeptChoice } from '../../../src/shared/side-panel';
import { readCommitted } from './background-env';
import { fakeBrowser, fakeTab, type FakeBrowser } from './fake-browser';

const PAGE = 'https://news.example/a';
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

/** A browser whose stored settings say `surface`, with a background not yet started on it. */
async function asleep(surface: Surface): Promise<FakeBrowser> {
  const fake = fakeBrowser();
  await fake.browser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, surface } });
  fake.openTab(3, PAGE);
  return fake;
}

/** Fires the waking input right after the start, and counts the panels opened before any await. */
function wake(fake: FakeBrowser, browser: BackgroundBrowser, via: 'command' | 'menu'): number {
  startBackground(browser, readCommitted);
  if (via === 'command') fake.browser.commands.onCommand.fire('open-sidebar', fakeTab(3, PAGE));
  else fake.browser.contextMenus.onClicked.fire({ menuItemId: MENU_ID, editable: false, modifiers: [], selectionText: 'summit' }, fakeTab(3, PAGE));
  return fake.panelsOpened.length;
}

/** Firefox's keeping: a copy in the event page's localStorage, which outlives the page. */
function firefoxKept(memo: Map<string, Surface>): KeptChoice {
  return {
    keep: async (choice) => void memo.set('surface', choice),
    recall: () => memo.get('surface') ?? null,
  };
}

for (const via of ['command', 'menu'] as const) {
  test(`Chrome: the ${via} that wakes the background opens the chosen panel synchronously`, async () => {
    const fake = await asleep('panel');
    assert.equal(wake(fake, fake.browser, via), 1, 'opened inside the input handler');
    await settle();
    assert.deepEqual(fake.panelsOpened, [3]);
    assert.equal(fake.contentCalls.length, 0, 'nothing over the page');
    assert.equal(fake.badges.get(3), undefined, 'no notice');
  });

  test(`Firefox: the ${via} that wakes the background opens the panel from the kept copy`, async () => {
    const fake = await asleep('panel');
    const memo = new Map<string, Surface>([['surface', 'panel']]);
    assert.equal(wake(fake, { ...fake.browser, keptChoice: firefoxKept(memo) }, via), 1);
    await settle();
    assert.deepEqual(fake.panelsOpened, [3]);
  });
}

test('Chrome: with the in-page sidebar chosen, the panel (disabled by the choice) stays shut and the page gets the sidebar', async () => {
  const fake = await asleep('page');
  fake.sidePanel.enabled = false; // as the previous worker left it (keep('page'))
  wake(fake, fake.browser, 'command');
  await settle();
  assert.deepEqual(fake.panelsOpened, []);
  assert.deepEqual(fake.contentCalls.at(-1), { tabId: 3, message: { type: 'sidebar/open', payload: {} }, frameId: 0 });
  assert.equal(fake.badges.get(3), undefined, 'the refused panel is no failure here');
});

test('the choice is kept where the next wake finds it: Chrome enables its panel only for the panel choice', async () => {
  const fake = await asleep('page');
  startBackground(fake.browser, readCommitted);
  await settle();
  assert.equal(fake.sidePanel.enabled, false, 'kept at the start');
  await fake.browser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, surface: 'panel' } });
  await settle();
  assert.equal(fake.sidePanel.enabled, true, 'kept when the reader changes it');
});

test('Firefox with nothing kept (browsing data cleared): the reader is told, and the next shortcut opens the panel', async () => {
  const fake = await asleep('panel');
  const memo = new Map<string, Surface>();
  const browser = { ...fake.browser, keptChoice: firefoxKept(memo) };
  assert.equal(wake(fake, browser, 'command'), 0, 'nothing to open it from');
  await settle();
  assert.equal(fake.badges.get(3), '!');
  assert.equal(fake.titles.get(3), 'noticePanelFailed');
  assert.equal(memo.get('surface'), 'panel', 'kept again');
  // The background is awake now: the next press knows the choice.
  fake.browser.commands.onCommand.fire('open-sidebar', fakeTab(3, PAGE));
  assert.deepEqual(fake.panelsOpened, [3]);
  await settle();
  // The tab's next page clears the notice.
  await Promise.all(fake.browser.tabs.onUpdated.fire(3, { url: 'https://news.example/b' }, fakeTab(3, 'https://news.example/b')));
  assert.equal(fake.badges.get(3), null);
  assert.equal(fake.titles.get(3), undefined);
});
