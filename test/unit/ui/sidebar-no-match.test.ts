// The sidebar on a page that matches no stored story: not a dead end. It says what Storyline knows
// (and offers to choose sources when there are none), and searches every stored story, a hit
// opening in place with the way back to the search as it was left.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { cleanup, click, document, key, mount, settle, text, typeInto, unmount } from './dom';
import { fakeBackground } from './fake-background';
import { SEARCH_HITS, STORY } from './fixtures';
import { App } from '../../../src/sidebar/App';
import { SEARCH_DEBOUNCE_MS } from '../../../src/ui/use-story-search';
import type { LibraryView, SearchHit, StoryView } from '../../../src/contracts/views';

afterEach(cleanup);

const KNOWN: LibraryView = { stories: 436, sources: 22, refreshedAt: new Date(Date.now() - 2 * 3600_000).toISOString() };

function noMatch(library: LibraryView | undefined, maybe: SearchHit[] = []) {
  return fakeBackground({
    'sidebar/view': () => ({ kind: 'none', maybe, ...(library ? { library } : {}) }),
    'search/stories': ({ query }) => (/putin/i.test(query) ? SEARCH_HITS : []),
    'sidebar/story': () => ({ ...STORY, why: null }),
  });
}

test('says what Storyline knows, and when its sources last answered', async () => {
  const root = await mount(h(App, { call: noMatch(KNOWN).call }));
  assert.equal(text(root.querySelector('h1')), 'No stored story matches this page');
  assert.equal(text(root.querySelector('[data-testid="library"]')), 'Storyline knows 436 stories from 22 sources, last refreshed 2 hours ago.');
  assert.equal(root.querySelector('[data-testid="choose-sources"]'), null, 'sources are chosen already');
  await unmount(root);
});

test('with no sources at all, it leads to the welcome page to choose some', async () => {
  const root = await mount(h(App, { call: noMatch({ stories: 1, sources: 0, refreshedAt: null }).call }));
  assert.match(text(root.querySelector('[data-testid="library"]')), /^Storyline knows 1 story and has no news sources yet/);
  const link = root.querySelector<HTMLAnchorElement>('a[data-testid="choose-sources"]');
  assert.equal(link?.getAttribute('href'), 'welcome.html');
  assert.equal(link?.target, '_blank');
  assert.match(text(link), /^Choose news sources/);
  await unmount(root);
});

test('searches every stored story; a hit opens in place, and Back returns to the search as it was', async () => {
  const bg = noMatch(KNOWN);
  const root = await mount(h(App, { call: bg.call }));
  const input = root.querySelector<HTMLInputElement>('[data-testid="stored-search"]')!;
  assert.equal(input.type, 'search');
  assert.equal(text(root.querySelector(`label[for="${input.id}"]`)), 'Search stored stories');

  await typeInto(input, 'bread');
  await settle(SEARCH_DEBOUNCE_MS + 30);
  assert.match(text(root.querySelector('.stored-search-status')), /No stored story matches “bread”/);
  assert.equal(root.querySelector('[data-testid="stored-search-hits"]'), null);

  await typeInto(input, 'Putin');
  await settle(SEARCH_DEBOUNCE_MS + 30);
  assert.deepEqual(bg.calls.filter((c) => c.type === 'search/stories').at(-1), { type: 'search/stories', payload: { query: 'Putin' } });
  assert.equal(text(root.querySelector('.stored-search-status')), `${SEARCH_HITS.length} stories`);
  const hits = root.querySelectorAll('[data-testid="stored-search-hits"] button');
  assert.equal(hits.length, SEARCH_HITS.length);

  await click(hits[1]);
  assert.deepEqual(bg.calls.filter((c) => c.type === 'sidebar/story').at(-1), { type: 'sidebar/story', payload: { storyId: SEARCH_HITS[1]!.storyId } });
  assert.equal(root.querySelectorAll('[data-report]').length, STORY.reports.length);
  assert.equal(text(root.querySelector('button.back')), '←Back to results');
  await click(root.querySelector('button.back'));
  // The query and its hits as the reader left them, the focus on the hit the story was opened from.
  assert.equal(root.querySelector<HTMLInputElement>('[data-testid="stored-search"]')?.value, 'Putin');
  assert.equal(document.activeElement, root.querySelectorAll('[data-testid="stored-search-hits"] button')[1]);
  await unmount(root);
});

test('a story opened from the stories that came close goes back to them, not to the search', async () => {
  const root = await mount(h(App, { call: noMatch(KNOWN, SEARCH_HITS).call }));
  await click(root.querySelector('[data-testid="maybe-hits"] button'));
  assert.equal(text(root.querySelector('button.back')), '←Back to the stories that came close');
  await click(root.querySelector('button.back'));
  assert.equal(document.activeElement, root.querySelector('[data-testid="maybe-hits"] button'));
  await unmount(root);
});

