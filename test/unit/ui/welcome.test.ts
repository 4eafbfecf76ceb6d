import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { h } from 'preact';
import { CATALOG, cleanup, click, document, mount, settle, text } from './dom';
import { catalogSource, setMessageSource } from '../../../src/shared/i18n';
import { fakeBackground } from './fake-background';
import { App } from '../../../src/welcome/App';
import type { WelcomeDeps } from '../../../src/welcome/deps';
import { feedUrlsOf, validateDirectory, type Directory } from '../../../src/formats/directory';
import type { FeedBatchResult, FeedProgress, TopStory } from '../../../src/contracts/views';

afterEach(cleanup);

const checked = validateDirectory(JSON.parse(readFileSync(new URL('../../../assets/directory/outlets.json', import.meta.url), 'utf8')));
if (!checked.ok) throw new Error(checked.errors.join('\n'));
const DIRECTORY: Directory = checked.directory;
const outlet = (id: string) => DIRECTORY.outlets.find((o) => o.id === id)!;

interface Rig {
  deps: WelcomeDeps;
  bg: ReturnType<typeof fakeBackground>;
  /** What happened, in order: host requests and background calls. */
  events: string[];
  hostsAsked: string[][];
  progress(sources: FeedProgress[], landed?: FeedBatchResult): Promise<void>;
  /** The background's word that sources changed elsewhere, with the feeds taken now. */
  sourcesChanged(feeds: string[]): Promise<void>;
  finish(result: FeedBatchResult): Promise<void>;
}

function rig(opts: { subscribed?: string[]; grant?: boolean | boolean[]; top?: TopStory[] | Error } = {}): Rig {
  const events: string[] = [];
  const hostsAsked: string[][] = [];
  let listener: ((s: FeedProgress[], landed: FeedBatchResult | null) => void) | null = null;
  let resolveBatch: ((r: FeedBatchResult) => void) | null = null;
  let changed: (() => void) | null = null;
  let taken = opts.subscribed ?? [];
  const bg = fakeBackground({
    'welcome/state': () => ({ feeds: taken, stories: 1 }),
    'feeds/add-many': () => new Promise<FeedBatchResult>((resolve) => (resolveBatch = resolve)),
    'welcome/top-stories': () => {
      if (opts.top instanceof Error) throw opts.top;
      return opts.top ?? [];
    },
  });
  const deps: WelcomeDeps = {
    call: (type, payload) => {
      events.push(`call:${type}`);
      return bg.call(type, payload);
    },
    loadDirectory: async () => DIRECTORY,
    requestHosts: (origins) => {
      events.push('request-hosts');
      hostsAsked.push(origins);
      // A list: the reader's answer at each request in turn.
      return Promise.resolve(Array.isArray(opts.grant) ? (opts.grant.shift() ?? true) : (opts.grant ?? true));
    },
    onProgress: (l) => {
      listener = l;
      return () => (listener = null);
    },
    onSourcesChanged: (l) => {
      changed = l;
      return () => (changed = null);
    },
    openOptions: () => events.push('open-options'),
  };
  return {
    deps,
    bg,
    events,
    hostsAsked,
    async progress(sources, landed) {
      listener?.(sources, landed ?? null);
      await settle();
    },
    async sourcesChanged(feeds) {
      taken = feeds;
      changed?.();
      await settle();
    },
    async finish(result) {
      resolveBatch?.(result);
      await settle();
    },
  };
}

async function search(root: HTMLElement, query: string): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('#outlet-search')!;
  input.value = query;
  input.dispatchEvent(new document.defaultView!.Event('input', { bubbles: true }));
  await settle();
}

async function tick(root: HTMLElement, id: string): Promise<void> {
  await click(root.querySelector(`[data-outlet="${id}"] input`));
}

test('the welcome page says what Storyline does and promises privacy before any choice', async () => {
  const root = await mount(h(App, { deps: rig().deps }));
  assert.equal(text(root.querySelector('h1')), 'Welcome to Storyline');
  assert.equal(root.querySelectorAll('.intro-lines li').length, 3);
  assert.match(text(root.querySelector('.promise')), /Nothing about what you read leaves your browser/);
  // Every outlet of the directory is listed, grouped by country.
  assert.equal(root.querySelectorAll('[data-outlet]').length, DIRECTORY.outlets.length);
  assert.ok(root.querySelectorAll('.country-group h3').length >= 10);
  assert.equal(root.querySelector<HTMLButtonElement>('[data-testid="save-sources"]')!.disabled, true);
});

