// The popup's first question about a tab: does Storyline run there, and if not, would a reload
// give it (a page opened before Storyline was installed or switched back on), or never (a browser
// page, a store, or a site whose access the reader withdrew)?
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PopupState } from '../../../src/contracts/views';
import type { Result } from '../../../src/contracts/call-result';
import type { BackgroundBrowser } from '../../../src/background/browser-api';
import { pageSender, startFakeBackground } from './background-env';
import { POPUP_PROBE_MS } from '../../../src/background/handlers';

type Gate = 'runs' | 'absent' | 'refused';

async function popupState(url: string, gate: Gate, hostAccess: boolean): Promise<{ state: PopupState; asked: unknown[] }> {
  const bg = startFakeBackground();
  bg.openTab(4, url);
  const asked: unknown[] = [];
  const browser = bg.browser as unknown as BackgroundBrowser;
  browser.scripting.executeScript = async () => {
    if (gate === 'refused') throw new Error('Cannot access contents of the page.');
    return [{ frameId: 0, documentId: 'd', result: gate === 'runs' }];
  };
  browser.permissions.contains = async (permissions) => {
    asked.push(permissions);
    return hostAccess;
  };
  const answer = (await bg.send({ type: 'popup/state', payload: { tabId: 4 } }, pageSender('popup.html'))) as Result<PopupState>;
  assert.ok(answer.ok, JSON.stringify(answer));
  return { state: answer.value, asked };
}

test('a news page the gate never reached is one reload from Storyline', async () => {
  const { state, asked } = await popupState('https://news.example:8443/2026/12/06/story?x=1', 'absent', true);
  assert.deepEqual([state.scriptable, state.reloadable], [false, true]);
  // Host access asked for the page's host, as the gate's manifest entry needs it: a match pattern
  // has no port in Firefox (one with a port is refused there).
  assert.deepEqual(asked, [{ origins: ['https://news.example/*'] }]);
});

test('a page where the gate runs, one no extension may script, or a withdrawn site is never offered a reload', async () => {
  const runs = await popupState('https://news.example/a', 'runs', true);
  assert.deepEqual([runs.state.scriptable, runs.state.reloadable], [true, false]);
  const store = await popupState('https://chromewebstore.google.com/detail/x', 'refused', true);
  assert.deepEqual([store.state.scriptable, store.state.reloadable], [false, false]);
  // Firefox: the reader withdrew the site's access; the popup's click still lets us script the
  // page once, but a reload would not bring the gate back (the popup asks for access instead).
  const withdrawn = await popupState('https://news.example/a', 'absent', false);
  assert.deepEqual([withdrawn.state.scriptable, withdrawn.state.reloadable], [false, false]);
  const file = await popupState('file:///home/reader/page.html', 'absent', true);
  assert.deepEqual([file.state.scriptable, file.state.reloadable], [false, false]);
});

test('a page still loading (or showing an alert()) does not hold the popup: past a moment it is taken as a page Storyline runs in', { timeout: 10_000 }, async () => {
  const bg = startFakeBackground();
  bg.openTab(5, 'https://news.example/slow');
  const browser = bg.browser as unknown as BackgroundBrowser;
  // The probe of a page waits for the page, which here never gets idle.
  browser.scripting.executeScript = () => new Promise(() => undefined);
  const asked = Date.now();
  const answer = (await bg.send({ type: 'popup/state', payload: { tabId: 5 } }, pageSender('popup.html'))) as Result<PopupState>;
  assert.ok(answer.ok, JSON.stringify(answer));
  assert.ok(Date.now() - asked < POPUP_PROBE_MS + 2_000, `answered after ${Date.now() - asked} ms`);
  assert.deepEqual([answer.value.scriptable, answer.value.reloadable], [true, false]);
  // The rest of the popup comes with it.
  assert.ok(Array.isArray(answer.value.recent) && answer.value.library.stories > 0);
});