test('what Storyline knows is outside the notice\'s live region (its relative time changes as the page renders)', async () => {
  const root = await mount(h(App, { call: noMatch(KNOWN).call }));
  assert.ok(root.querySelector('[role="status"] h1'), 'the notice is a status');
  assert.ok(root.querySelector('[data-testid="library"]'));
  assert.equal(root.querySelector('[role="status"] [data-testid="library"]'), null);
  await unmount(root);
});

test('while one story loads, a hit of the other list is not taken: Back names the list the story came from', async () => {
  let answer: (story: StoryView) => void = () => undefined;
  const bg = fakeBackground({
    'sidebar/view': () => ({ kind: 'none', maybe: SEARCH_HITS, library: KNOWN }),
    'search/stories': () => SEARCH_HITS,
    'sidebar/story': () => new Promise<StoryView>((resolve) => (answer = resolve)),
  });
  const root = await mount(h(App, { call: bg.call }));
  await typeInto(root.querySelector('[data-testid="stored-search"]'), 'Putin');
  await settle(SEARCH_DEBOUNCE_MS + 30);
  await click(root.querySelector('[data-testid="maybe-hits"] button'));
  await click(root.querySelector('[data-testid="stored-search-hits"] button'));
  answer({ ...STORY, why: null });
  await settle();
  assert.equal(bg.calls.filter((c) => c.type === 'sidebar/story').length, 1);
  assert.equal(text(root.querySelector('button.back')), '←Back to the stories that came close');
  await click(root.querySelector('button.back'));
  assert.equal(document.activeElement, root.querySelector('[data-testid="maybe-hits"] button'));
  await unmount(root);
});

test('the last hits and their status line stay while the next search is on its way', async () => {
  const bg = noMatch(KNOWN);
  const root = await mount(h(App, { call: bg.call }));
  const input = root.querySelector('[data-testid="stored-search"]');
  await typeInto(input, 'Putin');
  await settle(SEARCH_DEBOUNCE_MS + 30);
  await typeInto(input, 'Putin Alaska');
  // Typed, not yet asked: the list does not collapse, and the status line (a live region) does not
  // empty only to say the same count again.
  assert.equal(root.querySelectorAll('[data-testid="stored-search-hits"] button').length, SEARCH_HITS.length);
  assert.equal(text(root.querySelector('.stored-search-status')), `${SEARCH_HITS.length} stories`);
  await settle(SEARCH_DEBOUNCE_MS + 30);
  assert.deepEqual(bg.calls.filter((c) => c.type === 'search/stories').at(-1), { type: 'search/stories', payload: { query: 'Putin Alaska' } });
  await unmount(root);
});

test('Back gives the focus to the hit once: hits that come back as the reader types again leave it in the box', async () => {
  const root = await mount(h(App, { call: noMatch(KNOWN).call }));
  const box = () => root.querySelector<HTMLInputElement>('[data-testid="stored-search"]')!;
  await typeInto(box(), 'Putin');
  await settle(SEARCH_DEBOUNCE_MS + 30);
  await click(root.querySelectorAll('[data-testid="stored-search-hits"] button')[1]);
  await click(root.querySelector('button.back'));
  assert.equal(document.activeElement, root.querySelectorAll('[data-testid="stored-search-hits"] button')[1]);
  // Back in the box: a word with no hits (the list goes), then the first word again (it comes back).
  box().focus();
  await typeInto(box(), 'bread');
  await settle(SEARCH_DEBOUNCE_MS + 30);
  await typeInto(box(), 'Putin');
  await settle(SEARCH_DEBOUNCE_MS + 30);
  assert.equal(root.querySelectorAll('[data-testid="stored-search-hits"] button').length, SEARCH_HITS.length);
  assert.equal(document.activeElement, box(), 'the focus stays in the box while the reader types');
  await unmount(root);
});

test('Esc in a field with text in it is the field\'s; in an empty one, or elsewhere, it closes the sidebar', async () => {
  const bg = fakeBackground({ 'sidebar/view': () => ({ kind: 'none', maybe: [], library: KNOWN }), 'search/stories': () => SEARCH_HITS, 'sidebar/close': () => null });
  const root = await mount(h(App, { call: bg.call }));
  const box = root.querySelector<HTMLInputElement>('[data-testid="stored-search"]')!;
  await typeInto(box, 'Putin');
  await key(box, 'Escape');
  assert.equal(bg.calls.filter((c) => c.type === 'sidebar/close').length, 0, 'typed words are not lost with the sidebar');
  await typeInto(box, '');
  await key(box, 'Escape');
  assert.equal(bg.calls.filter((c) => c.type === 'sidebar/close').length, 1);
  await unmount(root);
});
