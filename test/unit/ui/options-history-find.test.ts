// The options page's reading history can be searched: what the reader types is asked of the
// background (which searches every entry, not only those listed), the entries found are listed in
// place of the newest with how many matched, only the latest question's answer is shown, a blank
// box brings the newest back, and a change made on a found entry shows the search brought up to date.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { cleanup, click, mount, settle, text, typeInto } from './dom';
import { fakeBackground } from './fake-background';
import { HistorySection } from '../../../src/options/components/HistorySection';
import { HISTORY_FIND_DEBOUNCE_MS } from '../../../src/options/use-history-find';
import type { HistoryView } from '../../../src/contracts/views';

afterEach(cleanup);

const PREFS = { refreshHours: 6, retentionDays: 90, feedRetentionDays: 30 };

const entry = (pageKey: string, title: string): HistoryView => ({
  pageKey, url: `https://${pageKey}`, title, siteName: 'News', readAt: '2026-12-01T10:00:00.000Z', storyTitle: null, answer: null,
});
const NEWEST = [entry('news.example/newest', 'The newest page read')];
const STRIKE = [entry('news.example/strike-ends', 'Dockworkers end their strike'), entry('news.example/strike', 'Dockworkers strike for 48 hours')];

const listed = (root: HTMLElement): string[] => [...root.querySelectorAll('[data-history]')].map((e) => e.getAttribute('data-history') ?? '');

test('typing searches all of history, lists what matched in place of the newest, and a blank box brings the newest back', async () => {
  const bg = fakeBackground({ 'history/find': ({ query }) => (query === 'strike' ? { entries: STRIKE, matched: 2 } : { entries: [], matched: 0 }) });
  const root = await mount(h(HistorySection, { history: NEWEST, total: 340, answers: 0, answersAway: [], prefs: PREFS, recording: true, update: async () => undefined, call: bg.call, changed: () => undefined }));
  assert.deepEqual(listed(root), ['news.example/newest']);
  const box = root.querySelector('[data-testid="history-find"]');
  assert.equal(text(root.querySelector('label[for="history-find"]')), 'Find in your reading history');

  await typeInto(box, 'strike');
  await settle(HISTORY_FIND_DEBOUNCE_MS + 30);
  assert.deepEqual(bg.calls.at(-1), { type: 'history/find', payload: { query: 'strike' } });
  assert.deepEqual(listed(root), ['news.example/strike-ends', 'news.example/strike']);
  assert.equal(text(root.querySelector('[data-testid="history-found"]')), '2 articles match “strike”.');
  assert.equal(root.querySelector('[data-testid="history-found"]')?.getAttribute('role'), 'status');
  assert.equal(root.querySelector('.history-list')?.getAttribute('aria-label'), 'Articles matching “strike”');

  await typeInto(box, 'strike xyz');
  await settle(HISTORY_FIND_DEBOUNCE_MS + 30);
  assert.deepEqual(listed(root), []);
  assert.equal(text(root.querySelector('[data-testid="history-found"]')), 'No article in your reading history matches “strike xyz”.');

  const asked = bg.calls.length;
  await typeInto(box, '  ');
  assert.equal(bg.calls.length, asked, 'a blank box asks nothing');
  assert.deepEqual(listed(root), ['news.example/newest']);
  assert.match(text(root), /The latest 1 of 340 articles/);
});

test('the search is made once typing pauses, not at every keystroke', async () => {
  const bg = fakeBackground({ 'history/find': () => ({ entries: STRIKE, matched: 2 }) });
  const root = await mount(h(HistorySection, { history: NEWEST, total: 1, answers: 0, answersAway: [], prefs: PREFS, recording: true, update: async () => undefined, call: bg.call, changed: () => undefined }));
  const box = root.querySelector('[data-testid="history-find"]');
  for (const typed of ['s', 'st', 'str', 'strike']) await typeInto(box, typed);
  await settle(HISTORY_FIND_DEBOUNCE_MS + 30);
  assert.deepEqual(
    bg.calls.filter((c) => c.type === 'history/find'),
    [{ type: 'history/find', payload: { query: 'strike' } }],
  );
  assert.deepEqual(listed(root), ['news.example/strike-ends', 'news.example/strike']);
});

test('only the latest question’s answer is shown, whatever order the answers come in', async () => {
  const pending = new Map<string, (v: { entries: HistoryView[]; matched: number }) => void>();
  const bg = fakeBackground({ 'history/find': ({ query }) => new Promise((resolve) => pending.set(query, resolve)) });
  const root = await mount(h(HistorySection, { history: NEWEST, total: 1, answers: 0, answersAway: [], prefs: PREFS, recording: true, update: async () => undefined, call: bg.call, changed: () => undefined }));
  const box = root.querySelector('[data-testid="history-find"]');
  await typeInto(box, 'st');
  await settle(HISTORY_FIND_DEBOUNCE_MS + 30);
  await typeInto(box, 'strike');
  await settle(HISTORY_FIND_DEBOUNCE_MS + 30);
  await act(() => pending.get('strike')!({ entries: STRIKE, matched: 2 }));
  await settle();
  await act(() => pending.get('st')!({ entries: [entry('news.example/stale', 'A stale answer')], matched: 1 }));
  await settle();
  assert.deepEqual(listed(root), ['news.example/strike-ends', 'news.example/strike']);
});

test('a broad search says how many matched beyond those listed; a page removed from a search’s list leaves it', async () => {
  let found = STRIKE;
  const bg = fakeBackground({
    'history/find': () => ({ entries: found, matched: found.length === 2 ? 250 : 249 }),
    'history/remove': ({ pageKey }) => {
      found = found.filter((e) => e.pageKey !== pageKey);
      return null;
    },
  });
  let changed = 0;
  const root = await mount(h(HistorySection, { history: NEWEST, total: 400, answers: 0, answersAway: [], prefs: PREFS, recording: true, update: async () => undefined, call: bg.call, changed: () => void changed++ }));
  await typeInto(root.querySelector('[data-testid="history-find"]'), 'dockworkers');
  await settle(HISTORY_FIND_DEBOUNCE_MS + 30);
  assert.equal(text(root.querySelector('[data-testid="history-found"]')), 'The latest 2 of 250 articles that match “dockworkers”.');
  await click(root.querySelector('[data-history="news.example/strike"] button'));
  await settle();
  assert.deepEqual(bg.calls.filter((c) => c.type === 'history/remove'), [{ type: 'history/remove', payload: { pageKey: 'news.example/strike' } }]);
  assert.equal(changed, 1);
  assert.deepEqual(listed(root), ['news.example/strike-ends']);
  assert.deepEqual(bg.calls.at(-1), { type: 'history/find', payload: { query: 'dockworkers' } });
});

test('a search that fails says why, and the list stays as it was', async () => {
  const bg = fakeBackground({ 'history/find': () => Promise.reject(new Error('The background did not answer.')) });
  const root = await mount(h(HistorySection, { history: NEWEST, total: 1, answers: 0, answersAway: [], prefs: PREFS, recording: true, update: async () => undefined, call: bg.call, changed: () => undefined }));
  await typeInto(root.querySelector('[data-testid="history-find"]'), 'strike');
  await settle(HISTORY_FIND_DEBOUNCE_MS + 30);
  assert.match(text(root.querySelector('[role="alert"]')), /did not answer/);
  assert.deepEqual(listed(root), ['news.example/newest']);
});