test('one click takes the balanced recommended set; the count follows', async () => {
  const root = await mount(h(App, { deps: rig().deps }));
  assert.match(text(root.querySelector('[data-testid="take-recommended"]')), new RegExp(`${DIRECTORY.recommended.length} outlets from \\d+ countries`));
  await click(root.querySelector('[data-testid="take-recommended"]'));
  const ticked = [...root.querySelectorAll<HTMLInputElement>('[data-outlet] input')].filter((i) => i.checked).map((i) => i.closest('[data-outlet]')!.getAttribute('data-outlet'));
  assert.deepEqual(ticked.sort(), [...DIRECTORY.recommended].sort());
  assert.equal(text(root.querySelector('.save-count')), `${DIRECTORY.recommended.length} outlets chosen`);
});

test('the outlets chosen are listed whatever the search shows, and one click takes one off', async () => {
  const root = await mount(h(App, { deps: rig().deps }));
  assert.equal(root.querySelector('[data-testid="chosen-outlets"]'), null);
  await click(root.querySelector('[data-testid="take-recommended"]'));
  const chips = (): string[] => [...root.querySelectorAll('[data-chosen]')].map((b) => b.getAttribute('data-chosen')!);
  assert.deepEqual(chips().sort(), [...DIRECTORY.recommended].sort());
  const first = DIRECTORY.recommended[0]!;
  assert.equal(root.querySelector(`[data-chosen="${first}"]`)!.getAttribute('aria-label'), `Take ${outlet(first).name} off your choice`);
  // A search that hides most of them leaves the list of the chosen as it is.
  await search(root, 'zzzqqq');
  assert.equal(chips().length, DIRECTORY.recommended.length);
  await click(root.querySelector(`[data-chosen="${first}"]`));
  assert.ok(!chips().includes(first));
  assert.equal(text(root.querySelector('.save-count')), `${DIRECTORY.recommended.length - 1} outlets chosen`);
  await search(root, '');
  assert.equal(root.querySelector<HTMLInputElement>(`[data-outlet="${first}"] input`)!.checked, false);
});

test('search narrows the list by name, site or country, and says when nothing matches', async () => {
  const root = await mount(h(App, { deps: rig().deps }));
  // The status line is in place, empty, before the first search (a live region made with its text is often not read out).
  const status = root.querySelector('[data-testid="outlet-search-status"]');
  assert.equal(status?.getAttribute('role'), 'status');
  assert.equal(text(status), '');
  await search(root, 'guardian');
  assert.match(text(root.querySelector('[data-testid="outlet-search-status"]')), /^\d+ outlets? match(es)? “guardian”\.$/);
  assert.equal(root.querySelector('[data-testid="outlet-search-status"]'), status, 'the same element, not a new one');
  const hits = [...root.querySelectorAll('[data-outlet]')].map((li) => li.getAttribute('data-outlet'));
  assert.equal(hits[0], 'theguardian.com');
  await search(root, 'kenya');
  assert.ok([...root.querySelectorAll('[data-outlet]')].every((li) => /Kenya/.test(text(li))));
  await search(root, 'zzzqqq');
  assert.match(text(root), /No outlet matches “zzzqqq”/);
});

