// The options page's state is read without waiting for the sources' queued writes
// (background/sources/runtime-env.ts), so a read begun before a write can answer after the read
// that write's change brought: only the latest read's answer is shown.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { cleanup, mount, settle } from './dom';
import { fakeBackground } from './fake-background';
import { App } from '../../../src/options/App';
import { changeSettings, DEFAULT_SETTINGS, type Settings } from '../../../src/formats/settings';
import type { OptionsPlatform } from '../../../src/options/platform';
import type { SourcesState } from '../../../src/contracts/views';
import { sourcesPlatform, sourcesState } from './fixtures';

afterEach(cleanup);

test('an older read of the state answering last does not replace the newer one', async () => {
  const feed = { url: 'https://news.example/rss', access: true, title: 'News', itemCount: 12, checkedAt: '2026-12-01T10:00:00.000Z', okAt: '2026-12-01T10:00:00.000Z', error: null, reason: null };
  const before = sourcesState([{ ...feed, title: 'News (as it was)' }]);
  const after = sourcesState([{ ...feed, title: 'News (refreshed)' }]);
  const pending: ((state: SourcesState) => void)[] = [];
  const bg = fakeBackground({
    'options/state': () => ({ packs: [] }),
    'sources/state': () => new Promise<SourcesState>((resolve) => pending.push(resolve)),
    'settings/get': () => DEFAULT_SETTINGS,
  });
  const { platform, listeners } = sourcesPlatform();
  const root = await mount(h(App, { call: bg.call, platform }));
  // A refresh's change is heard while the first read is on its way: a second read goes out.
  await act(() => listeners.forEach((listener) => listener()));
  await settle(200);
  assert.equal(pending.length, 2);
  await act(() => pending[1]!(after));
  await act(() => pending[0]!(before));
  await settle();
  assert.ok(root.textContent?.includes('News (refreshed)'));
  assert.ok(!root.textContent?.includes('News (as it was)'));
});

test('settings changed while a read is on its way are not replaced by the settings it brings', async () => {
  let stored: Settings = changeSettings(DEFAULT_SETTINGS, { sitesOff: ['first.example'] });
  const pending: ((state: SourcesState) => void)[] = [];
  let reads = 0;
  const bg = fakeBackground({
    'options/state': () => ({ packs: [] }),
    // The first read answers at once; the next waits.
    'sources/state': () => (++reads === 1 ? sourcesState() : new Promise<SourcesState>((resolve) => pending.push(resolve))),
    'settings/get': () => stored,
  });
  const sourcesHeard = new Set<() => void>();
  const settingsHeard = new Set<(settings: Settings) => void>();
  const platform: OptionsPlatform = {
    requestAccess: async () => true,
    onImportProgress: () => () => undefined,
    onSourcesChanged: (listener) => (sourcesHeard.add(listener), () => sourcesHeard.delete(listener)),
    onSettingsChanged: (listener) => (settingsHeard.add(listener), () => settingsHeard.delete(listener)),
  };
  const root = await mount(h(App, { call: bg.call, platform }));
  const listed = (): string[] => [...root.querySelectorAll('[data-testid="sites"] .row-title')].map((el) => el.textContent ?? '');
  assert.deepEqual(listed(), ['first.example']);
  // A refresh's change starts a read (its settings read at once, its sources later); meanwhile the
  // popup switches Storyline off on a second site.
  await act(() => sourcesHeard.forEach((listener) => listener()));
  await settle(200);
  stored = changeSettings(stored, { sitesOff: [...stored.sitesOff, 'popup.example'] });
  await act(() => settingsHeard.forEach((listener) => listener(stored)));
  assert.deepEqual(listed(), ['first.example', 'popup.example']);
  await act(() => pending.at(-1)!(sourcesState()));
  await settle();
  assert.deepEqual(listed(), ['first.example', 'popup.example'], 'not the settings the read began with');
});
