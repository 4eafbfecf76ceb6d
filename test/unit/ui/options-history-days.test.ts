// The options page's "keep history for (days)" shows the value stored as it changes elsewhere
// (another options tab; the background then says sources changed and the page reads them again),
// unless the reader is editing it; once saved, it follows the stored value again. Before, it kept
// the value the page was opened with, and a save from there wrote that old value back.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { cleanup, document, mount, settle, typeInto } from './dom';
import { fakeBackground } from './fake-background';
import { sourcesPlatform, sourcesState } from './fixtures';
import { App } from '../../../src/options/App';
import { DEFAULT_SETTINGS } from '../../../src/formats/settings';
import type { SourcePrefs } from '../../../src/formats/source-prefs';
import type { HistoryView } from '../../../src/contracts/views';

afterEach(cleanup);

/** Settles until `check` holds (the page reads its sources again after a short debounce). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await settle(20);
  assert.ok(check(), 'the page never showed it');
}

test('the days kept follow the stored value, except while the reader edits them', async () => {
  let prefs: SourcePrefs = { refreshHours: 6, retentionDays: 90, feedRetentionDays: 30 };
  /** Pages read: one more shows when the page has read its sources again. */
  const history: HistoryView[] = [];
  const bg = fakeBackground({
    'options/state': () => ({ packs: [] }),
    'sources/state': () => ({ ...sourcesState(), prefs, history: [...history], historyTotal: history.length }),
    'settings/get': () => ({ ...DEFAULT_SETTINGS }),
    'sources/prefs': (change) => (prefs = { ...prefs, ...change }),
  });
  const { platform, listeners } = sourcesPlatform();
  /** Another options tab saves a value: stored, then announced. */
  const elsewhere = async (retentionDays: number): Promise<void> => {
    prefs = { ...prefs, retentionDays };
    await act(() => listeners.forEach((listener) => listener()));
  };
  const root = await mount(h(App, { call: bg.call, platform }));
  const field = (): HTMLInputElement | null => root.querySelector<HTMLInputElement>('#history-days');
  await until(() => field()?.value === '90');

  await elsewhere(30);
  await until(() => field()?.value === '30');

  // The reader is editing: a change elsewhere does not take their draft away.
  await typeInto(field(), '45');
  history.push({ pageKey: 'news.example/a', url: 'https://news.example/a', title: 'Read meanwhile', siteName: null, readAt: '2026-12-01T10:00:00.000Z', storyTitle: null, answer: null });
  await elsewhere(60);
  await until(() => root.querySelector('[data-history="news.example/a"]') !== null);
  assert.equal(field()?.value, '45');

  // Saved: stored, and shown the whole time; then followed again.
  await act(() => {
    field()!.form!.dispatchEvent(new document.defaultView!.Event('submit', { bubbles: true, cancelable: true }));
  });
  await until(() => prefs.retentionDays === 45);
  assert.equal(field()?.value, '45');
  await elsewhere(120);
  await until(() => field()?.value === '120');
});