test('Save asks for every chosen host at once, before anything else, then shows each source as it lands', async () => {
  const r = rig();
  const root = await mount(h(App, { deps: r.deps }));
  await tick(root, 'bbc.com');
  await tick(root, 'nytimes.com');
  const before = r.events.length;
  await click(root.querySelector('[data-testid="save-sources"]'));
  assert.equal(r.events[before], 'request-hosts');
  assert.deepEqual(r.events.slice(before), ['request-hosts', 'call:feeds/add-many']);
  const urls = [outlet('bbc.com').feeds.top, outlet('nytimes.com').feeds.top, outlet('nytimes.com').feeds.opinion!];
  assert.deepEqual(new Set((r.bg.calls.at(-1)!.payload as { urls: string[] }).urls), new Set(urls));
  assert.deepEqual(new Set(r.hostsAsked[0]), new Set(urls.map((u) => `${new URL(u).origin}/*`)));
  // Nothing fetched yet: every source waits.
  assert.equal(root.querySelectorAll('[data-state="waiting"]').length, 3);
  await r.progress([
    { url: urls[0]!, state: 'done', items: 24, error: null, detail: null },
    { url: urls[1]!, state: 'fetching', items: 0, error: null, detail: null },
    { url: urls[2]!, state: 'failed', items: 0, error: 'not-found', detail: 'HTTP 404 Not Found' },
  ]);
  assert.match(text(root.querySelector(`[data-source="${urls[0]}"]`)), /BBC.*24 articles/);
  assert.match(text(root.querySelector(`[data-source="${urls[2]}"]`)), /opinion.*Not added: the feed address no longer exists/);
  assert.match(text(root.querySelector('[data-testid="welcome-progress"]')), /2 of 3 sources fetched/);
  // Shown, not read out at each source (about 25 times for the recommended set).
  assert.equal(root.querySelector('[data-testid="welcome-progress"]')?.closest('[role="status"], [aria-live]'), null);
  // Every source in, the stories not yet built (they are clustered once all have answered).
  await r.progress([
    { url: urls[0]!, state: 'done', items: 24, error: null, detail: null },
    { url: urls[1]!, state: 'done', items: 12, error: null, detail: null },
    { url: urls[2]!, state: 'failed', items: 0, error: 'not-found', detail: 'HTTP 404 Not Found' },
  ]);
  assert.equal(text(root.querySelector('[data-testid="welcome-progress"]')), 'Every source is in: building the stories…');
  await r.finish({ sources: 2, failed: 1, stories: 17 });
  assert.equal(text(root.querySelector('[data-testid="welcome-done"]')), 'Storyline now knows 17 stories from 2 sources.');
  assert.match(text(root), /1 source could not be fetched; the others are in/);
});

test('the sources that failed can be tried again at once: access asked first, only they fetched, the counts added up', async () => {
  const r = rig();
  const root = await mount(h(App, { deps: r.deps }));
  await tick(root, 'bbc.com');
  await tick(root, 'nytimes.com');
  await click(root.querySelector('[data-testid="save-sources"]'));
  const urls = [outlet('bbc.com').feeds.top, outlet('nytimes.com').feeds.top, outlet('nytimes.com').feeds.opinion!];
  const failed: FeedProgress = { url: urls[2]!, state: 'failed', items: 0, error: 'timeout', detail: 'no complete answer within 20000 ms' };
  await r.progress([
    { url: urls[0]!, state: 'done', items: 24, error: null, detail: null },
    { url: urls[1]!, state: 'done', items: 12, error: null, detail: null },
    failed,
  ]);
  assert.equal(root.querySelector('[data-testid="retry-failed"]'), null, 'no retry before the batch is done');
  await r.finish({ sources: 2, failed: 1, stories: 17 });
  const before = r.events.length;
  await click(root.querySelector('[data-testid="retry-failed"]'));
  assert.deepEqual(r.events.slice(before), ['request-hosts', 'call:feeds/add-many']);
  assert.deepEqual(r.hostsAsked.at(-1), [`${new URL(urls[2]!).origin}/*`]);
  assert.deepEqual((r.bg.calls.at(-1)!.payload as { urls: string[] }).urls, [urls[2]]);
  assert.equal(root.querySelector(`[data-source="${urls[2]}"]`)?.getAttribute('data-state'), 'waiting');
  assert.equal(root.querySelector(`[data-source="${urls[0]}"]`)?.getAttribute('data-state'), 'done', 'the others stay as they were');
  // The retry's progress names only the source it retries: the other rows stay; what it stores
  // while others are out counts the earlier round's sources too.
  await r.progress([{ url: urls[2]!, state: 'done', items: 9, error: null, detail: null }], { sources: 1, failed: 0, stories: 19 });
  assert.equal(root.querySelectorAll('[data-state="done"]').length, 3);
  assert.match(text(root.querySelector('[data-testid="welcome-landed"]')), /already knows 19 stories from 3 sources/);
  await r.finish({ sources: 1, failed: 0, stories: 20 });
  assert.equal(text(root.querySelector('[data-testid="welcome-done"]')), 'Storyline now knows 20 stories from 3 sources.');
  assert.equal(root.querySelector('[data-testid="retry-failed"]'), null, 'nothing left to try again');
});

test('without the opinion sections only top feeds are added; outlets already taken show as added', async () => {
  const r = rig({ subscribed: [outlet('bbc.com').feeds.top] });
  const root = await mount(h(App, { deps: r.deps }));
  const bbc = root.querySelector<HTMLInputElement>('[data-outlet="bbc.com"] input')!;
  assert.equal(bbc.disabled, true);
  assert.match(text(root.querySelector('[data-outlet="bbc.com"]')), /Added/);
  await click(root.querySelector('.save-bar input[type="checkbox"]'));
  await tick(root, 'nytimes.com');
  await click(root.querySelector('[data-testid="save-sources"]'));
  assert.deepEqual((r.bg.calls.at(-1)!.payload as { urls: string[] }).urls, [outlet('nytimes.com').feeds.top]);
});

