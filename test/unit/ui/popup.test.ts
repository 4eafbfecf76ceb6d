import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { cleanup, click, document, key, mount, scrolledIntoView, settle, text, unmount, typeInto } from './dom';
import { fakeBackground } from './fake-background';
import { POPUP_STORY, SEARCH_HITS } from './fixtures';
import { App } from '../../../src/popup/App';
import { SEARCH_DEBOUNCE_MS } from '../../../src/ui/use-story-search';
import type { PopupDeps } from '../../../src/popup/deps';
import type { PopupState, SearchHit } from '../../../src/contracts/views';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/formats/settings';
import { backgroundCalls, MAX_QUERY_TEXT } from '../../../src/contracts/messages';
import { CallRefused } from '../../../src/contracts/call-result';

afterEach(cleanup);

function popup(state: PopupState, extra: Parameters<typeof fakeBackground>[0] = {}, tabId: number | null = 7) {
  const bg = fakeBackground({ 'popup/state': () => state, ...extra });
  let closed = 0;
  let welcomes = 0;
  const panels: number[] = [];
  const reloaded: number[] = [];
  const watchers = new Set<() => void>();
  const deps: PopupDeps = {
    call: bg.call,
    findTargetTab: async () => tabId,
    closePopup: () => void closed++,
    openPanel: (id) => {
      // Recorded before any call reaches the background: the browser allows it only from the click.
      panels.push(id, bg.calls.length);
      return Promise.resolve();
    },
    openWelcome: () => void welcomes++,
    reloadTab: (id) => void reloaded.push(id),
    watchTab: (id, listener, signal) => {
      watchers.add(listener);
      signal.addEventListener('abort', () => watchers.delete(listener));
    },
  };
  /** What the background knows of the tab changed (a match stored): the popup hears it. */
  const tabChanged = async (): Promise<void> => {
    for (const listener of watchers) listener();
    await settle();
  };
  return { bg, deps, closed: () => closed, panels, welcomes: () => welcomes, reloaded, tabChanged, watchers };
}

test('a matched tab shows its story, counts and opens the sidebar', async () => {
  const p = popup(POPUP_STORY, { 'popup/open-sidebar': () => true });
  const root = await mount(h(App, { deps: p.deps }));
  assert.deepEqual(p.bg.calls[0], { type: 'popup/state', payload: { tabId: 7 } });
  assert.equal(text(root.querySelector('[data-testid="story-title"]')), POPUP_STORY.story?.title);
  assert.deepEqual(
    [...root.querySelectorAll('.counts li')].map((li) => text(li)),
    ['3 other reports', '2 opinions', '2 of 4 steps done'],
  );
  await click(root.querySelector('[data-testid="open-sidebar"]'));
  assert.deepEqual(p.bg.calls.at(-1), { type: 'popup/open-sidebar', payload: { tabId: 7 } });
  assert.equal(p.closed(), 1);
  await unmount(root);
});

test('with the side panel chosen, the click opens the panel first, then tells the background', async () => {
  const p = popup({ ...POPUP_STORY, surface: 'panel' }, { 'popup/open-sidebar': () => true });
  const root = await mount(h(App, { deps: p.deps }));
  const callsBefore = p.bg.calls.length;
  await click(root.querySelector('[data-testid="open-sidebar"]'));
  assert.deepEqual(p.panels, [7, callsBefore]);
  assert.deepEqual(p.bg.calls.at(-1), { type: 'popup/open-sidebar', payload: { tabId: 7 } });
  assert.equal(p.closed(), 1);
  await unmount(root);
});

test('with the page sidebar chosen, no side panel is opened', async () => {
  const p = popup(POPUP_STORY, { 'popup/open-sidebar': () => true });
  const root = await mount(h(App, { deps: p.deps }));
  await click(root.querySelector('[data-testid="open-sidebar"]'));
  assert.deepEqual(p.panels, []);
  await unmount(root);
});

