// The options page's source controls in Node (jsdom): "Grant access again" asks for the host
// permission inside the click, then refreshes; the refresh period (with the feeds) and "Clear the
// log" make the calls the background validates. Who may send them is checked in
// test/e2e/sources.test.ts.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { cleanup, click, document, mount, settle, text } from './ui/dom';
import { fakeBackground } from './ui/fake-background';
import { sourcesPlatform, sourcesState } from './ui/fixtures';
import { App } from '../../src/options/App';
import { DEFAULT_SETTINGS } from '../../src/formats/settings';
import { FeedsSection } from '../../src/options/components/FeedsSection';
import { NetworkLogSection } from '../../src/options/components/NetworkLogSection';
import { SourcesSection } from '../../src/options/components/SourcesSection';
import { SubscriptionsSection } from '../../src/options/components/SubscriptionsSection';
import type { OptionsPlatform } from '../../src/options/platform';
import type { NetworkLogEntry } from '../../src/formats/source-request';
import type { FeedView, PackSummary, SubscriptionView } from '../../src/contracts/views';

afterEach(cleanup);

const URL_A = 'https://packs.example.org/world.json';
const FEED = 'https://news.example.net/feed.xml';
const NEVER = { checkedAt: null, okAt: null, error: null };
const subscription = (access: boolean): SubscriptionView => ({ ...NEVER, url: URL_A, access, pinned: false, packId: 'world', publisher: 'World Desk', version: '3' });
const feed = (access: boolean): FeedView => ({ ...NEVER, url: FEED, access, title: 'News', itemCount: 4, reason: null });
/** What every feeds section here is given besides its feeds and calls. */
const FEED_PROPS = { store: { items: 4, stories: 3, bytes: 24_000 }, windowDays: 30, refreshHours: 6, scheduled: true };

/** A platform whose permission answer is scripted; it notes whether each request came inside a click. */
function platform(grant: boolean) {
  const requests: { url: string; inClick: boolean }[] = [];
  let clicking = false;
  const p: OptionsPlatform = {
    requestAccess: (url) => {
      requests.push({ url, inClick: clicking });
      return Promise.resolve(grant);
    },
    onImportProgress: () => () => undefined,
    onSourcesChanged: () => () => undefined,
    onSettingsChanged: () => () => undefined,
  };
  /** A click whose synchronous part is marked, as the browser's user gesture is. */
  const gesture = async (element: Element | null): Promise<void> => {
    if (!element) throw new Error('nothing to click');
    await act(() => {
      clicking = true;
      (element as HTMLElement).click();
      clicking = false;
    });
    await settle();
  };
  return { platform: p, requests, gesture };
}

test('a subscription without access says so; "Grant access again" asks within the click, then refreshes', async () => {
  const bg = fakeBackground({ 'subscription/refresh': () => ({ ...subscription(true), okAt: '2025-08-16T10:00:00Z', checkedAt: '2025-08-16T10:00:00Z' }) });
  const p = platform(true);
  let changed = 0;
  const root = await mount(h(SubscriptionsSection, { subscriptions: [subscription(false)], call: bg.call, platform: p.platform, changed: () => void changed++ }));
  const row = root.querySelector(`[data-subscription="${URL_A}"]`);
  assert.match(text(row?.querySelector('[data-no-access]')), /no longer has your permission to reach packs\.example\.org/);
  const button = row?.querySelector('[data-no-access] button') ?? null;
  assert.equal(button?.getAttribute('aria-label'), 'Grant access again to packs.example.org');
  await p.gesture(button);
  assert.deepEqual(p.requests, [{ url: URL_A, inClick: true }]);
  assert.deepEqual(bg.calls, [{ type: 'subscription/refresh', payload: { url: URL_A } }]);
  assert.equal(changed, 1);
  assert.match(text(root.querySelector('[role="status"]')), /Access to packs\.example\.org granted; https:\/\/packs\.example\.org\/world\.json was refreshed/);
});

test('without access, the row says why once and offers only to grant it again (a refresh could only fail)', async () => {
  const bg = fakeBackground({});
  const p = platform(true);
  const failed = { checkedAt: '2025-08-16T10:00:00Z', okAt: '2025-08-15T10:00:00Z', error: 'no permission to reach https://news.example.net/*' };
  const root = await mount(
    h('div', null,
      h(FeedsSection, { feeds: [{ ...feed(false), ...failed, reason: 'no-access' }], ...FEED_PROPS, call: bg.call, platform: p.platform, changed: () => undefined }),
      h(SubscriptionsSection, { subscriptions: [{ ...subscription(false), ...failed }], call: bg.call, platform: p.platform, changed: () => undefined }),
    ),
  );
  for (const row of root.querySelectorAll('[data-feed], [data-subscription]')) {
    assert.equal(row.querySelectorAll('[data-no-access]').length, 1);
    assert.equal(row.querySelectorAll('[data-error]').length, 0, 'the failure is not said twice');
    assert.match(text(row), /Up to date as of/);
    assert.deepEqual([...row.querySelectorAll('.row-actions button')].map((b) => text(b)), ['Remove']);
  }
  // With access, the same failure is said, and the row can be refreshed.
  const withAccess = await mount(h(FeedsSection, { feeds: [{ ...feed(true), ...failed, reason: 'network' }], ...FEED_PROPS, call: bg.call, platform: p.platform, changed: () => undefined }));
  assert.equal(withAccess.querySelectorAll('[data-error]').length, 1);
  assert.deepEqual([...withAccess.querySelectorAll('.row-actions button')].map((b) => text(b)), ['Refresh now', 'Remove']);
});