test('an outlet whose opinion section is not taken yet is added only without opinion, and can be chosen for it', async () => {
  const nyt = outlet('nytimes.com');
  assert.ok(nyt.feeds.opinion, 'the case needs an outlet with an opinion feed');
  const r = rig({ subscribed: [nyt.feeds.top] });
  const root = await mount(h(App, { deps: r.deps }));
  const box = (): HTMLInputElement => root.querySelector<HTMLInputElement>('[data-outlet="nytimes.com"] input')!;
  assert.equal(box().disabled, false);
  assert.doesNotMatch(text(root.querySelector('[data-outlet="nytimes.com"]')), /Added/);
  // Without the opinion sections, all Save would take is taken.
  await click(root.querySelector('.save-bar input[type="checkbox"]'));
  assert.equal(box().disabled, true);
  assert.match(text(root.querySelector('[data-outlet="nytimes.com"]')), /Added/);
  await click(root.querySelector('.save-bar input[type="checkbox"]'));
  await tick(root, 'nytimes.com');
  await click(root.querySelector('[data-testid="save-sources"]'));
  assert.deepEqual((r.bg.calls.at(-1)!.payload as { urls: string[] }).urls, [nyt.feeds.opinion]);
});

test('sources added elsewhere while the reader chooses show as added, and leave the choice', async () => {
  const r = rig();
  const root = await mount(h(App, { deps: r.deps }));
  await tick(root, 'bbc.com');
  await tick(root, 'nytimes.com');
  assert.equal(text(root.querySelector('.save-count')), '2 outlets chosen');
  const nyt = outlet('nytimes.com');
  await r.sourcesChanged([nyt.feeds.top, nyt.feeds.opinion!]);
  assert.match(text(root.querySelector('[data-outlet="nytimes.com"]')), /Added/);
  assert.equal(text(root.querySelector('.save-count')), '1 outlet chosen');
  await click(root.querySelector('[data-testid="save-sources"]'));
  assert.deepEqual((r.bg.calls.at(-1)!.payload as { urls: string[] }).urls, feedUrlsOf([outlet('bbc.com')], { opinion: true }));
});

test('sources removed elsewhere while the reader chooses can be chosen again', async () => {
  const bbc = outlet('bbc.com');
  const r = rig({ subscribed: [bbc.feeds.top] });
  const root = await mount(h(App, { deps: r.deps }));
  assert.equal(root.querySelector<HTMLInputElement>('[data-outlet="bbc.com"] input')!.disabled, true);
  await r.sourcesChanged([]);
  assert.equal(root.querySelector<HTMLInputElement>('[data-outlet="bbc.com"] input')!.disabled, false);
  assert.doesNotMatch(text(root.querySelector('[data-outlet="bbc.com"]')), /Added/);
});

test('refused access adds nothing, says why, and "Try again" asks again and fetches', async () => {
  const r = rig({ grant: [false, true] });
  const root = await mount(h(App, { deps: r.deps }));
  await tick(root, 'bbc.com');
  root.querySelector<HTMLButtonElement>('[data-testid="save-sources"]')!.focus();
  await click(root.querySelector('[data-testid="save-sources"]'));
  assert.equal(document.activeElement, root.querySelector('#progress-title'), 'the focus follows to the progress, not to the body');
  assert.equal(r.bg.calls.filter((c) => c.type === 'feeds/add-many').length, 0);
  assert.match(text(root.querySelector('[role="alert"]')), /needs access to the chosen sites.*choose Try again/);
  // Not "Fetching your sources" over rows that wait for ever.
  assert.equal(text(root.querySelector('#progress-title')), 'Your sources were not fetched');
  assert.ok([...root.querySelectorAll('.source-state')].every((row) => text(row) === 'Not fetched'));
  await click(root.querySelector('[data-testid="retry-all"]'));
  assert.equal(r.hostsAsked.length, 2, 'access asked again, from the click');
  const urls = [outlet('bbc.com').feeds.top, outlet('bbc.com').feeds.opinion].filter((u): u is string => !!u);
  assert.deepEqual(r.bg.calls.filter((c) => c.type === 'feeds/add-many').map((c) => c.payload), [{ urls }]);
  assert.equal(root.querySelector('[role="alert"]'), null);
  assert.equal(text(root.querySelector('#progress-title')), 'Fetching your sources');
  await r.finish({ sources: urls.length, failed: 0, stories: 12 });
  assert.match(text(root.querySelector('[data-testid="welcome-done"]')), /12 stories/);
});