test('a sidebar that cannot open keeps the popup with an error', async () => {
  const p = popup(POPUP_STORY, { 'popup/open-sidebar': () => false });
  const root = await mount(h(App, { deps: p.deps }));
  await click(root.querySelector('[data-testid="open-sidebar"]'));
  assert.equal(p.closed(), 0);
  assert.match(text(root.querySelector('[role="alert"]')), /could not open/);
  await unmount(root);
});

const UNMATCHED: PopupState = {
  scriptable: true, reloadable: false, story: null, otherReports: 0, host: null, siteOff: false, autoOpen: false, recent: [], maybe: [], surface: 'page', followed: [], top: [],
  library: { stories: 42, sources: 6, refreshedAt: new Date(Date.now() - 2 * 3_600_000).toISOString() },
};

test('no match and pages Storyline cannot run on are told apart', async () => {
  const none = await mount(h(App, { deps: popup(UNMATCHED).deps }));
  assert.equal(text(none.querySelector('[data-testid="no-match"] .message')), 'No stored story matches this page');
  await unmount(none);
  const blocked = await mount(h(App, { deps: popup({ ...UNMATCHED, scriptable: false }).deps }));
  assert.equal(blocked.querySelector('[data-testid="no-match"]'), null);
  assert.match(text(blocked.querySelector('[data-testid="not-scriptable"]')), /Storyline does not run on this page.*Browsers keep extensions off their own pages/s);
  await unmount(blocked);
});

test('a page opened before Storyline was there offers a reload, not "does not run here"', async () => {
  const p = popup({ ...UNMATCHED, scriptable: false, reloadable: true });
  const root = await mount(h(App, { deps: p.deps }));
  assert.match(text(root.querySelector('[data-testid="reload-needed"]')), /opened before Storyline was running/);
  assert.equal(root.querySelector('[data-testid="not-scriptable"]'), null);
  await click(root.querySelector('[data-testid="reload-page"]'));
  assert.deepEqual(p.reloaded, [7]);
  await unmount(root);
});

test('an unmatched page says what Storyline knows and when its sources were last refreshed', async () => {
  const root = await mount(h(App, { deps: popup(UNMATCHED).deps }));
  assert.equal(text(root.querySelector('[data-testid="library"]')), 'Storyline knows 42 stories from 6 sources, last refreshed 2 hours ago.');
  assert.equal(root.querySelector('[data-testid="choose-sources"]'), null);
  await unmount(root);
});

test('an unmatched page lists the stories that came closest as maybe related, and one opens in the sidebar', async () => {
  const maybe = [
    { id: 'summit', title: 'Trump and Putin meet in Alaska', reportCount: 6 },
    { id: 'sanctions', title: 'Sanctions on Russian oil tighten', reportCount: 1 },
  ];
  const p = popup({ ...UNMATCHED, host: 'news.example', maybe }, { 'popup/open-story': () => true });
  const root = await mount(h(App, { deps: p.deps }));
  const list = root.querySelector('[data-testid="maybe"]');
  assert.equal(text(list?.querySelector('h2')), 'Maybe one of these stories');
  assert.match(text(list?.querySelector('.list-note')), /not close enough for Storyline to be sure/);
  assert.deepEqual(
    [...(list?.querySelectorAll('li') ?? [])].map((li) => [li.getAttribute('data-story'), text(li.querySelector('.hit-meta'))]),
    [
      ['summit', '6 reports'],
      ['sanctions', '1 report'],
    ],
  );
  await click(list?.querySelector('[data-story="summit"] button') ?? null);
  assert.deepEqual(p.bg.calls.at(-1), { type: 'popup/open-story', payload: { tabId: 7, storyId: 'summit' } });
  assert.equal(p.closed(), 1);
  await unmount(root);

  // Nothing close: no list. A matched page, or a site where Storyline is off: none either.
  for (const state of [UNMATCHED, { ...POPUP_STORY, maybe }, { ...UNMATCHED, host: 'news.example', siteOff: true, maybe }]) {
    const other = await mount(h(App, { deps: popup(state).deps }));
    assert.equal(other.querySelector('[data-testid="maybe"]'), null);
    await unmount(other);
  }
});

