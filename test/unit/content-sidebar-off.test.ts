// The extraction bundle (content.js) injected by the reader's own request to open the sidebar (the
// shortcut, "Find related coverage") on a page loaded while its site was switched off: the page had
// no bundle, and the request arrives before the bundle has read the settings. It must read them
// rather than open the sidebar on a site the reader switched off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/formats/settings';

const ID = 'storyline-test-id';
const dom = new JSDOM('<!doctype html><html><head><title>Front</title></head><body><p>Front page</p></body></html>', { url: 'https://www.off.example/front', pretendToBeVisual: true });
// jsdom's own AbortController: its addEventListener takes no other signal.
const globals = globalThis as unknown as Record<string, unknown>;
for (const name of ['window', 'document', 'location', 'Node', 'Element', 'HTMLElement', 'HTMLIFrameElement', 'ShadowRoot', 'MutationObserver', 'Event', 'KeyboardEvent', 'getComputedStyle', 'AbortController', 'AbortSignal']) {
  Object.defineProperty(globals, name, { value: (dom.window as unknown as Record<string, unknown>)[name], configurable: true, writable: true });
}
globals['addEventListener'] = dom.window.addEventListener.bind(dom.window);
// Chrome's Navigation API, which the script watches when there is one (no polling timer keeps Node alive).
globals['navigation'] = new dom.window.EventTarget();

type Listener = (message: unknown, sender: { id: string }) => Promise<unknown> | undefined;
const listeners: Listener[] = [];
const quiet = { addListener: () => undefined, removeListener: () => undefined };
// The polyfill hands on a `browser` it finds (Firefox's); a plain object stands for it here.
globals['chrome'] = { runtime: { id: ID } };
globals['browser'] = {
  runtime: {
    id: ID,
    getURL: (path: string) => `moz-extension://uuid/${path}`,
    sendMessage: async () => ({ ok: true, value: null }),
    onMessage: { addListener: (listener: Listener) => void listeners.push(listener), removeListener: () => undefined },
  },
  storage: {
    local: { get: async () => ({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, sitesOff: ['off.example'] } }), set: async () => undefined },
    onChanged: quiet,
  },
};

test('sidebar/open, arriving before the settings were read, opens nothing on a site switched off', async () => {
  await import('../../src/content/index');
  assert.equal(listeners.length, 1);
  const answer = await listeners[0]?.({ type: 'sidebar/open', payload: {} }, { id: ID });
  assert.deepEqual(answer, { ok: true, value: null });
  assert.equal(document.querySelector('[data-storyline]'), null, 'no host of ours in the page');
  assert.equal(document.querySelectorAll('iframe').length, 0);
});
