// Firefox for Android (the manifest's gecko_android opts into it) has no menus, commands or sidebar
// (MDN's compatibility tables): the background starts without them, with every other listener.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BackgroundBrowser } from '../../../src/background/browser-api';
import { startBackground } from '../../../src/background/start';
import { readCommitted } from './background-env';
import { fakeBrowser } from './fake-browser';

test('the background starts without contextMenus and commands, and still follows its tabs', async () => {
  const fake = fakeBrowser();
  const android: BackgroundBrowser = { ...fake.browser, contextMenus: undefined, commands: undefined, keptChoice: undefined };
  startBackground(android, readCommitted);
  assert.equal(fake.browser.tabs.onUpdated.listeners.length, 1);
  assert.equal(fake.browser.tabs.onRemoved.listeners.length, 1);
  assert.equal(fake.browser.runtime.onMessage.listeners.length, 1);
  // The start work skips the menu it cannot make.
  fake.browser.runtime.onStartup.fire();
  await new Promise((resolve) => setTimeout(resolve, 20));
});