test('the stories most of the reader’s sources cover now are listed with how many, and one opens in the sidebar', async () => {
  const top = [
    { id: 'quake', title: 'Earthquake strikes southern Haiti', outlets: 9, reports: [] },
    { id: 'rates', title: 'Central bank holds rates', outlets: 2, reports: [] },
  ];
  const p = popup({ ...POPUP_STORY, top }, { 'popup/open-story': () => true });
  const root = await mount(h(App, { deps: p.deps }));
  const list = root.querySelector('[data-testid="top"]');
  assert.equal(text(list?.querySelector('h2')), 'Most covered right now');
  assert.deepEqual(
    [...(list?.querySelectorAll('li') ?? [])].map((li) => [li.getAttribute('data-story'), text(li.querySelector('.hit-meta'))]),
    [
      ['quake', 'Covered by 9 of your sources'],
      ['rates', 'Covered by 2 of your sources'],
    ],
  );
  // Listed after the followed stories and before the recent ones.
  const order = [...root.querySelectorAll('[data-testid]')].map((el) => el.getAttribute('data-testid')).filter((id) => ['followed', 'top', 'recent'].includes(id ?? ''));
  assert.deepEqual(order, ['followed', 'top', 'recent']);
  await click(list?.querySelector('[data-story="quake"] button') ?? null);
  assert.deepEqual(p.bg.calls.at(-1), { type: 'popup/open-story', payload: { tabId: 7, storyId: 'quake' } });
  await unmount(root);
  // Where no story is covered twice, no list.
  const none = await mount(h(App, { deps: popup(UNMATCHED).deps }));
  assert.equal(none.querySelector('[data-testid="top"]'), null);
  await unmount(none);
});

test('with no sources at all, the popup offers to choose news sources', async () => {
  const p = popup({ ...UNMATCHED, library: { stories: 1, sources: 0, refreshedAt: null } });
  const root = await mount(h(App, { deps: p.deps }));
  assert.match(text(root.querySelector('[data-testid="no-sources"]')), /knows 1 story and has no news sources yet/);
  await click(root.querySelector('[data-testid="choose-sources"]'));
  assert.equal(p.welcomes(), 1);
  await unmount(root);
});

test('search is debounced, lists hits and opens a summary with the keyboard', async () => {
  const p = popup(POPUP_STORY, { 'search/stories': () => SEARCH_HITS });
  const root = await mount(h(App, { deps: p.deps }));
  const input = root.querySelector<HTMLInputElement>('[data-testid="search"]')!;
  assert.equal(input.type, 'search');
  await typeInto(input, 'Pu');
  await typeInto(input, 'Putin');
  await settle(SEARCH_DEBOUNCE_MS + 30);
  const searches = p.bg.calls.filter((c) => c.type === 'search/stories');
  assert.deepEqual(searches, [{ type: 'search/stories', payload: { query: 'Putin' } }]);
  const results = root.querySelector('[data-testid="search-results"]')!;
  assert.equal(results.querySelectorAll('li').length, 2);
  assert.match(text(results), /4 reports/);
  assert.match(text(results), /1 report\b/);

  input.focus();
  await key(input, 'ArrowDown');
  const first = results.querySelector('button')!;
  assert.equal(document.activeElement, first);
  await key(first, 'ArrowDown');
  assert.equal(document.activeElement, results.querySelectorAll('button')[1]);
  await key(document.activeElement!, 'ArrowUp');
  assert.equal(document.activeElement, first);
  // Enter on a button activates it: the summary appears inline.
  await click(first);
  assert.equal(first.getAttribute('aria-expanded'), 'true');
  assert.match(text(results), /three hours/);
  // From its "Open in sidebar", down is the next hit and up the hit it belongs to.
  const open = results.querySelector<HTMLButtonElement>('[data-testid="open-story"]')!;
  open.focus();
  await key(open, 'ArrowDown');
  assert.equal(document.activeElement, results.querySelectorAll('button.hit')[1]);
  open.focus();
  await key(open, 'ArrowUp');
  assert.equal(document.activeElement, first);
  await unmount(root);
});

