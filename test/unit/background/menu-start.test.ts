// A browser update starts Storyline with both runtime.onStartup and runtime.onInstalled
// ('browser_update' in Firefox, 'chrome_update' in Chrome): the context menu is built once, with no
// "Cannot create item with duplicate id"; and such an error, reported through runtime.lastError,
// is not a problem (the item is there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMenus, MENU_ID } from '../../../src/background/context-menu';
import { startBackground } from '../../../src/background/start';
import { readCommitted } from './background-env';
import { fakeBrowser } from './fake-browser';

/** Menus as the browsers keep them: each call answers after a round trip; create reports a duplicate through lastError. */
function browserMenus() {
  const items = new Set<string>();
  const errors: string[] = [];
  const calls = { made: 0, answered: 0 };
  const later = (work: () => void): Promise<void> => {
    calls.made++;
    return new Promise((resolve) =>
      setTimeout(() => {
        calls.answered++;
        resolve(work());
      }, 5),
    );
  };
  const menus = {
    removeAll: () => later(() => items.clear()),
    create(properties: { id?: string }) {
      const id = properties.id ?? '';
      void later(() => (items.has(id) ? errors.push(`Cannot create item with duplicate id ${id}`) : items.add(id)));
      return id;
    },
  };
  return { items, errors, menus, calls };
}

for (const reason of ['browser_update', 'update'] as const) {
  test(`onStartup and onInstalled (${reason}) together build one menu item without error`, async () => {
    const fake = fakeBrowser();
    const { items, errors, menus, calls } = browserMenus();
    Object.assign(fake.browser.contextMenus, menus);
    startBackground(fake.browser, readCommitted);
    fake.browser.runtime.onStartup.fire();
    fake.browser.runtime.onInstalled.fire({ reason, temporary: false });
    // Every menu call the starts made has been answered, and the item is there: no fixed wait.
    for (const deadline = Date.now() + 5_000; !(items.size > 0 && calls.answered === calls.made) && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual([...items], [MENU_ID]);
    assert.deepEqual(errors, []);
  });
}

test('a duplicate id reported through runtime.lastError is not logged as a problem', async (t) => {
  const warned: string[] = [];
  t.mock.method(console, 'warn', (line: string) => void warned.push(line));
  const runtime: { lastError: { message: string } | null } = { lastError: null };
  const report = (message: string) => (_properties: unknown, callback?: () => void) => {
    runtime.lastError = { message };
    callback?.();
    runtime.lastError = null;
    return MENU_ID;
  };
  const onClicked = fakeBrowser().browser.contextMenus.onClicked;
  await createMenus({ removeAll: async () => undefined, create: report(`Cannot create item with duplicate id ${MENU_ID}`), onClicked }, runtime);
  assert.deepEqual(warned, []);
  await createMenus({ removeAll: async () => undefined, create: report('Invalid value for contexts'), onClicked }, runtime);
  assert.equal(warned.length, 1, 'any other error is');
});
