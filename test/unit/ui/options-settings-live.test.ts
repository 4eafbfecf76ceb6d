// The options page and the popup both change the reader's settings. The page shows a change made
// elsewhere at once, and makes its own list changes from the settings as stored: before, a site
// switched off in the popup while options was open was switched back on by the next change made
// there (the page wrote back the whole list it had shown).
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { cleanup, click, document, mount, settle, text } from './dom';
import { fakeBackground } from './fake-background';
import { App } from '../../../src/options/App';
import type { OptionsPlatform } from '../../../src/options/platform';
import { changeSettings, DEFAULT_SETTINGS, type Settings } from '../../../src/formats/settings';
import { sourcesState } from './fixtures';

afterEach(cleanup);


test('a change made elsewhere shows at once, and a list change here keeps it', async () => {
  let stored: Settings = changeSettings(DEFAULT_SETTINGS, { sitesOff: ['first.example'] });
  const bg = fakeBackground({
    'options/state': () => ({ packs: [] }),
    'sources/state': () => sourcesState(),
    'settings/get': () => stored,
    'settings/update': ({ change }) => (stored = changeSettings(stored, change)),
  });
  const listeners = new Set<(settings: Settings) => void>();
  const platform: OptionsPlatform = {
    requestAccess: async () => true,
    onImportProgress: () => () => undefined,
    onSourcesChanged: () => () => undefined,
    onSettingsChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const root = await mount(h(App, { call: bg.call, platform }));
  await settle();
  const listed = (): string[] => [...root.querySelectorAll('[data-testid="sites"] .row-title')].map(text);
  assert.deepEqual(listed(), ['first.example']);

  // The popup switches Storyline off on a second site: the page hears it.
  stored = changeSettings(stored, { sitesOff: [...stored.sitesOff, 'popup.example'] });
  await act(() => listeners.forEach((listener) => listener(stored)));
  assert.deepEqual(listed(), ['first.example', 'popup.example']);

  // A third, this time unheard (another options tab whose change is still on its way), then the
  // reader removes the first site here: the two others stay.
  stored = changeSettings(stored, { sitesOff: [...stored.sitesOff, 'unheard.example'] });
  await click(root.querySelector('[data-testid="sites"] button[aria-label*="first.example"]'));
  await settle();
  assert.deepEqual(stored.sitesOff, ['popup.example', 'unheard.example']);
  assert.deepEqual(listed(), ['popup.example', 'unheard.example']);

  // Adding works the same way.
  stored = changeSettings(stored, { sitesOff: [] });
  const input = root.querySelector<HTMLInputElement>('#sitesOff-input')!;
  await act(() => {
    input.value = 'added.example';
    input.dispatchEvent(new document.defaultView!.Event('input', { bubbles: true }));
  });
  await act(() => {
    input.form!.dispatchEvent(new document.defaultView!.Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
  assert.deepEqual(stored.sitesOff, ['added.example']);
});