test('a short list of hits shows whole; a longer one scrolls in its box, each edge marked while more lies beyond it', async () => {
  const many: SearchHit[] = Array.from({ length: 8 }, (_, i) => ({ ...SEARCH_HITS[1]!, storyId: `story-${i}`, title: `Story ${i}` }));
  let answer = SEARCH_HITS;
  const p = popup(POPUP_STORY, { 'search/stories': () => answer });
  const root = await mount(h(App, { deps: p.deps }));
  const input = root.querySelector('[data-testid="search"]');
  await typeInto(input, 'Putin');
  await settle(SEARCH_DEBOUNCE_MS + 30);
  const list = root.querySelector<HTMLElement>('[data-testid="search-results"]')!;
  assert.equal(list.querySelectorAll('li').length, 2);
  assert.equal(list.classList.contains('scrolls'), false, 'two hits are not boxed');

  answer = many;
  await typeInto(input, 'Russia');
  await settle(SEARCH_DEBOUNCE_MS + 30);
  assert.equal(list.querySelectorAll('li').length, 8);
  assert.equal(list.classList.contains('scrolls'), true);
  // jsdom lays nothing out: the box's measures are given as a browser would have them.
  const at = (scrollTop: number): void => {
    for (const [name, value] of [['scrollHeight', 560], ['clientHeight', 300], ['scrollTop', scrollTop]] as const) Object.defineProperty(list, name, { value, configurable: true });
    list.dispatchEvent(new document.defaultView!.Event('scroll'));
  };
  const edges = (): string[] => ['data-more-above', 'data-more-below'].filter((name) => list.hasAttribute(name));
  at(0);
  assert.deepEqual(edges(), ['data-more-below']);
  at(120);
  assert.deepEqual(edges(), ['data-more-above', 'data-more-below']);
  at(260);
  assert.deepEqual(edges(), ['data-more-above']);
  await unmount(root);
});

test('the first hits of a search are brought into view (on a matched page the search sits below the fold), not again as they change', async () => {
  const p = popup(POPUP_STORY, { 'search/stories': () => SEARCH_HITS });
  const root = await mount(h(App, { deps: p.deps }));
  const before = scrolledIntoView.length;
  await typeInto(root.querySelector('[data-testid="search"]'), 'Putin');
  await settle(SEARCH_DEBOUNCE_MS + 30);
  assert.ok(root.querySelectorAll('[data-testid="search-results"] button.hit').length > 0);
  assert.deepEqual(scrolledIntoView.slice(before), [root.querySelector('section.search')]);
  await typeInto(root.querySelector('[data-testid="search"]'), 'Putin Alaska');
  await settle(SEARCH_DEBOUNCE_MS + 30);
  assert.equal(scrolledIntoView.length, before + 1, 'the reader scrolled since, perhaps: the popup stays where it is');
  await unmount(root);
});

