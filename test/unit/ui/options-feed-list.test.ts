// The options page's list of feeds, long once the reader takes a directory's recommended set: how
// many there are and how many need attention, those listed first (a failed refresh, no access),
// the rest by name in the reader's language's order, and a filter by name or address.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { cleanup, click, mount, settle, text, typeInto } from './dom';
import { fakeBackground } from './fake-background';
import { FeedsSection } from '../../../src/options/components/FeedsSection';
import { FILTER_FROM } from '../../../src/options/components/FeedRows';
import { filterFeeds, needsAttention, orderFeeds } from '../../../src/options/feed-list';
import type { OptionsPlatform } from '../../../src/options/platform';
import type { FeedView } from '../../../src/contracts/views';

afterEach(cleanup);

const OK = { checkedAt: '2026-12-01T10:00:00.000Z', okAt: '2026-12-01T10:00:00.000Z', error: null, reason: null };
const feed = (url: string, title: string | null, extra: Partial<FeedView> = {}): FeedView => ({ ...OK, url, access: true, title, itemCount: 20, ...extra });
const FAILED = { okAt: '2026-11-30T10:00:00.000Z', error: 'HTTP 404', reason: 'not-found' as const };

const FEEDS = [
  feed('https://a.example/rss', 'Zeta Times'),
  feed('https://b.example/rss', 'ábc News'),
  feed('https://c.example/rss', null),
  feed('https://d.example/rss', 'Meridian', FAILED),
  feed('https://e.example/rss', 'Harbour Post', { access: false }),
  feed('https://f.example/rss', 'Courier 10'),
  feed('https://g.example/rss', 'Courier 9'),
  feed('https://h.example/rss', 'Daily Wire Service'),
];

test('feeds that need attention come first, then the rest by name (accents and numbers as a reader sorts them)', () => {
  assert.deepEqual(FEEDS.filter(needsAttention).map((f) => f.url), ['https://d.example/rss', 'https://e.example/rss']);
  assert.deepEqual(orderFeeds(FEEDS, 'en').map((f) => f.title ?? f.url), [
    'Harbour Post',
    'Meridian',
    'ábc News',
    'Courier 9',
    'Courier 10',
    'Daily Wire Service',
    'https://c.example/rss',
    'Zeta Times',
  ]);
});

test('the filter keeps the feeds with every word in their name or address, case and accents aside', () => {
  const names = (query: string): (string | null)[] => filterFeeds(FEEDS, query).map((f) => f.title);
  assert.deepEqual(names('courier'), ['Courier 10', 'Courier 9']);
  assert.deepEqual(names('ABC'), ['ábc News']);
  assert.deepEqual(names('c.example'), [null]);
  assert.deepEqual(names('daily service'), ['Daily Wire Service']);
  assert.deepEqual(names('daily courier'), []);
  assert.equal(filterFeeds(FEEDS, '  ').length, FEEDS.length);
});

const platform: OptionsPlatform = { requestAccess: () => Promise.resolve(true), onImportProgress: () => () => undefined, onSourcesChanged: () => () => undefined, onSettingsChanged: () => () => undefined };
const section = (feeds: FeedView[]) =>
  mount(h(FeedsSection, { feeds, store: { items: 160, stories: 90, bytes: 240_000 }, windowDays: 30, refreshHours: 6, scheduled: true, call: fakeBackground({}).call, platform, changed: () => undefined }));

test('the section says how many feeds need attention, lists them first, and filters a long list', async () => {
  assert.ok(FEEDS.length >= FILTER_FROM);
  const root = await section(FEEDS);
  assert.equal(text(root.querySelector('[data-testid="feeds-summary"]')), '8 feeds. 2 need your attention (their last refresh failed, or Storyline may no longer fetch them) and are listed first.');
  const rows = (): string[] => [...root.querySelectorAll('[data-feed]')].map((row) => row.getAttribute('data-feed') ?? '');
  assert.deepEqual(rows().slice(0, 2), ['https://e.example/rss', 'https://d.example/rss']);
  await typeInto(root.querySelector('[data-testid="feed-filter"]'), 'courier');
  assert.deepEqual(rows(), ['https://g.example/rss', 'https://f.example/rss']);
  assert.equal(root.querySelector('ul.rows')?.getAttribute('aria-label'), 'Feeds matching “courier”');
  assert.equal(text(root.querySelector('[data-testid="feed-filter-count"]')), '2 feeds match “courier”.');
  assert.equal(root.querySelector('[data-testid="feed-filter-count"]')?.getAttribute('role'), 'status');
  await typeInto(root.querySelector('[data-testid="feed-filter"]'), 'nothing here');
  assert.deepEqual(rows(), []);
  assert.equal(text(root.querySelector('[data-testid="feed-filter-count"]')), 'No feed matches “nothing here”.');
  await typeInto(root.querySelector('[data-testid="feed-filter"]'), '');
  assert.equal(rows().length, FEEDS.length);
  // The status line stays in place, empty, for the next filter (a live region made with its text is often not read out).
  const status = root.querySelector('[data-testid="feed-filter-count"]');
  assert.equal(status?.getAttribute('role'), 'status');
  assert.equal(text(status), '');
});

test('a short list has no filter, and says nothing of attention when every feed is well', async () => {
  const root = await section(FEEDS.slice(0, 3));
  assert.equal(text(root.querySelector('[data-testid="feeds-summary"]')), '3 feeds.');
  assert.equal(root.querySelector('[data-testid="feed-filter"]'), null);
});

test("a web page's address given for a feed lists the feeds the page declares, to add one by one, and adds nothing itself", async () => {
  const added: string[] = [];
  const background = fakeBackground({
    'feed/add': ({ url }) => {
      added.push(url);
      if (url === 'https://meridian.example/') return { page: { pageTitle: 'The Daily Meridian', pageUrl: url, feeds: [{ url: 'https://meridian.example/world/rss', dialect: 'rss', title: 'World news' }] } };
      return feed(url, 'World news');
    },
  });
  let changes = 0;
  const root = await mount(h(FeedsSection, { feeds: [], store: { items: 0, stories: 0, bytes: 0 }, windowDays: 30, refreshHours: 6, scheduled: true, call: background.call, platform, changed: () => void changes++ }));
  await typeInto(root.querySelector('#feed-url'), 'https://meridian.example/');
  root.querySelector('form')!.dispatchEvent(new (root.ownerDocument.defaultView!.Event)('submit', { cancelable: true }));
  await settle(20);
  const said = [...root.querySelectorAll('[role="status"], [role="alert"]')].map((line) => text(line)).join(' | ');
  assert.match(said, /is a web page, “The Daily Meridian”, not a feed/);
  const list = root.querySelector('ul[aria-label*="The Daily Meridian"]');
  assert.equal(text(list?.querySelector('.row-title')), 'World news');
  assert.equal(changes, 0, 'nothing added');
  await click(list?.querySelector('button'));
  await settle(20);
  assert.deepEqual(added, ['https://meridian.example/', 'https://meridian.example/world/rss']);
  assert.equal(changes, 1);
});