test('a broken directory is an error on the page, never an empty list', async () => {
  const r = rig();
  const deps = { ...r.deps, loadDirectory: () => Promise.reject(new Error('the directory is invalid')) };
  const root = await mount(h(App, { deps }));
  assert.match(text(root.querySelector('[role="alert"]')), /could not be loaded/);
  assert.equal(root.querySelectorAll('[data-outlet]').length, 0);
});

const TOP: TopStory[] = [
  {
    id: 'feeds/s:quake',
    title: 'Haiti earthquake kills hundreds in Les Cayes',
    outlets: 3,
    reports: [
      { title: 'Les Cayes: Haiti earthquake kills hundreds', outletName: 'BBC News', url: 'https://www.bbc.com/news/quake' },
      { title: 'Hundreds dead in Haiti earthquake', outletName: 'NPR', url: 'https://www.npr.org/quake' },
    ],
  },
  { id: 'feeds/s:summit', title: 'Alaska summit ends without a deal', outlets: 2, reports: [{ title: 'No deal in Anchorage', outletName: 'NPR', url: 'https://www.npr.org/summit' }] },
];

test('once the sources are in, the stories most of them cover are listed, each report opening in a new tab', async () => {
  const r = rig({ top: TOP });
  const root = await mount(h(App, { deps: r.deps }));
  await tick(root, 'bbc.com');
  await click(root.querySelector('[data-testid="save-sources"]'));
  assert.equal(root.querySelector('[data-testid="top-stories"]'), null, 'nothing before the batch is done');
  await r.finish({ sources: 2, failed: 0, stories: 40 });
  assert.equal(r.events.at(-1), 'call:welcome/top-stories');
  const stories = [...root.querySelectorAll('[data-top-story]')];
  assert.deepEqual(stories.map((li) => li.getAttribute('data-top-story')), ['feeds/s:quake', 'feeds/s:summit']);
  assert.equal(text(root.querySelector('[data-testid="top-stories"] h3')), 'Most covered right now');
  assert.match(text(stories[0]!), /Haiti earthquake kills hundreds in Les Cayes.*Covered by 3 of your sources/s);
  const links = [...stories[0]!.querySelectorAll('a')];
  assert.deepEqual(links.map((a) => a.getAttribute('href')), ['https://www.bbc.com/news/quake', 'https://www.npr.org/quake']);
  assert.ok(links.every((a) => a.getAttribute('target') === '_blank' && a.getAttribute('rel') === 'noopener noreferrer'));
  assert.match(text(links[0]!), /opens in a new tab/);
});

test('while a slow source is still out, the stories stored so far are said and the most covered listed', async () => {
  const r = rig({ top: TOP });
  const root = await mount(h(App, { deps: r.deps }));
  await tick(root, 'bbc.com');
  await tick(root, 'nytimes.com');
  await click(root.querySelector('[data-testid="save-sources"]'));
  const urls = [outlet('bbc.com').feeds.top, outlet('nytimes.com').feeds.top, outlet('nytimes.com').feeds.opinion!];
  const states = (slow: FeedProgress['state']): FeedProgress[] => [
    { url: urls[0]!, state: 'done', items: 24, error: null, detail: null },
    { url: urls[1]!, state: 'done', items: 12, error: null, detail: null },
    { url: urls[2]!, state: slow, items: 0, error: null, detail: null },
  ];
  await r.progress(states('fetching'));
  assert.equal(root.querySelector('[data-testid="welcome-landed"]'), null, 'nothing is said to be stored before it is');
  assert.equal(r.events.filter((e) => e === 'call:welcome/top-stories').length, 0);
  await r.progress(states('fetching'), { sources: 2, failed: 0, stories: 31 });
  assert.equal(text(root.querySelector('[data-testid="welcome-landed"]')), 'Storyline already knows 31 stories from 2 sources. The slower sources join them as they answer.');
  assert.match(text(root.querySelector('[data-testid="welcome-progress"]')), /2 of 3 sources fetched/);
  assert.deepEqual([...root.querySelectorAll('[data-top-story]')].map((li) => li.getAttribute('data-top-story')), ['feeds/s:quake', 'feeds/s:summit']);
  // The same stories said again (a later progress message) do not ask for the list again.
  await r.progress(states('fetching'), { sources: 2, failed: 0, stories: 31 });
  assert.equal(r.events.filter((e) => e === 'call:welcome/top-stories').length, 1);
  await r.finish({ sources: 3, failed: 0, stories: 35 });
  assert.equal(text(root.querySelector('[data-testid="welcome-done"]')), 'Storyline now knows 35 stories from 3 sources.');
  assert.equal(root.querySelector('[data-testid="welcome-landed"]'), null);
  assert.equal(r.events.filter((e) => e === 'call:welcome/top-stories').length, 2, 'the list is read again with every source in');
});

