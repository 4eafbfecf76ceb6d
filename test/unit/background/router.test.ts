// The router: every message is parsed, its sender checked against the call's allowed senders, and
// answered in a Result envelope; anything else is refused before a handler runs. Messages go in
// through the onMessage listener the background registered on a fake browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHandlers } from '../../../src/background/handlers';
import type { CallContext, Handlers } from '../../../src/background/handler-types';
import { createRouter } from '../../../src/background/router';
import { createServices } from '../../../src/background/services';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../src/formats/settings';
import { contentSender, pageSender, readCommitted, startFakeBackground } from './background-env';
import { fakeBrowser, fakeTab, ORIGIN } from './fake-browser';

const REFUSED = { ok: false, error: { code: 'refused' } };
const article = 'https://news.example/2025/08/summit';

/** A router over the real handlers, with 'settings/get' replaced by one that notes its calls. */
function recordingRouter() {
  const fake = fakeBrowser();
  const services = createServices(fake.browser, readCommitted);
  const calls: CallContext[] = [];
  const handlers: Handlers = {
    ...createHandlers(services),
    async 'settings/get'(_payload, context) {
      calls.push(context);
      return { ...DEFAULT_SETTINGS };
    },
  };
  return { fake, calls, route: createRouter({ runtime: fake.browser.runtime, states: services.states, handlers }) };
}

test('a call from an allowed sender is answered in a Result envelope', async () => {
  const bg = startFakeBackground();
  assert.deepEqual(await bg.send({ type: 'settings/get', payload: {} }, pageSender('popup.html')), { ok: true, value: { ...DEFAULT_SETTINGS } });
  const changed = await bg.send({ type: 'settings/update', payload: { change: { theme: 'dark' } } }, pageSender('options.html'));
  assert.deepEqual(changed, { ok: true, value: { ...DEFAULT_SETTINGS, theme: 'dark' } });
  assert.deepEqual(bg.browser.storage.local.items.get(SETTINGS_KEY), { ...DEFAULT_SETTINGS, theme: 'dark' });
});

test('the handler is given the trusted facts about its sender', async () => {
  const { route, calls } = recordingRouter();
  await route({ type: 'settings/get', payload: {} }, pageSender('options.html'));
  // sidebar.html as a frame of a page: the in-page sidebar, acting for its tab once it claimed it (below).
  // As a tab's top document (opened in a tab of its own), it follows a tab it names, like the popup.
  await route({ type: 'settings/get', payload: {} }, { ...pageSender('sidebar.html'), tab: fakeTab(9, `${ORIGIN}sidebar.html`, { incognito: true }), frameId: 0 });
  assert.deepEqual(calls, [
    { kind: 'options', tabId: undefined, incognito: false, frameId: 0, documentId: undefined, url: `${ORIGIN}options.html` },
    { kind: 'sidebar', tabId: undefined, incognito: true, frameId: 0, documentId: undefined, url: `${ORIGIN}sidebar.html` },
  ]);
});

test('a call from a sender it is not allowed from is refused, and nothing runs', async () => {
  const bg = startFakeBackground();
  const change = { type: 'settings/update', payload: { change: { history: false } } };
  assert.deepEqual(await bg.send(change, contentSender(3, article)), REFUSED);
  assert.deepEqual(await bg.send(change, pageSender('welcome.html')), REFUSED);
  assert.deepEqual(await bg.send({ type: 'popup/state', payload: { tabId: 3 } }, pageSender('options.html')), REFUSED);
  assert.deepEqual(await bg.send({ type: 'article/found', payload: { article: { url: article, canonicalUrl: null, title: 'T', byline: null, siteName: null, published: null, lang: null, excerpt: null, text: 'x' } } }, pageSender('popup.html')), REFUSED);
  assert.equal(bg.browser.storage.local.items.size, 0, 'the refused change was not written');

  const { route, calls } = recordingRouter();
  assert.deepEqual(await route({ type: 'settings/get', payload: {} }, contentSender(3, article)), REFUSED);
  assert.deepEqual(calls, []);
});

