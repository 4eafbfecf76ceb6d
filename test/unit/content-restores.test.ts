// The launcher is put back when a page removes it, MAX_RESTORES times per page: a page that keeps
// removing it wins. Counted per page, not per document: a single-page site whose router clears
// unknown nodes of <html> once per route must keep the launcher over a long session (it lost it
// for good at the 21st route).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><head></head><body><p>Front</p></body></html>', { url: 'https://app.example/a', pretendToBeVisual: true });
const globals = globalThis as unknown as Record<string, unknown>;
for (const name of ['window', 'document', 'location', 'Node', 'Element', 'HTMLElement', 'HTMLIFrameElement', 'ShadowRoot', 'MutationObserver', 'Event', 'KeyboardEvent']) {
  Object.defineProperty(globals, name, { value: (dom.window as unknown as Record<string, unknown>)[name], configurable: true, writable: true });
}
globals['chrome'] = { runtime: { id: 'storyline-test-id' } };
globals['browser'] = { runtime: { id: 'storyline-test-id', getURL: (path: string) => `moz-extension://uuid/${path}` } };

const { InPageUi } = await import('../../src/content/in-page-ui');
/** The mutation observer's callback runs as a microtask; a macrotask is after it. */
const observed = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const hostShown = (): boolean => document.documentElement.querySelector(':scope > [data-storyline]') !== null;

test('each page of a single-page site gets its own restores', async () => {
  const reports: string[] = [];
  const ui = new InPageUi({ ticket: async () => 'ticket', report: (what: string) => void reports.push(what), leftBehind: () => false });
  for (let route = 0; route < 40; route++) {
    ui.newPage();
    ui.showLauncher(3);
    assert.ok(hostShown(), `route ${route}: shown`);
    document.documentElement.querySelector(':scope > [data-storyline]')!.remove();
    await observed();
    assert.ok(hostShown(), `route ${route}: put back after the route's one removal`);
  }
  assert.deepEqual(reports, []);
  ui.destroy();
});

test('a page that keeps removing the launcher still wins, and it is reported', async () => {
  const reports: string[] = [];
  const ui = new InPageUi({ ticket: async () => 'ticket', report: (what: string) => void reports.push(what), leftBehind: () => false });
  ui.newPage();
  ui.showLauncher(3);
  for (let i = 0; i < 40 && hostShown(); i++) {
    document.documentElement.querySelector(':scope > [data-storyline]')!.remove();
    await observed();
  }
  assert.equal(hostShown(), false);
  assert.deepEqual(reports, ['launcher removed']);
  ui.destroy();
});

test('a page that restyles the host or gives it attributes of its own finds it put back as made', async () => {
  const reports: string[] = [];
  const ui = new InPageUi({ ticket: async () => 'ticket', report: (what: string) => void reports.push(what), leftBehind: () => false });
  ui.newPage();
  ui.showLauncher(3);
  const host = document.documentElement.querySelector<HTMLElement>(':scope > [data-storyline]')!;
  const made = host.style.cssText;
  const names = host.getAttributeNames().sort();
  // The audit's move: the host made invisible over the open sidebar, so a click lands on it unseen.
  host.style.setProperty('opacity', '0', 'important');
  host.setAttribute('hidden', '');
  host.classList.add('page-rule');
  await observed();
  assert.equal(host.style.cssText, made);
  assert.deepEqual(host.getAttributeNames().sort(), names);
  assert.equal(host.isConnected, true);
  assert.deepEqual(reports, []);
  ui.destroy();
});