test('with no story covered twice, or no list to be had, the page ends as before', async () => {
  for (const top of [[], new Error('the background failed')]) {
    const r = rig({ top });
    const root = await mount(h(App, { deps: r.deps }));
    await tick(root, 'bbc.com');
    await click(root.querySelector('[data-testid="save-sources"]'));
    await r.finish({ sources: 1, failed: 0, stories: 3 });
    assert.equal(text(root.querySelector('[data-testid="welcome-done"]')), 'Storyline now knows 3 stories from 1 source.');
    assert.equal(root.querySelector('[data-testid="top-stories"]'), null);
    assert.equal(root.querySelector('[role="alert"]'), null);
    cleanup();
  }
});

test('taking a chosen outlet off moves the focus to the next chip, and to the search once none is left', async () => {
  const root = await mount(h(App, { deps: rig().deps }));
  await tick(root, 'bbc.com');
  await tick(root, 'npr.org');
  const chip = (id: string) => root.querySelector<HTMLButtonElement>(`[data-chosen="${id}"]`)!;
  const first = root.querySelector<HTMLButtonElement>('[data-chosen]')!;
  const second = root.querySelectorAll<HTMLButtonElement>('[data-chosen]')[1]!.getAttribute('data-chosen')!;
  first.focus();
  await click(first);
  assert.equal(document.activeElement, chip(second));
  await click(chip(second));
  assert.equal(document.activeElement, root.querySelector('#outlet-search'));
});

test('when every source fails, the page says none could be fetched (not "ready"), and offers to try them again', async () => {
  const r = rig();
  const root = await mount(h(App, { deps: r.deps }));
  await tick(root, 'bbc.com');
  await click(root.querySelector('[data-testid="save-sources"]'));
  const url = outlet('bbc.com').feeds.top;
  await r.progress([{ url, state: 'failed', items: 0, error: 'network', detail: 'offline' }]);
  await r.finish({ sources: 0, failed: 1, stories: 0 });
  assert.equal(text(root.querySelector('#progress-title')), 'None of your sources could be fetched');
  assert.match(text(root.querySelector('[data-testid="welcome-none-in"]')), /online/);
  assert.doesNotMatch(text(root.querySelector('[data-testid="ingest"]')), /the others are in|Read the news as usual|now knows/);
  assert.ok(root.querySelector('[data-testid="retry-failed"]'));
});

test('"Try the failed sources again" goes with its click: the focus comes to the progress heading, not the page', async () => {
  const r = rig();
  const root = await mount(h(App, { deps: r.deps }));
  await tick(root, 'bbc.com');
  await tick(root, 'npr.org');
  await click(root.querySelector('[data-testid="save-sources"]'));
  const bbc = outlet('bbc.com').feeds.top;
  await r.progress([{ url: bbc, state: 'failed', items: 0, error: 'timeout', detail: 'no answer' }]);
  await r.finish({ sources: 1, failed: 1, stories: 3 });
  const retry = root.querySelector<HTMLButtonElement>('[data-testid="retry-failed"]')!;
  retry.focus();
  await click(retry);
  assert.equal(root.querySelector('[data-testid="retry-failed"]'), null);
  assert.equal(document.activeElement?.id, 'progress-title');
});

test('a country is found by its name in the reader\'s language, as the headings show it', async () => {
  setMessageSource(catalogSource(CATALOG, 'fr'));
  try {
    const root = await mount(h(App, { deps: rig().deps }));
    await search(root, 'Allemagne');
    assert.ok(root.querySelector('[data-outlet="dw.com"]'), 'DW, in Germany ("Allemagne" in French)');
  } finally {
    setMessageSource(catalogSource(CATALOG, 'en-US'));
  }
});
