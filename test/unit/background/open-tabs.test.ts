// At install and update, the tabs already open get the gate a page load would have given them: each open
// http(s) tab without it, once; never a discarded tab, a browser page, or one that has it already.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Tabs } from '../../../src/shared/browser';
import { gateOpenTabs, GATE_FILE, openBefore, takeOverOpenTabs } from '../../../src/background/open-tabs';
import { slowArea } from './memory-storage';
import type { Scripting } from '../../../src/background/extraction';

const tab = (id: number, url: string, extra: Partial<Tabs.Tab> = {}): Tabs.Tab => ({ id, url, index: id, highlighted: false, active: false, pinned: false, incognito: false, ...extra });

test('each open http(s) tab without the gate gets it; others are left as they are', async () => {
  const open = [
    tab(1, 'https://news.example/2026/12/06/story'),
    tab(2, 'https://already.example/'),
    tab(3, 'https://sleeping.example/', { discarded: true }),
    tab(4, 'chrome://settings/'),
    tab(5, 'https://chromewebstore.google.com/detail/x'),
    tab(6, 'http://plain.example/page'),
  ];
  const given: number[] = [];
  const scripting: Scripting = {
    async executeScript(injection) {
      const { tabId } = injection.target;
      // The gate's presence, asked first: tab 2 has it (Firefox puts manifest scripts into open tabs itself).
      if ('func' in injection && injection.func) return [{ frameId: 0, documentId: 'd', result: tabId === 2 }];
      assert.deepEqual(injection.files, [GATE_FILE]);
      assert.deepEqual(injection.target, { tabId, frameIds: [0] });
      if (tabId === 5) throw new Error('The extensions gallery cannot be scripted.');
      given.push(tabId);
      return [{ frameId: 0, documentId: 'd', result: null }];
    },
  };
  const queried: unknown[] = [];
  const tabs = {
    async query(q: Tabs.QueryQueryInfoType) {
      queried.push(q);
      return open;
    },
  };
  assert.equal(await gateOpenTabs(tabs, scripting), 2);
  assert.deepEqual(given, [1, 6]);
  assert.deepEqual(queried, [{ url: ['http://*/*', 'https://*/*'] }]);
});

test('the background gives the open tabs the gate once per run of the extension: at its first start, not again when it wakes', async () => {
  const { startFakeBackground } = await import('./background-env');
  const bg = startFakeBackground({ firstStart: true });
  bg.openTab(7, 'https://news.example/2026/12/06/story');
  const gateInjections = (): unknown[] => bg.injections.filter((i) => JSON.stringify(i).includes(GATE_FILE));
  const given = { target: { tabId: 7, frameIds: [0] }, files: [GATE_FILE] };
  // The first start after an install, an update or being switched back on (Chrome fires no event
  // for the last): the session area is empty.
  for (const deadline = Date.now() + 5_000; gateInjections().length < 1 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.deepEqual(gateInjections(), [given]);
  // Events of the same run, and a worker woken later in it (same session area), look no more.
  bg.browser.runtime.onInstalled.fire({ reason: 'install', temporary: false });
  assert.equal(await takeOverOpenTabs(bg.browser.storage.session, bg.browser.tabs, bg.browser.scripting), 0);
  assert.deepEqual(gateInjections(), [given]);
});

test('a tab that cannot answer (a dialog open, a page still loading) holds up no other, and still gets the gate', { timeout: 10_000 }, async () => {
  const open = [tab(1, 'https://stuck.example/'), ...[2, 3, 4, 5, 6, 7].map((id) => tab(id, `https://news${id}.example/story`)), tab(8, 'https://later.example/', { status: 'unloaded' })];
  const asked: number[] = [];
  const given: number[] = [];
  let inFlight = 0;
  let most = 0;
  const scripting: Scripting = {
    async executeScript(injection) {
      const { tabId } = injection.target;
      if ('func' in injection && injection.func) {
        asked.push(tabId);
        // Tab 1's page never runs a script while this test lasts.
        if (tabId === 1) return new Promise(() => undefined);
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return [{ frameId: 0, documentId: 'd', result: false }];
      }
      given.push(tabId);
      if (tabId === 1) return new Promise(() => undefined);
      return [{ frameId: 0, documentId: 'd', result: null }];
    },
  };
  const tabs = { query: async () => open };
  // Tab 1 first in the list: before, no other tab was looked at until it answered.
  assert.equal(await gateOpenTabs(tabs, scripting, { tabMs: 200, atOnce: 3 }), 6);
  assert.deepEqual(asked.sort(), [1, 2, 3, 4, 5, 6, 7], 'every loaded tab asked, the unloaded one left to load with its gate');
  assert.deepEqual(given.sort(), [1, 2, 3, 4, 5, 6, 7], 'the stuck tab is given the gate too, to run when it can');
  assert.ok(most <= 2, `at most three tabs at once, one of them the stuck one: ${most}`);
});

test('the pages open as a run starts (an update, a switch-on, a restart) report themselves as come back, once per tab', async () => {
  const session = { ...slowArea(), remove: async () => undefined };
  const open = [tab(1, 'https://news.example/story#comments'), tab(2, 'https://news.example/other'), tab(3, 'chrome://settings/')];
  const scripting: Scripting = { executeScript: async () => [{ frameId: 0, documentId: 'd', result: true }] };
  await takeOverOpenTabs(session, { query: async () => open }, scripting);
  assert.equal(await openBefore(session, 1, 'https://news.example/story'), true, 'the page it showed (its fragment aside)');
  assert.equal(await openBefore(session, 1, 'https://news.example/story'), false, 'its next report is a reading like any');
  assert.equal(await openBefore(session, 2, 'https://news.example/moved-on'), false, 'a tab that moved to another page since');
  assert.equal(await openBefore(session, 3, 'https://elsewhere.example/'), false);
  assert.equal(await openBefore(session, 9, 'https://news.example/story'), false, 'a tab opened since');
});