test('a refused request leaves the source as it is and says why', async () => {
  const bg = fakeBackground({});
  const p = platform(false);
  const root = await mount(h(FeedsSection, { feeds: [feed(false)], ...FEED_PROPS, call: bg.call, platform: p.platform, changed: () => undefined }));
  await p.gesture(root.querySelector(`[data-feed="${FEED}"] [data-no-access] button`));
  assert.deepEqual(p.requests, [{ url: FEED, inClick: true }]);
  assert.deepEqual(bg.calls, [], 'no refresh without access');
  assert.match(text(root.querySelector('[role="alert"]')), /Access to news\.example\.net was not granted/);
});

test('sources with access show no such line', async () => {
  const bg = fakeBackground({});
  const p = platform(true);
  const root = await mount(h('div', null, h(FeedsSection, { feeds: [feed(true)], ...FEED_PROPS, call: bg.call, platform: p.platform, changed: () => undefined }), h(SubscriptionsSection, { subscriptions: [subscription(true)], call: bg.call, platform: p.platform, changed: () => undefined })));
  assert.equal(root.querySelectorAll('[data-no-access]').length, 0);
});

/** The whole options page, as the background answers it with `sources` (no pack installed). */
async function optionsPage(sources = sourcesState()): Promise<HTMLElement> {
  const bg = fakeBackground({ 'options/state': () => ({ packs: [] }), 'sources/state': () => sources, 'settings/get': () => ({ ...DEFAULT_SETTINGS }) });
  const root = await mount(h(App, { call: bg.call, platform: sourcesPlatform().platform }));
  await settle();
  return root;
}

test('the first section of the page to speak of packs says what a pack is', async () => {
  const root = await optionsPage();
  const first = [...root.querySelectorAll('main section p')].find((p) => /\bpacks?\b/i.test(text(p)));
  assert.equal(first?.closest('section')?.getAttribute('data-testid'), 'sources');
  assert.match(text(first), /^A pack is a file someone prepared: stories, each with reports from several outlets.*categories and their steps.* on this device.*subscribe to by its address is kept up to date\. The stories your feeds make are listed here too\.$/);
});

test('the two built-in packs are told apart by what they hold, listed before the feeds\' and the reader\'s', async () => {
  const pack = (id: string, publisher: string, origin: PackSummary['origin'], stories: number, categories: number): PackSummary => ({
    id, publisher, origin, stories, categories, version: '1.0.0', updated: '2026-12-02T00:00:00Z', installedAt: '2026-12-02T00:00:00Z',
  });
  // In the store's order (by id), as the background answers.
  const packs = [pack('civic', 'Storyline', 'builtin', 0, 29), pack('feeds', 'Your feeds', 'feeds', 3, 0), pack('sample', 'Sample Publisher', 'file', 2, 0), pack('storyline-starter', 'Storyline', 'builtin', 1, 3)];
  const root = await mount(h(SourcesSection, { packs, call: fakeBackground({}).call, changed: () => undefined }));
  assert.deepEqual([...root.querySelectorAll('[data-pack] .row-title')].map(text), ["Storyline's categories and their steps", "Storyline's starter story", 'Your feeds', 'Sample Publisher']);
});

const ENTRY: NetworkLogEntry = { at: '2025-08-16T10:00:00Z', method: 'GET', url: FEED, purpose: 'feed', status: 200, outcome: 'fresh', bytes: 1200, durationMs: 80 };

test('the refresh period is chosen with the feeds it refreshes, not under the network log', async () => {
  const root = await optionsPage(sourcesState([feed(true)]));
  const select = root.querySelector('#refresh-hours');
  assert.equal(select?.closest('section')?.getAttribute('data-testid'), 'feeds');
  // Above the feeds' list, so a long list does not push it out of reach.
  assert.ok(select!.compareDocumentPosition(root.querySelector(`[data-feed="${FEED}"]`)!) & document.defaultView!.Node.DOCUMENT_POSITION_FOLLOWING);
  assert.equal(root.querySelector('[data-testid="network-log"] select'), null);
});