test('a call from another extension, or from nobody we know, is refused', async () => {
  const { route, calls } = recordingRouter();
  const get = { type: 'settings/get', payload: {} };
  assert.deepEqual(await route(get, { id: 'other-extension', url: `${ORIGIN}popup.html` }), REFUSED);
  assert.deepEqual(await route(get, { id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' }), REFUSED);
  assert.deepEqual(await route(get, { url: `${ORIGIN}popup.html` }), REFUSED);
  // A page's subframe is no content script of ours.
  assert.deepEqual(await route({ type: 'page/left', payload: {} }, { ...contentSender(3, article), frameId: 4 }), REFUSED);
  assert.deepEqual(calls, []);
});

test('a malformed message is refused: not an envelope, an unknown call, a payload that does not parse', async () => {
  const { route, calls } = recordingRouter();
  const options = pageSender('options.html');
  for (const message of [
    null,
    'settings/get',
    { type: 'settings/get', payload: { extra: 1 } },
    { type: 'settings/delete', payload: {} },
    { type: 'settings/update', payload: { change: { theme: 'neon' } } },
    { type: 'settings/update', payload: { change: 'everything' } },
    { type: 'story/follow', payload: { storyId: 5, follow: true } },
    { payload: {} },
    { type: 'constructor', payload: {} },
  ]) {
    assert.deepEqual(await route(message, options), REFUSED, JSON.stringify(message));
  }
  assert.deepEqual(calls, []);
});

test('a handler that fails is answered with its code and reason, not thrown', async () => {
  const bg = startFakeBackground();
  bg.openTab(2, article);
  const answer = await bg.send({ type: 'popup/open-story', payload: { tabId: 2, storyId: 'no-such-story' } }, pageSender('popup.html'));
  assert.deepEqual(answer, { ok: false, error: { code: 'not-found', detail: 'unknown story' } });
});

test('a storage failure is answered with its own code; any other throw is "failed" with its message', async () => {
  const fake = fakeBrowser();
  const services = createServices(fake.browser, readCommitted);
  const thrown: unknown[] = [Object.assign(new Error('quota reached'), { name: 'QuotaExceededError' }), new TypeError('x is undefined')];
  const handlers: Handlers = {
    ...createHandlers(services),
    async 'settings/get'() {
      throw thrown.shift();
    },
  };
  const route = createRouter({ runtime: fake.browser.runtime, states: services.states, handlers });
  const get = { type: 'settings/get', payload: {} };
  assert.deepEqual(await route(get, pageSender('options.html')), { ok: false, error: { code: 'storage-full', detail: 'quota reached' } });
  assert.deepEqual(await route(get, pageSender('options.html')), { ok: false, error: { code: 'failed', detail: 'x is undefined' } });
});

test('an in-page sidebar acts for its tab only after presenting the ticket its content script got', async () => {
  const bg = startFakeBackground();
  bg.openTab(7, article);
  const frame = (frameId: number) => ({ ...pageSender('sidebar.html'), tab: fakeTab(7, article), frameId });
  const view = { type: 'sidebar/view', payload: {} };

  const ticket = await bg.send({ type: 'sidebar/ticket', payload: {} }, contentSender(7, article));
  assert.ok(ticket && typeof ticket === 'object' && 'ok' in ticket && ticket.ok === true && 'value' in ticket && typeof ticket.value === 'string');
  assert.deepEqual(await bg.send(view, frame(3)), REFUSED, 'no ticket presented yet');
  // A sidebar frame may not ask for tickets itself: that is the content script's call.
  assert.deepEqual(await bg.send({ type: 'sidebar/ticket', payload: {} }, frame(3)), REFUSED);

  assert.deepEqual(await bg.send({ type: 'sidebar/claim', payload: { ticket: ticket.value } }, frame(3)), { ok: true, value: null });
  assert.deepEqual(await bg.send(view, frame(3)), { ok: true, value: { kind: 'none', maybe: [], library: { stories: 1, sources: 0, refreshedAt: null } } });
  assert.deepEqual(await bg.send(view, frame(4)), REFUSED, 'another frame of the tab');
  // The ticket is spent: a second frame cannot claim it again.
  const again = await bg.send({ type: 'sidebar/claim', payload: { ticket: ticket.value } }, frame(4));
  assert.deepEqual(again, { ok: false, error: { code: 'refused', detail: 'no sidebar was opened here' } });
});
