// The options page's feeds: what they hold on this device and the window for articles their feeds
// no longer list (saved through sources/prefs, checked before it is sent); and the page reads its
// sources again when the background says they changed, without a reload.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { cleanup, document, mount, settle, text } from './ui/dom';
import { fakeBackground } from './ui/fake-background';
import { sourcesPlatform, sourcesState } from './ui/fixtures';
import { App } from '../../src/options/App';
import { FeedStorage } from '../../src/options/components/FeedStorage';
import { DEFAULT_SETTINGS } from '../../src/formats/settings';
import type { FeedView, SourcesState } from '../../src/contracts/views';

afterEach(cleanup);

const submit = async (form: Element | null): Promise<void> => {
  await act(() => {
    form?.dispatchEvent(new document.defaultView!.Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
};

const type = async (input: HTMLInputElement | null, value: string): Promise<void> => {
  await act(() => {
    input!.value = value;
    input!.dispatchEvent(new document.defaultView!.Event('input', { bubbles: true }));
  });
};

test('the feeds\' size on this device is shown in words; the window is saved within its bounds', async () => {
  const bg = fakeBackground({ 'sources/prefs': (change) => ({ refreshHours: 6, retentionDays: 90, feedRetentionDays: change.feedRetentionDays ?? 30 }) });
  let changed = 0;
  const root = await mount(h(FeedStorage, { store: { items: 2450, stories: 1210, bytes: 4_230_000 }, windowDays: 30, call: bg.call, changed: () => void changed++ }));
  assert.equal(text(root.querySelector('[data-testid="feed-store-size"]')), 'Stored on this device: 2,450 feed articles, 1,210 stories, about 4.2 MB.');
  const input = root.querySelector<HTMLInputElement>('#feed-days');
  assert.equal(input?.value, '30');
  assert.equal(text(root.querySelector('label[for="feed-days"]')), 'Keep articles your feeds no longer list for (days)');

  await type(input, '400');
  await submit(root.querySelector('form'));
  assert.deepEqual(bg.calls, [], 'out of bounds: nothing sent');
  assert.match(text(root.querySelector('[role="alert"]')), /from 1 to 365/);

  await type(input, '7');
  await submit(root.querySelector('form'));
  assert.deepEqual(bg.calls, [{ type: 'sources/prefs', payload: { feedRetentionDays: 7 } }]);
  assert.equal(changed, 1);
  assert.match(text(root.querySelector('[role="status"]')), /kept for 7 days/);
});

test('small stores are told in kilobytes, one article in the singular; no feeds, no size line', async () => {
  const bg = fakeBackground({});
  const one = await mount(h(FeedStorage, { store: { items: 1, stories: 1, bytes: 5_200 }, windowDays: 30, call: bg.call, changed: () => undefined }));
  assert.equal(text(one.querySelector('[data-testid="feed-store-size"]')), 'Stored on this device: 1 feed article, 1 story, about 5.2 kB.');
  const none = await mount(h(FeedStorage, { store: { items: 0, stories: 0, bytes: 0 }, windowDays: 30, call: bg.call, changed: () => undefined }));
  assert.equal(none.querySelector('[data-testid="feed-store-size"]'), null);
});

/** Settles until `check` holds (the page reloads after a short debounce), or gives up. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await settle();
  }
  assert.ok(check(), 'the page never showed it');
}

test('the options page reads its sources again when the background says they changed', async () => {
  const feeds: FeedView[] = [];
  const sources = (): SourcesState => sourcesState(feeds);
  const bg = fakeBackground({ 'options/state': () => ({ packs: [] }), 'sources/state': sources, 'settings/get': () => ({ ...DEFAULT_SETTINGS }) });
  const { platform, listeners } = sourcesPlatform();
  const root = await mount(h(App, { call: bg.call, platform }));
  await until(() => root.querySelector('[data-testid="feeds"]') !== null);
  assert.equal(root.querySelectorAll('[data-feed]').length, 0);

  // Added elsewhere (the welcome page, a scheduled refresh): the background announces it.
  feeds.push({ url: 'https://news.example.net/feed.xml', access: true, title: 'News', itemCount: 3, checkedAt: null, okAt: null, error: null, reason: null });
  for (const listener of listeners) listener();
  await until(() => root.querySelectorAll('[data-feed]').length === 1);
  assert.match(text(root.querySelector('[data-testid="feed-store-size"]')), /3 feed articles, 2 stories/);
});