test('the refresh period is a choice of 1 to 24 hours, saved through sources/prefs', async () => {
  const bg = fakeBackground({ 'sources/prefs': (change) => ({ refreshHours: change.refreshHours ?? 6, retentionDays: 90, feedRetentionDays: 30 }) });
  const p = platform(true);
  const root = await mount(h(FeedsSection, { feeds: [feed(true)], ...FEED_PROPS, call: bg.call, platform: p.platform, changed: () => undefined }));
  const select = root.querySelector<HTMLSelectElement>('#refresh-hours');
  assert.deepEqual([...(select?.options ?? [])].map((o) => [o.value, text(o)]), [['1', 'every hour'], ['3', 'every 3 hours'], ['6', 'every 6 hours'], ['12', 'every 12 hours'], ['24', 'every 24 hours']]);
  assert.equal(select?.value, '6');
  assert.equal(text(root.querySelector('label[for="refresh-hours"]')), 'Refresh subscriptions and feeds');
  await act(() => {
    select!.value = '12';
    select!.dispatchEvent(new document.defaultView!.Event('change', { bubbles: true }));
  });
  await settle();
  assert.deepEqual(bg.calls, [{ type: 'sources/prefs', payload: { refreshHours: 12 } }]);
  assert.equal(select?.value, '12');
  assert.match(text(select?.closest('.inline-form')?.nextElementSibling), /now refresh every 12 hours/);
});

test('a stored period outside the choices is offered; without alarms there is no choice, only the reason', async () => {
  const bg = fakeBackground({});
  const p = platform(true);
  const odd = await mount(h(FeedsSection, { feeds: [], ...FEED_PROPS, refreshHours: 48, call: bg.call, platform: p.platform, changed: () => undefined }));
  assert.equal(odd.querySelector<HTMLSelectElement>('#refresh-hours')?.value, '48');
  const off = await mount(h(FeedsSection, { feeds: [], ...FEED_PROPS, scheduled: false, call: bg.call, platform: p.platform, changed: () => undefined }));
  assert.equal(off.querySelector('#refresh-hours'), null);
  assert.match(text(off), /Automatic refresh is off/);
});

test('"Clear the log" empties it through network/clear; with no entry it is disabled', async () => {
  const bg = fakeBackground({ 'network/clear': () => null });
  let changed = 0;
  const root = await mount(h(NetworkLogSection, { entries: [ENTRY], call: bg.call, changed: () => void changed++ }));
  assert.equal(root.querySelectorAll('.network-log tbody tr').length, 1);
  const clear = root.querySelector<HTMLButtonElement>('[data-testid="network-clear"]');
  await click(clear);
  assert.deepEqual(bg.calls, [{ type: 'network/clear', payload: {} }]);
  assert.equal(changed, 1);
  assert.equal(root.querySelector('.network-log'), null);
  assert.match(text(root), /No request made yet/);
  assert.equal(clear?.disabled, true);
});

test("a feed's failed refresh is said in the reader's words, the technical reason after them; a subscription's as it came", async () => {
  const bg = fakeBackground({});
  const p = platform(true);
  const failed = { checkedAt: '2025-08-16T10:00:00Z', okAt: '2025-08-16T04:00:00Z', error: 'fetch failed: HTTP 429' };
  const root = await mount(
    h('div', null,
      h(FeedsSection, { feeds: [{ ...feed(true), ...failed, reason: 'busy' }], ...FEED_PROPS, call: bg.call, platform: p.platform, changed: () => undefined }),
      h(SubscriptionsSection, { subscriptions: [{ ...subscription(true), ...failed }], call: bg.call, platform: p.platform, changed: () => undefined })),
  );
  assert.match(text(root.querySelector(`[data-feed="${FEED}"] [data-error]`)), /failed, the previous version is kept: the site is busy or limiting requests; Storyline tries again at the next refresh \(fetch failed: HTTP 429\)$/);
  assert.match(text(root.querySelector(`[data-subscription="${URL_A}"] [data-error]`)), /the previous version is kept: fetch failed: HTTP 429$/);
});

test('a failed refresh of a source that keeps nothing does not say the previous version is kept', async () => {
  const bg = fakeBackground({});
  const p = platform(true);
  const failed = { checkedAt: '2025-08-16T10:00:00Z', error: 'fetch failed: HTTP 404' };
  const shown = async (changes: object): Promise<string> => {
    const root = await mount(h(FeedsSection, { feeds: [{ ...feed(true), ...failed, reason: 'not-found', ...changes }], ...FEED_PROPS, call: bg.call, platform: p.platform, changed: () => undefined }));
    return text(root.querySelector(`[data-feed="${FEED}"] [data-error]`));
  };
  // Failing for longer than the reader's window: its items have left.
  assert.match(await shown({ okAt: '2025-07-01T04:00:00Z', itemCount: 0 }), /failed, and nothing from it is kept: /);
  // Never answered.
  assert.match(await shown({ okAt: null, itemCount: 0 }), /failed, and nothing from it is kept: /);
  assert.match(await shown({ okAt: '2025-08-16T04:00:00Z', itemCount: 12 }), /failed, the previous version is kept: /);
});