test('a search summary opened is brought into view, so the end of the list does not cut it', async () => {
  const p = popup(POPUP_STORY, { 'search/stories': () => SEARCH_HITS });
  const root = await mount(h(App, { deps: p.deps }));
  await typeInto(root.querySelector('[data-testid="search"]'), 'Putin');
  await settle(SEARCH_DEBOUNCE_MS + 30);
  const last = [...root.querySelectorAll('[data-testid="search-results"] button.hit')].at(-1)!;
  const before = scrolledIntoView.length;
  await click(last);
  assert.equal(last.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(scrolledIntoView.slice(before), [last.closest('li')]);
  await unmount(root);
});

test('"Open the sidebar by itself" adds the site to the list, and taking it out removes a covering entry', async () => {
  let settings = { ...DEFAULT_SETTINGS, autoOpen: ['example.org'] };
  const p = popup(POPUP_STORY, {
    'settings/get': () => settings,
    'settings/update': (payload) => {
      settings = { ...settings, ...(payload as { change: Partial<Settings> }).change };
      return settings;
    },
  });
  const root = await mount(h(App, { deps: p.deps }));
  const box = root.querySelector<HTMLInputElement>('[data-testid="auto-open-switch"]');
  assert.equal(box?.checked, false);
  await click(box);
  assert.deepEqual(settings.autoOpen, ['example.org', '7news.com.au']);
  assert.match(text(root.querySelector('.site-switch:last-of-type [role="status"]')), /opens by itself/);
  await click(box);
  assert.deepEqual(settings.autoOpen, ['example.org']);
  await unmount(root);
});

test('the auto-open switch is not offered with the side panel, nor where Storyline is off', async () => {
  const panel = await mount(h(App, { deps: popup({ ...POPUP_STORY, surface: 'panel' }).deps }));
  assert.equal(panel.querySelector('[data-testid="auto-open-switch"]'), null);
  assert.ok(panel.querySelector('[data-testid="site-switch"]'));
  await unmount(panel);
  const off = await mount(h(App, { deps: popup({ ...POPUP_STORY, siteOff: true }).deps }));
  assert.equal(off.querySelector('[data-testid="auto-open-switch"]'), null);
  await unmount(off);
});

test('switched off here, the tab\'s story and its controls leave the popup with Storyline; on again, they come back', async () => {
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const p = popup(POPUP_STORY, {
    'settings/get': () => settings,
    'settings/update': (payload) => (settings = { ...settings, ...(payload as { change: Partial<Settings> }).change }),
  });
  const root = await mount(h(App, { deps: p.deps }));
  assert.ok(root.querySelector('[data-testid="open-sidebar"]'));
  const box = root.querySelector<HTMLInputElement>('[data-testid="site-switch"]')!;
  await click(box);
  assert.deepEqual(settings.sitesOff, ['7news.com.au']);
  assert.equal(root.querySelector('[data-testid="open-sidebar"]'), null, 'no sidebar to open where Storyline left the page');
  assert.equal(root.querySelector('[data-testid="auto-open-switch"]'), null);
  assert.match(text(root.querySelector('.site-switch [role="status"]')), /Off on 7news\.com\.au/);
  assert.equal(root.querySelector('[data-testid="site-off"]'), null, 'said once, by the switch');
  // The page is forgotten (the tab's state changes): the popup asks again and keeps the switch's word.
  await p.tabChanged();
  assert.equal(root.querySelector('[data-testid="open-sidebar"]'), null);
  assert.equal(root.querySelector('[data-testid="site-off"]'), null);
  await click(box);
  assert.ok(root.querySelector('[data-testid="open-sidebar"]'));
  await unmount(root);
});

test('switched back on where Storyline was off, the popup says the page is read now, and shows its story once matched', async () => {
  let settings: Settings = { ...DEFAULT_SETTINGS, sitesOff: ['7news.com.au'] };
  let state: PopupState = { ...POPUP_STORY, story: null, otherReports: 0, siteOff: true };
  const p = popup(POPUP_STORY, {
    'popup/state': () => state,
    'settings/get': () => settings,
    'settings/update': (payload) => (settings = { ...settings, ...(payload as { change: Partial<Settings> }).change }),
  });
  const root = await mount(h(App, { deps: p.deps }));
  assert.match(text(root.querySelector('[data-testid="site-off"]')), /Off on 7news\.com\.au/);
  await click(root.querySelector('[data-testid="site-switch"]'));
  assert.deepEqual(settings.sitesOff, []);
  const shown = text(root.querySelector('section.current'));
  assert.doesNotMatch(shown, /Off on|No stored story/, shown);
  // Said by the switch's own status line, a live region in place from the start.
  const said = (): Element | null | undefined => root.querySelector('[data-testid="site-switch"]')?.closest('.site-switch')?.querySelector('.site-switch-state');
  assert.match(text(said()), /^On again on 7news\.com\.au/);
  assert.equal(said()?.getAttribute('role'), 'status');
  assert.doesNotMatch(text(root.querySelector('section.current')), /On again/, 'said once, by the switch');
  // The page is read and matched: the background's record of the tab changes, and the popup asks again.
  state = { ...POPUP_STORY };
  await p.tabChanged();
  assert.equal(text(root.querySelector('[data-testid="story-title"]')), POPUP_STORY.story?.title);
  assert.doesNotMatch(text(root.querySelector('section.current')), /On again/);
  await unmount(root);
  assert.equal(p.watchers.size, 0, 'the popup stops listening when it closes');
});

for (const [name, answer, said] of [
  ['the sidebar cannot open there', () => false, /could not open/],
  ['the story is no longer stored', () => Promise.reject(new CallRefused('not-found', 'unknown story')), /no longer stored/],
] as const) {
  test(`a story from a list that cannot be opened (${name}) is said, and the popup stays`, async () => {
    const top = [{ id: 'quake', title: 'Earthquake strikes southern Haiti', outlets: 9, reports: [] }];
    const p = popup({ ...POPUP_STORY, top }, { 'popup/open-story': answer as never });
    const root = await mount(h(App, { deps: p.deps }));
    assert.equal(text(root.querySelector('[data-testid="open-failed"]')), '');
    await click(root.querySelector('[data-testid="top"] [data-story="quake"] button'));
    assert.deepEqual(p.bg.calls.at(-1), { type: 'popup/open-story', payload: { tabId: 7, storyId: 'quake' } });
    assert.equal(p.closed(), 0);
    assert.match(text(root.querySelector('[data-testid="open-failed"][role="alert"]')), said);
    await unmount(root);
  });
}

test('a query longer than the background reads is searched by its start, not refused', async () => {
  const p = popup(POPUP_STORY, { 'search/stories': () => [] });
  const root = await mount(h(App, { deps: p.deps }));
  const long = `${'Alaska summit '.repeat(90)}end`;
  await typeInto(root.querySelector('[data-testid="search"]'), long);
  await settle(SEARCH_DEBOUNCE_MS + 30);
  const asked = p.bg.calls.filter((c) => c.type === 'search/stories').at(-1);
  assert.ok(asked, 'the search was asked');
  const query = (asked.payload as { query: string }).query;
  assert.ok(query.length <= MAX_QUERY_TEXT && long.startsWith(query), `${query.length} characters`);
  assert.notEqual(backgroundCalls['search/stories'].parse({ query }), undefined, 'the background takes it');
  assert.match(text(root.querySelector('.search-status')), /No stored story matches “Alaska summit.{0,80}”$/);
  await unmount(root);
});

test('many followed stories: the first five (new ones first) and "Show all", which brings the rest and moves the focus to them', async () => {
  const followed = Array.from({ length: 12 }, (_, i) => ({ id: `f${i}`, title: `Followed story ${i}`, reportCount: 3, newReports: i < 2 ? 1 : 0 }));
  const p = popup({ ...POPUP_STORY, followed });
  const root = await mount(h(App, { deps: p.deps }));
  const items = (): string[] => [...root.querySelectorAll('[data-testid="followed"] li')].map((li) => li.getAttribute('data-story') ?? '');
  assert.deepEqual(items(), ['f0', 'f1', 'f2', 'f3', 'f4']);
  const more = root.querySelector<HTMLButtonElement>('[data-testid="followed-all"]');
  assert.equal(text(more), 'Show all 12');
  await click(more);
  await settle();
  assert.equal(items().length, 12);
  assert.equal(root.querySelector('[data-testid="followed-all"]'), null);
  assert.equal(document.activeElement?.closest('li')?.getAttribute('data-story'), 'f5');
  await unmount(root);
});
