// The host Storyline puts in a page replaces what an earlier version left there (switched off or
// updated, its script cut off), and nothing of the page's own, even where the page uses the same
// attribute name for itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { document } from './ui/dom';
import { attachHost, createHost, HOST_ATTRIBUTE } from '../../src/content/in-page-host';

// The shipped host's root is closed: a content script sees it through the browser's
// openOrClosedShadowRoot (chrome.dom's here), which jsdom has not; this stands in for it.
const closedRoots = new Map<Element, ShadowRoot>();
(globalThis as { chrome?: object }).chrome = { dom: { openOrClosedShadowRoot: (el: Element) => closedRoots.get(el) ?? el.shadowRoot } };
function made(): HTMLElement {
  const { host, shadow } = createHost();
  closedRoots.set(host, shadow);
  return host;
}

test('the shipped host\'s shadow root is closed: the page sees none', () => {
  const { host, shadow } = createHost();
  assert.equal(host.shadowRoot, null);
  assert.equal(shadow.mode, 'closed');
});

test('a new host removes the host an earlier version left, and none of the page\'s elements', () => {
  const html = document.documentElement;
  // The page's own: an element of its content, and one beside <body> without our shape.
  const content = document.createElement('div');
  content.setAttribute(HOST_ATTRIBUTE, 'timeline');
  document.body.append(content);
  const lookalike = document.createElement('section');
  lookalike.setAttribute(HOST_ATTRIBUTE, '');
  html.append(lookalike);
  const noShadow = document.createElement('abcdef-ghijklmn');
  noShadow.setAttribute(HOST_ATTRIBUTE, '');
  html.append(noShadow);
  // What an earlier version left, and a second such leftover right after it.
  const stale = made();
  attachHost(stale);
  const staleToo = document.createElement('qwerty-asdfghjk');
  staleToo.setAttribute(HOST_ATTRIBUTE, '');
  staleToo.attachShadow({ mode: 'open' });
  html.prepend(staleToo);

  const host = made();
  attachHost(host);
  assert.equal(stale.isConnected, false);
  assert.equal(staleToo.isConnected, false);
  assert.ok(content.isConnected && lookalike.isConnected && noShadow.isConnected);
  assert.equal(html.firstElementChild, host);
  assert.match(host.localName, /^[a-z]{6}-[a-z]{8}$/);
});

test('a host of a version that puts its own back whenever it leaves <html> stays hidden and inert', async () => {
  const html = document.documentElement;
  // Versions before 2026-12-06 watched <html>'s children and put their host back, orphaned or not.
  const stale = made();
  attachHost(stale);
  const fight = new (document.defaultView!.MutationObserver)(() => {
    if (!stale.isConnected) attachHost(stale);
  });
  fight.observe(html, { childList: true });
  const host = made();
  attachHost(host);
  await new Promise((resolve) => setTimeout(resolve, 0));
  fight.disconnect();
  assert.equal(stale.isConnected, true, 'put back by its own script');
  assert.equal(stale.style.getPropertyValue('display'), 'none');
  assert.equal(stale.style.getPropertyPriority('display'), 'important');
  assert.equal(stale.hasAttribute('inert'), true, 'no Tab stop, no click');
  assert.equal(host.hasAttribute('inert'), false);
  assert.notEqual(host.style.getPropertyValue('display'), 'none');
  stale.remove();
});
