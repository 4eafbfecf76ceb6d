// Sender trust: who sent a message is told from `sender` alone (which the browser fills in), against
// the extension's own id and origin as the fake runtime gives them. Anything unknown is nobody.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { senderKind } from '../../../src/background/sender';
import type { Runtime } from '../../../src/background/browser-api';
import { EXTENSION_ID, fakeBrowser, fakeTab, ORIGIN } from './fake-browser';

const { runtime } = fakeBrowser().browser;
const kind = (sender: Runtime.MessageSender) => senderKind(runtime, sender);
const page = 'https://news.example/2025/08/summit';

test('a content script is the top frame of an http(s) page in a tab', () => {
  assert.equal(kind({ id: EXTENSION_ID, url: page, tab: fakeTab(4, page), frameId: 0 }), 'content');
  assert.equal(kind({ id: EXTENSION_ID, url: 'http://plain.example/', tab: fakeTab(4, page), frameId: 0 }), 'content');
});

test('a subframe, a page outside the web, or no tab is not a content script', () => {
  assert.equal(kind({ id: EXTENSION_ID, url: page, tab: fakeTab(4, page), frameId: 2 }), null);
  assert.equal(kind({ id: EXTENSION_ID, url: page, tab: fakeTab(4, page) }), null, 'no frame id: not known to be the top frame');
  assert.equal(kind({ id: EXTENSION_ID, url: 'file:///home/reader/page.html', tab: fakeTab(4, page), frameId: 0 }), null);
  assert.equal(kind({ id: EXTENSION_ID, url: page, frameId: 0 }), null);
});

test('each extension page is told by its file, whatever its query or fragment', () => {
  assert.equal(kind({ id: EXTENSION_ID, url: `${ORIGIN}sidebar.html` }), 'sidebar');
  assert.equal(kind({ id: EXTENSION_ID, url: `${ORIGIN}sidebar.html?tab=3`, tab: fakeTab(3, page), frameId: 5 }), 'sidebar');
  assert.equal(kind({ id: EXTENSION_ID, url: `${ORIGIN}popup.html` }), 'popup');
  assert.equal(kind({ id: EXTENSION_ID, url: `${ORIGIN}options.html#sources` }), 'options');
  assert.equal(kind({ id: EXTENSION_ID, url: `${ORIGIN}welcome.html` }), 'welcome');
});

test('another file of the extension is nobody', () => {
  assert.equal(kind({ id: EXTENSION_ID, url: `${ORIGIN}background.html` }), null);
  assert.equal(kind({ id: EXTENSION_ID, url: `${ORIGIN}packs/starter.json` }), null);
  assert.equal(kind({ id: EXTENSION_ID, url: `${ORIGIN}` }), null);
});

test('another extension is nobody, even with our page names or from a tab', () => {
  const other = 'other-extension-id';
  assert.equal(kind({ id: other, url: `${ORIGIN}popup.html` }), null);
  assert.equal(kind({ id: other, url: `chrome-extension://${other}/popup.html` }), null);
  assert.equal(kind({ id: other, url: page, tab: fakeTab(4, page), frameId: 0 }), null);
  // Our id with another extension's origin: not one of our pages, and not a web page either.
  assert.equal(kind({ id: EXTENSION_ID, url: `chrome-extension://${other}/sidebar.html` }), null);
});

test('a sender without an id or a URL is nobody', () => {
  assert.equal(kind({ url: `${ORIGIN}popup.html` }), null);
  assert.equal(kind({ id: EXTENSION_ID }), null);
  assert.equal(kind({ id: EXTENSION_ID, url: '', tab: fakeTab(4, page), frameId: 0 }), null);
});
