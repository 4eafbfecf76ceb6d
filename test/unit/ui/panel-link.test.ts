// The side panel's link to the tab it follows (sidebar/panel.ts), on a fake `browser`.
import { test } from 'node:test';
import assert from 'node:assert/strict';

type Listener = (...args: never[]) => void;
const event = () => {
  const listeners = new Set<Listener>();
  return { addListener: (l: Listener) => void listeners.add(l), removeListener: (l: Listener) => void listeners.delete(l), fire: (...args: never[]) => listeners.forEach((l) => l(...args)) };
};
let activeTab = 5;
const sent: unknown[] = [];
const onActivated = event();
const fake = {
  runtime: {
    id: 'storyline-test',
    sendMessage: async (message: unknown) => {
      sent.push(message);
      return { ok: true, value: { kind: 'none', maybe: [] } };
    },
  },
  windows: { getCurrent: async () => ({ type: 'normal', id: 1 }), getLastFocused: async () => ({ type: 'normal', id: 1 }), onFocusChanged: event() },
  tabs: { query: async () => [{ id: activeTab }], onActivated },
  storage: { onChanged: event() },
};
// The polyfill wants `chrome.runtime.id` to be there, and then answers with `browser` as it is (Firefox's way).
Object.assign(globalThis, { browser: fake, chrome: { runtime: { id: fake.runtime.id } } });
const { panelLink } = await import('../../../src/sidebar/panel');

test('the panel’s first tab is not told as a change (the first view is asked for it); a switch is', async () => {
  const link = panelLink();
  const heard: string[] = [];
  link.subscribe((change) => heard.push(change));
  await link.call('sidebar/view', {});
  // The view names the tab, and this opening of the panel (see the test below).
  const panel = (sent[0] as { payload: { panel: string } }).payload.panel;
  assert.match(panel, /^[\w-]{1,64}$/);
  assert.deepEqual(sent, [{ type: 'sidebar/view', payload: { tabId: 5, panel } }]);
  assert.deepEqual(heard, [], 'one view asked: its answer (which marks a followed story’s reports seen) is the one shown');
  activeTab = 6;
  onActivated.fire({ tabId: 6, windowId: 1 } as never);
  await link.call('sidebar/view', {});
  assert.deepEqual(heard, ['tab']);
  assert.deepEqual(sent.at(-1), { type: 'sidebar/view', payload: { tabId: 6, panel } });
  // Its other calls name the tab alone.
  await link.call('sidebar/close', {});
  assert.deepEqual(sent.at(-1), { type: 'sidebar/close', payload: { tabId: 6 } });
  // Another opening of the panel is another panel.
  await panelLink().call('sidebar/view', {});
  assert.notEqual((sent.at(-1) as { payload: { panel: string } }).payload.panel, panel);
});
