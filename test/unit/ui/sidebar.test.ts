import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { cleanup, click, document, key, mount, settle, text, unmount } from './dom';
import { fakeBackground } from './fake-background';
import { ABROAD_STORY, CIVIC_STORY, SEARCH_HITS, SEARCH_VIEW, STORY } from './fixtures';
import { App } from '../../../src/sidebar/App';
import type { SidebarView, StoryView } from '../../../src/contracts/views';
import { CallRefused, STORY_GONE } from '../../../src/contracts/call-result';
import type { ViewChange } from '../../../src/sidebar/panel';

afterEach(cleanup);

const storyView = (story: StoryView = STORY): SidebarView => ({ kind: 'story', story });

async function showStory(story: StoryView = STORY, setDone: () => null | Promise<null> = () => null) {
  const bg = fakeBackground({ 'sidebar/view': () => storyView(story), 'action/set-done': setDone, 'sidebar/close': () => null });
  const root = await mount(h(App, { call: bg.call }));
  return { bg, root };
}

test('a story renders its header and the four landmarks in order', async () => {
  const { root } = await showStory();
  assert.equal(text(root.querySelector('h1[data-testid="story-title"]')), STORY.title);
  const sections = [...root.querySelectorAll('section[data-section]')];
  assert.deepEqual(
    sections.map((s) => s.getAttribute('data-section')),
    ['categories', 'coverage', 'opinions', 'actions'],
  );
  for (const section of sections) {
    const heading = document.getElementById(section.getAttribute('aria-labelledby') ?? '');
    assert.ok(heading && section.contains(heading) && text(heading), `${section.getAttribute('data-section')} is labelled`);
  }
  // The story's categories are shown once, in their section (not also as chips under the title).
  assert.equal(root.querySelectorAll('[data-section="categories"] [data-category]').length, 2);
  assert.equal(root.querySelector('.story-header')?.textContent?.includes(STORY.categories[0]!.name), false);
  await unmount(root);
});

test('every report is listed, linked only where its URL is known', async () => {
  const { root } = await showStory();
  const reports = [...root.querySelectorAll('[data-section="coverage"] [data-report]')];
  assert.equal(reports.length, STORY.reports.length);
  for (const report of STORY.reports) {
    const element = root.querySelector(`[data-report="${report.id}"]`);
    assert.ok(element, report.id);
    const link = element.querySelector('a');
    if (report.url) {
      assert.equal(link?.getAttribute('href'), report.url);
      assert.equal(link?.getAttribute('target'), '_blank');
      assert.equal(link?.getAttribute('rel'), 'noopener noreferrer');
    } else {
      assert.equal(link, null, `${report.id} has no invented link`);
    }
  }
  // The undated report is listed last under its own heading, never given a date.
  assert.equal(reports.at(-1)?.getAttribute('data-report'), 'r-undated');
  assert.ok(text(root.querySelector('[data-section="coverage"]')).includes('Date not given'));
  await unmount(root);
});

test('the current article is marked in words and with aria-current', async () => {
  const { root } = await showStory();
  const current = root.querySelectorAll('[aria-current="page"]');
  assert.equal(current.length, 1);
  assert.equal(current[0]?.getAttribute('data-report'), 'r-7news');
  assert.ok(text(current[0]).includes('You are reading this'));
  await unmount(root);
});

test('ticking a step is optimistic and saved through the background', async () => {
  const { root, bg } = await showStory();
  const progress = () => text(root.querySelector('[data-testid="action-progress"]'));
  assert.equal(progress(), '2 of 4 done');
  const boxes = root.querySelectorAll<HTMLInputElement>('[data-section="actions"] input[type="checkbox"]');
  assert.equal(boxes.length, 4);
  await click(boxes[1]);
  assert.equal(progress(), '3 of 4 done');
  assert.deepEqual(bg.calls.at(-1), {
    type: 'action/set-done',
    payload: { storyId: STORY.id, actionId: 'a-letter', done: true },
  });
  await unmount(root);
});

test('a failed save puts the box back and says so', async () => {
  const { root } = await showStory(STORY, () => Promise.reject(new Error('storage full')));
  const box = root.querySelectorAll<HTMLInputElement>('[data-section="actions"] input[type="checkbox"]')[0];
  await click(box);
  assert.equal(text(root.querySelector('[data-testid="action-progress"]')), '2 of 4 done');
  assert.equal(box?.checked, true);
  assert.match(text(root.querySelector('[data-section="actions"] .status-line')), /Could not save/);
  await unmount(root);
});

test('a category links to the standing steps it brings', async () => {
  const { root } = await showStory();
  const link = root.querySelector<HTMLAnchorElement>('[data-section="categories"] a[href^="#"]');
  assert.ok(link);
  const target = root.querySelector(link.getAttribute('href') ?? '');
  assert.ok(target && target.closest('[data-section="actions"]'));
  assert.match(text(target), /U\.S\.–Russia Relations/);
  // Named for its category: links all called "1 step" tell a screen reader nothing apart.
  assert.match(link.getAttribute('aria-label') ?? '', /^\d+ steps? for “.+”$/);
  await unmount(root);
});

test('a short checklist shows every category\'s steps open', async () => {
  const { root } = await showStory();
  const toggles = [...root.querySelectorAll('[data-section="actions"] .group-toggle')];
  assert.deepEqual(toggles.map((b) => [text(b.querySelector('.group-name')), b.getAttribute('aria-expanded')]), [['From “U.S.–Russia Relations”', 'true']]);
  assert.equal(root.querySelectorAll('[data-section="actions"] [hidden] .action').length, 0);
  await unmount(root);
});

test('a long checklist closes each category\'s steps under a heading with its progress', async () => {
  const { root, bg } = await showStory(CIVIC_STORY);
  const actions = root.querySelector('[data-section="actions"]');
  assert.equal(text(actions?.querySelector('[data-testid="action-progress"]')), '1 of 20 done');
  const toggles = [...(actions?.querySelectorAll<HTMLButtonElement>('.group-toggle') ?? [])];
  assert.deepEqual(
    toggles.map((b) => [text(b.querySelector('.group-name')), text(b.querySelector('.group-progress')), b.getAttribute('aria-expanded')]),
    [
      ['From “World news”', '0 of 6 done', 'false'],
      ['From “Foreign policy and diplomacy”', '0 of 6 done', 'false'],
      ['From “War and peace”', '0 of 6 done', 'false'],
    ],
  );
  // The story's own steps stay in view; the closed groups' steps are in the page but hidden.
  const shown = () => [...(actions?.querySelectorAll('.action') ?? [])].filter((el) => !el.closest('[hidden]')).length;
  assert.equal(shown(), 2);
  const world = toggles[0]!;
  const list = document.getElementById(world.getAttribute('aria-controls') ?? '');
  assert.equal(list?.hidden, true);
  assert.equal(list?.querySelectorAll('.action').length, 6);

  await click(world);
  assert.equal(world.getAttribute('aria-expanded'), 'true');
  assert.equal(list?.hidden, false);
  assert.equal(shown(), 8);
  await click(list?.querySelector('input[type="checkbox"]'));
  assert.equal(text(world.querySelector('.group-progress')), '1 of 6 done');
  assert.deepEqual(bg.calls.at(-1)?.payload, { storyId: CIVIC_STORY.id, actionId: 'civic/world#world-learn-1', done: true });

  await click(world);
  assert.equal(list?.hidden, true);
  await unmount(root);
});

test('following a category\'s link to its steps opens them, again after the reader closed them', async () => {
  const { root } = await showStory(CIVIC_STORY);
  const link = root.querySelectorAll<HTMLAnchorElement>('[data-section="categories"] a[href^="#"]')[1];
  assert.equal(text(link), '6 steps');
  const heading = root.querySelector(link?.getAttribute('href') ?? '');
  const toggle = heading?.querySelector('.group-toggle');
  assert.match(text(toggle), /Foreign policy and diplomacy/);
  assert.equal(toggle?.getAttribute('aria-expanded'), 'false');
  await click(link);
  assert.equal(toggle?.getAttribute('aria-expanded'), 'true');
  await click(toggle);
  assert.equal(toggle?.getAttribute('aria-expanded'), 'false');
  await click(link);
  assert.equal(toggle?.getAttribute('aria-expanded'), 'true');
  // The other groups stay as they were.
  assert.equal(root.querySelectorAll('[data-section="actions"] .group-toggle[aria-expanded="true"]').length, 1);
  await unmount(root);
});

test('categories carry data-category; a classified one says why, in words, and a curated one does not', async () => {
  const classified: StoryView = {
    ...STORY,
    categories: [
      { id: 'civic/elections', name: 'Elections and voting', why: ['senate', 'ballot', 'voters'] },
      { id: 'civic/congress', name: 'Congress', why: ['senate race'] },
    ],
  };
  const { root } = await showStory(classified);
  const section = root.querySelector('[data-section="categories"]');
  const items = [...(section?.querySelectorAll('[data-category]') ?? [])];
  assert.deepEqual(items.map((li) => li.getAttribute('data-category')), ['civic/elections', 'civic/congress']);
  assert.equal(text(items[0]?.querySelector('[data-testid="category-why"]')), 'Why: senate, ballot, voters');
  assert.equal(text(items[1]?.querySelector('[data-testid="category-why"]')), 'Why: senate race');
  // The reader is told these were chosen automatically, beside the section's heading.
  assert.match(text(section?.querySelector('.section-aside')), /automatically/);
  await unmount(root);

  const curated = await showStory();
  const curatedSection = curated.root.querySelector('[data-section="categories"]');
  assert.deepEqual(
    [...(curatedSection?.querySelectorAll('[data-category]') ?? [])].map((li) => li.getAttribute('data-category')),
    STORY.categories.map((c) => c.id),
  );
  assert.equal(curatedSection?.querySelector('[data-testid="category-why"]'), null);
  assert.equal(curatedSection?.querySelector('.section-aside'), null);
  await unmount(curated.root);
});

test('why this match shows the shared terms, and only for a page match', async () => {
  const { root } = await showStory();
  const why = root.querySelector('[data-testid="why"]');
  assert.equal(why?.tagName, 'DETAILS');
  assert.deepEqual([...why!.querySelectorAll('li')].map((li) => li.textContent), STORY.why?.shared);
  // How close, in words: no decimal score for the reader.
  assert.match(text(why), /sure match: the page covers the same event/);
  assert.doesNotMatch(text(why), /0\.96|96/);
  await unmount(root);
  const opinion = await showStory({ ...STORY, why: { score: 0.62, shared: ['putin'], close: false } });
  assert.match(text(opinion.root.querySelector('[data-testid="why"]')), /looser match: the page reads as opinion or analysis/);
  await unmount(opinion.root);
  const plain = await showStory({ ...STORY, why: null });
  assert.equal(plain.root.querySelector('[data-testid="why"]'), null);
  await unmount(plain.root);
});

test('a link with a non-web scheme is shown as text', async () => {
  const hostile = { ...STORY, reports: [{ ...STORY.reports[1]!, url: 'javascript:alert(1)' }] };
  const { root } = await showStory(hostile);
  assert.equal(root.querySelector('[data-report] a'), null);
  await unmount(root);
});

test('no match and background failures are told, never a blank panel', async () => {
  const none = await mount(h(App, { call: fakeBackground({ 'sidebar/view': () => ({ kind: 'none', maybe: [] }) }).call }));
  assert.equal(text(none.querySelector('h1')), 'No stored story matches this page');
  await unmount(none);
  const failing = fakeBackground({ 'sidebar/view': () => Promise.reject(new Error('no tab')) });
  const error = await mount(h(App, { call: failing.call }));
  assert.ok(error.querySelector('[role="alert"]'));
  assert.match(text(error), /could not load.*no tab/i);
  await unmount(error);
});

test('search hits open their story, and Back returns to the results', async () => {
  const bg = fakeBackground({ 'sidebar/view': () => SEARCH_VIEW, 'sidebar/story': () => ({ ...STORY, why: null }) });
  const root = await mount(h(App, { call: bg.call }));
  assert.equal(text(root.querySelector('h1')), 'Related coverage for “Putin Anchorage meeting”');
  const hits = root.querySelectorAll('[data-testid="search-hits"] button');
  assert.equal(hits.length, 2);
  await click(hits[0]);
  // The story's letter step then reads the reader's place (settings/get): the story call comes first.
  assert.deepEqual(bg.calls.find((c) => c.type === 'sidebar/story'), { type: 'sidebar/story', payload: { storyId: STORY.id } });
  assert.equal(root.querySelectorAll('[data-report]').length, STORY.reports.length);
  await click(root.querySelector('button.back'));
  assert.equal(root.querySelectorAll('[data-testid="search-hits"] button').length, 2);
  assert.equal(document.activeElement, root.querySelector('[data-testid="search-hits"] button'));
  await unmount(root);
});

test('no match, with stories that came close: they are offered as unsure, open in place, and Back returns to them', async () => {
  const bg = fakeBackground({ 'sidebar/view': () => ({ kind: 'none', maybe: SEARCH_HITS }), 'sidebar/story': () => ({ ...STORY, why: null }) });
  const root = await mount(h(App, { call: bg.call }));
  assert.equal(text(root.querySelector('h1')), 'No stored story matches this page');
  assert.equal(text(root.querySelector('#maybe-title')), 'Maybe one of these stories');
  assert.match(text(root.querySelector('.maybe-note')), /not close enough for Storyline to be sure/);
  const offers = root.querySelectorAll('[data-testid="maybe-hits"] button');
  assert.equal(offers.length, SEARCH_HITS.length);
  await click(offers[0]);
  assert.deepEqual(bg.calls.find((c) => c.type === 'sidebar/story'), { type: 'sidebar/story', payload: { storyId: SEARCH_HITS[0]!.storyId } });
  assert.equal(root.querySelectorAll('[data-report]').length, STORY.reports.length);
  assert.equal(text(root.querySelector('button.back')), '←Back to the stories that came close');
  await click(root.querySelector('button.back'));
  assert.equal(document.activeElement, root.querySelector('[data-testid="maybe-hits"] button'));
  await unmount(root);

  // Nothing came close: the notice alone.
  const alone = await mount(h(App, { call: fakeBackground({ 'sidebar/view': () => ({ kind: 'none', maybe: [] }) }).call }));
  assert.equal(alone.querySelector('.maybe'), null);
  await unmount(alone);
});

test('a story offered for an unmatched page can be taken as its story; then the page shows it, and the answer can be taken back', async () => {
  const confirmed: SidebarView = { kind: 'story', story: { ...STORY, why: null, pageLink: 'confirmed' } };
  const bg = fakeBackground({
    'sidebar/view': () => ({ kind: 'none', maybe: SEARCH_HITS }),
    'sidebar/story': () => ({ ...STORY, why: null, pageLink: 'offered' }),
    'match/confirm': () => confirmed,
    'match/reject': () => ({ kind: 'none', maybe: [] }),
  });
  const root = await mount(h(App, { call: bg.call }));
  await click(root.querySelectorAll('[data-testid="maybe-hits"] button')[0]);
  const confirm = root.querySelector('[data-testid="confirm-story"]');
  assert.equal(text(confirm), 'This page is about this story');
  assert.match(text(root.querySelector('#confirm-story-hint')), /from now on/);
  await click(confirm);
  assert.deepEqual(bg.calls.find((c) => c.type === 'match/confirm'), { type: 'match/confirm', payload: { storyId: SEARCH_HITS[0]!.storyId } });
  // The page's story now: no way back to the list, the reader's answer said, with the way to take it back.
  assert.equal(root.querySelector('button.back'), null);
  assert.equal(root.querySelector('[data-testid="confirm-story"]'), null);
  assert.match(text(root.querySelector('[data-testid="confirmed-note"]')), /You said this page is about this story/);
  assert.match(text(root.querySelector('[data-testid="answer-notice"]')), /this page now shows this story/);
  await click(root.querySelector('[data-testid="confirmed-note"] [data-testid="not-this-story"]'));
  assert.equal(bg.calls.filter((c) => c.type === 'match/reject').length, 1);
  assert.equal(text(root.querySelector('h1')), 'No stored story matches this page');
  await unmount(root);

  // A page reading history made one of the story's reports when first read: said so, rejectable.
  const joined = await mount(h(App, { call: fakeBackground({ 'sidebar/view': () => ({ kind: 'story', story: { ...STORY, why: null, pageLink: 'joined' } }) }).call }));
  assert.match(text(joined.querySelector('[data-testid="joined-note"]')), /matched this page to this story when you first read it/);
  assert.ok(joined.querySelector('[data-testid="joined-note"] [data-testid="not-this-story"]'));
  await unmount(joined);

  // From "Find related coverage": a story the background says was offered for the page has the
  // button; one it does not, none.
  for (const pageLink of ['offered', undefined] as const) {
    const found = fakeBackground({ 'sidebar/view': () => SEARCH_VIEW, 'sidebar/story': () => ({ ...STORY, why: null, ...(pageLink ? { pageLink } : {}) }), 'match/confirm': () => confirmed });
    const search = await mount(h(App, { call: found.call }));
    await click(search.querySelectorAll('[data-testid="search-hits"] button')[0]);
    assert.equal(search.querySelectorAll('[data-testid="confirm-story"]').length, pageLink ? 1 : 0);
    if (pageLink) {
      await click(search.querySelector('[data-testid="confirm-story"]'));
      assert.ok(search.querySelector('[data-testid="confirmed-note"]'));
    }
    await unmount(search);
  }
});

test('"Not this story" that brings the runner-up: a fresh story page, its own answer ready, the focus on its title', async () => {
  const runnerUp: SidebarView = { kind: 'story', story: { ...STORY, id: 'runner-up', title: 'The runner-up story' } };
  const root = await mount(h(App, { call: fakeBackground({ 'sidebar/view': () => ({ kind: 'story', story: STORY }), 'match/reject': () => runnerUp }).call }));
  const first = root.querySelector<HTMLButtonElement>('[data-testid="not-this-story"]')!;
  first.focus();
  // jsdom says the document lost the focus once the focused button is gone; a browser's frame keeps it.
  const hasFocus = document.hasFocus;
  document.hasFocus = () => true;
  try {
    await click(first);
  } finally {
    document.hasFocus = hasFocus;
  }
  assert.equal(text(root.querySelector('h1[data-testid="story-title"]')), 'The runner-up story');
  const again = root.querySelector<HTMLButtonElement>('[data-testid="not-this-story"]')!;
  assert.equal(again.disabled, false, 'the new story can be refused too');
  assert.equal(document.activeElement, root.querySelector('h1[data-testid="story-title"]'));
  await unmount(root);
});

test('on a page in a private window the sidebar says what is kept there, and the answers that they hold until the page is loaded again', async () => {
  // A story matched by the engine: "Not this story" under "Why this match".
  const matched = (privatePage: boolean): SidebarView => ({ kind: 'story', story: { ...STORY, ...(privatePage ? { privatePage: true } : {}) } });
  for (const privatePage of [false, true]) {
    const root = await mount(h(App, { call: fakeBackground({ 'sidebar/view': () => matched(privatePage), 'match/reject': () => ({ kind: 'none', maybe: [] }) }).call }));
    // Before anything the reader could do: what a private window keeps, and what it does not.
    const note = root.querySelector('[data-testid="private-note"]');
    if (privatePage) assert.match(text(note), /^Private window: nothing about this page is kept\. What you do to the story itself \(following it, ticking its steps, filing it\) is kept/);
    else assert.equal(note, null);
    const hint = text(root.querySelector('#not-this-story-hint'));
    if (privatePage) assert.match(hint, /private window Storyline saves nothing about the page: it will not match this page to this story until the page is loaded again/);
    else assert.equal(hint, 'Storyline will not match this page to this story again.');
    await click(root.querySelector('[data-testid="not-this-story"]'));
    const notice = text(root.querySelector('[data-testid="answer-notice"]'));
    assert.match(notice, privatePage ? /until it is loaded again \(nothing about a page is saved in a private window\)/ : /will not be matched to that story again\.$/);
    await unmount(root);
  }
  // An offered story, and the page the reader's word made the story's.
  const offered = await mount(h(App, { call: fakeBackground({ 'sidebar/view': () => ({ kind: 'story', story: { ...STORY, why: null, pageLink: 'offered', privatePage: true } }) }).call }));
  assert.match(text(offered.querySelector('#confirm-story-hint')), /saves nothing about the page: it will show this story on this page until the page is loaded again/);
  await unmount(offered);
  const confirmed = await mount(h(App, { call: fakeBackground({ 'sidebar/view': () => ({ kind: 'story', story: { ...STORY, why: null, pageLink: 'confirmed', privatePage: true } }) }).call }));
  assert.match(text(confirmed.querySelector('[data-testid="confirmed-note"] #not-this-story-hint')), /saves nothing/);
  await unmount(confirmed);
});

test('a search without hits says so', async () => {
  const bg = fakeBackground({ 'sidebar/view': () => ({ ...SEARCH_VIEW, hits: [] }) as SidebarView });
  const root = await mount(h(App, { call: bg.call }));
  assert.equal(root.querySelector('[data-testid="search-hits"]'), null);
  assert.match(text(root), /No stored story matches this text/);
  await unmount(root);
});

test('the close button and Esc both ask the background to close', async () => {
  const { root, bg } = await showStory();
  await click(root.querySelector('[data-testid="close"]'));
  assert.equal(root.querySelector('[data-testid="close"]')?.getAttribute('aria-label'), 'Close Storyline');
  await key(document, 'Escape');
  assert.deepEqual(
    bg.calls.filter((c) => c.type === 'sidebar/close').length,
    2,
  );
  await unmount(root);
});

test('a letter template is filled in field by field and the mail link carries the letter', async () => {
  const { root } = await showStory();
  const letter = root.querySelector<HTMLDetailsElement>('[data-testid="letter"]');
  assert.ok(letter, 'the fixture story has a letter template');
  const inputs = [...letter.querySelectorAll<HTMLInputElement>('input[type="text"]')];
  assert.ok(inputs.length >= 1);
  const first = inputs[0]!;
  first.value = 'Ana Example';
  first.dispatchEvent(new first.ownerDocument.defaultView!.Event('input', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.match(text(letter.querySelector('[data-testid="letter-body"]')), /Ana Example/);
  const mail = letter.querySelector<HTMLAnchorElement>('a[href^="mailto:"]');
  assert.match(decodeURIComponent(mail?.getAttribute('href') ?? ''), /Ana Example/);
  await unmount(root);
});

test('coverage shows every outlet’s headline side by side and a timeline of the dated reports', async () => {
  const { root } = await showStory();
  const spread = root.querySelectorAll('[data-testid="headline-spread"] .spread-row');
  assert.equal(spread.length, STORY.reports.length);
  const dots = root.querySelectorAll('[data-testid="coverage-chart"] circle');
  assert.equal(dots.length, STORY.reports.filter((r) => r.published).length);
  assert.equal(root.querySelectorAll('[data-testid="coverage-chart"] circle.is-current').length, 1);
  // Counted as the launcher counts: the reports other than the page, the page said apart.
  assert.equal(text(root.querySelector('[data-section="coverage"] .section-aside')), `This page and ${STORY.reports.length - 1} other reports`);
  await unmount(root);
});

test('"Follow story" is a toggle the background keeps; new reports and outlet facts are shown', async () => {
  const [first, ...rest] = STORY.reports;
  assert.ok(first);
  const story: StoryView = {
    ...STORY,
    following: false,
    reports: [{ ...first, fresh: true, outlet: { country: 'AU', owner: 'Seven West Media' } }, ...rest],
  };
  const bg = fakeBackground({ 'sidebar/view': () => storyView(story), 'story/follow': () => null });
  const root = await mount(h(App, { call: bg.call }));
  const button = root.querySelector<HTMLButtonElement>('[data-testid="follow"]');
  assert.equal(button?.getAttribute('aria-pressed'), 'false');
  await click(button);
  assert.deepEqual(bg.calls.at(-1), { type: 'story/follow', payload: { storyId: STORY.id, follow: true } });
  assert.equal(button?.getAttribute('aria-pressed'), 'true');
  assert.match(text(root.querySelector('.follow-status')), /Following this story/);

  const report = root.querySelector(`[data-report="${first.id}"]`);
  assert.equal(text(report?.querySelector('[data-fresh]')), 'New');
  assert.deepEqual(
    [...(report?.querySelectorAll('.outlet-facts li') ?? [])].map((li) => text(li)),
    ['Country: Australia', 'Owner: Seven West Media'],
  );
  assert.equal(root.querySelectorAll('[data-fresh]').length, 1);
  await unmount(root);
});

test('a story merged into another while it was shown: the refused act asks for the view again, which shows the story that took it', async () => {
  let merged = false;
  const bg = fakeBackground({
    'sidebar/view': () => storyView(merged ? { ...STORY, id: 'feeds/took-it', title: 'The story that took it', following: true } : { ...STORY, following: true }),
    'story/follow': () => {
      merged = true;
      throw new CallRefused('not-found', STORY_GONE);
    },
  });
  const listeners = new Set<(change: ViewChange) => void>();
  const subscribe = (listener: (change: ViewChange) => void): (() => void) => (listeners.add(listener), () => void listeners.delete(listener));
  const root = await mount(h(App, { call: bg.call, subscribe }));
  const views = () => bg.calls.filter((c) => c.type === 'sidebar/view').length;
  assert.equal(views(), 1);
  await click(root.querySelector('[data-testid="follow"]'));
  await settle();
  assert.equal(views(), 2, 'asked again');
  assert.equal(text(root.querySelector('h1[data-testid="story-title"]')), 'The story that took it');
  assert.equal(root.querySelector('[data-testid="follow"]')?.getAttribute('aria-pressed'), 'true', 'still followed: the merge carried it');
  assert.equal(text(root.querySelector('.follow-status')), '', 'no failure said of the story that took it');
  const said = /This story changed or is no longer stored \(a refresh may have joined it to another\), so nothing was saved/;
  assert.match(text(root), said);
  // The tab's match written again (the change that took the story) comes right after: the notice stays.
  await act(() => listeners.forEach((listener) => listener('state')));
  await settle();
  assert.match(text(root), said);
  await act(() => listeners.forEach((listener) => listener('tab')));
  await settle();
  assert.doesNotMatch(text(root), said);
  await unmount(root);
});

test('in the side panel, the view follows the panel\'s tab and Esc leaves the panel open', async () => {
  let title = 'First story';
  const bg = fakeBackground({ 'sidebar/view': () => storyView({ ...STORY, title }), 'sidebar/close': () => null });
  const listeners = new Set<(change: ViewChange) => void>();
  let closed = 0;
  const panel = {
    subscribe: (listener: (change: ViewChange) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      closed++;
      return Promise.resolve();
    },
  };
  const root = await mount(h(App, { call: bg.call, subscribe: panel.subscribe, panel }));
  assert.equal(text(root.querySelector('h1[data-testid="story-title"]')), 'First story');
  title = 'Second story';
  for (const listener of listeners) listener('tab');
  await settle();
  assert.equal(text(root.querySelector('h1[data-testid="story-title"]')), 'Second story');
  await key(document.body, 'Escape');
  assert.equal(closed, 0);
  await click(root.querySelector('[data-testid="close"]'));
  assert.equal(closed, 1);
  assert.equal(bg.calls.at(-1)?.type, 'sidebar/close');
  await unmount(root);
});

/** A sidebar whose views answer when the test says, and the listeners it subscribes. */
function pendingViews() {
  const answers: ((view: SidebarView) => void)[] = [];
  const call = ((type: string) =>
    type === 'sidebar/view' ? new Promise<SidebarView>((resolve) => answers.push(resolve)) : Promise.reject(new Error(type))) as unknown as Parameters<typeof App>[0]['call'];
  const listeners = new Set<(change: ViewChange) => void>();
  const subscribe = (listener: (change: ViewChange) => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return { answers, call, listeners, subscribe };
}

test('views asked for in quick succession: the latest question\'s answer is shown, whatever order they come in', async () => {
  // The panel's tab switched twice: the first tab's view answers after the second's.
  const { answers, call, listeners, subscribe } = pendingViews();
  const root = await mount(h(App, { call, subscribe }));
  answers[0]!({ kind: 'story', story: { ...STORY, title: 'Before any change' } });
  await settle();
  for (const listener of listeners) listener('tab');
  for (const listener of listeners) listener('tab');
  assert.equal(answers.length, 3);
  answers[2]!({ kind: 'story', story: { ...STORY, title: 'Second tab' } });
  await settle();
  answers[1]!({ kind: 'story', story: { ...STORY, title: 'First tab' } });
  await settle();
  assert.equal(text(root.querySelector('h1[data-testid="story-title"]')), 'Second tab');
  await unmount(root);
});

test('state changes heard while a view is on its way are asked about once after it: a hundred, two questions', async () => {
  const { answers, call, listeners, subscribe } = pendingViews();
  const root = await mount(h(App, { call, subscribe }));
  answers[0]!({ kind: 'story', story: { ...STORY, title: 'Before any change' } });
  await settle();
  for (let i = 0; i < 100; i++) for (const listener of listeners) listener('state');
  assert.equal(answers.length, 2, 'one question on its way');
  answers[1]!({ kind: 'story', story: { ...STORY, title: 'Changed' } });
  await settle();
  assert.equal(answers.length, 3, 'then one more for what changed meanwhile');
  answers[2]!({ kind: 'story', story: { ...STORY, title: 'Changed again' } });
  await settle();
  assert.equal(answers.length, 3);
  assert.equal(text(root.querySelector('h1[data-testid="story-title"]')), 'Changed again');
  await unmount(root);
});

test('in the side panel, the acknowledgement of an answer outlasts the reload its own write brings, not a change of view', async () => {
  let view: SidebarView = { kind: 'story', story: { ...STORY, why: null, pageLink: 'offered' } };
  const confirmed: SidebarView = { kind: 'story', story: { ...STORY, why: null, pageLink: 'confirmed' } };
  const bg = fakeBackground({ 'sidebar/view': () => view, 'match/confirm': () => confirmed });
  const listeners = new Set<(change: ViewChange) => void>();
  const panel = {
    subscribe: (listener: (change: ViewChange) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => Promise.resolve(),
  };
  const root = await mount(h(App, { call: bg.call, subscribe: panel.subscribe, panel }));
  await click(root.querySelector('[data-testid="confirm-story"]'));
  const notice = (): string => text(root.querySelector('[data-testid="answer-notice"]'));
  assert.match(notice(), /now shows this story/);
  // The background wrote the tab's state: the panel reloads the same story, and the notice stays.
  view = confirmed;
  for (const listener of listeners) listener('state');
  await settle();
  assert.match(notice(), /now shows this story/);
  // Another tab, another view: the notice goes.
  view = { kind: 'none', maybe: [] };
  for (const listener of listeners) listener('tab');
  await settle();
  assert.equal(notice(), '');
  await unmount(root);
});

test('opinions and action steps carry data-opinion and data-action; an opinion shows its byline and links its headline', async () => {
  const { root } = await showStory();
  assert.deepEqual([...root.querySelectorAll('[data-section="opinions"] [data-opinion]')].map((o) => o.getAttribute('data-opinion')), STORY.opinions.map((o) => o.id));
  assert.deepEqual([...root.querySelectorAll('[data-section="actions"] [data-action]')].map((a) => a.getAttribute('data-action')), STORY.actions.map((a) => a.id));
  const first = root.querySelector('[data-opinion="o-1"]')!;
  assert.equal(first.querySelector('h3 a')?.getAttribute('href'), STORY.opinions[0]!.url);
  assert.ok(text(first).includes('A. Columnist, Example Review'));
  // Each summary's disclosure is named for its piece, not just "Summary".
  const summaries = [...root.querySelectorAll('[data-section="opinions"] details > summary')];
  assert.ok(summaries.length > 0);
  for (const summary of summaries) assert.match(summary.getAttribute('aria-label') ?? '', /^Summary of “.+”$/);
  await unmount(root);
});

test('an assembled summary shows each sentence with its outlet\'s credit', async () => {
  const parts = [
    { text: 'The leaders met for three hours near Anchorage.', source: 'Northwind Wire' },
    { text: 'No ceasefire was announced.', source: 'The Courier' },
  ];
  const { root } = await showStory({ ...STORY, summary: parts.map((p) => p.text).join(' '), summaryParts: parts });
  const items = [...root.querySelectorAll('.story-header [data-summary-source]')];
  assert.deepEqual(items.map((i) => i.getAttribute('data-summary-source')), ['Northwind Wire', 'The Courier']);
  assert.deepEqual(items.map((i) => text(i.querySelector('cite'))), ['— Northwind Wire', '— The Courier']);
  assert.ok(text(items[0]!).startsWith(parts[0]!.text));
  await unmount(root);
});

test('a story given no category offers the closest ones; the reader files it, sees its steps, and can undo every step of that', async () => {
  const options = [
    { id: 'civic/economy', name: 'Economy and jobs' },
    { id: 'civic/labor', name: 'Labor and workers' },
    { id: 'civic/world', name: 'World news' },
  ];
  const unsure: StoryView = {
    ...STORY,
    categories: [],
    categoryChoice: { byReader: false, suggested: [{ id: 'civic/economy', name: 'Economy and jobs', why: ['union', 'strike'] }], options },
    actions: [],
  };
  const step = (categoryId: string, name: string) => ({ id: `${categoryId}#learn`, kind: 'learn' as const, title: `Learn about ${name}`, details: 'Primary sources.', done: false, fromCategory: name });
  // The background answers what it stored: the chosen categories, each with its step.
  const bg = fakeBackground({
    'sidebar/view': () => storyView(unsure),
    'sidebar/close': () => null,
    'story/set-categories': ({ categories }) => {
      const chosen = categories === null ? [] : options.filter((o) => categories.includes(o.id));
      return {
        categories: chosen,
        categoryChoice: categories === null ? unsure.categoryChoice! : { byReader: true, suggested: [], options },
        actions: chosen.map((c) => step(c.id, c.name)),
      };
    },
  });
  const root = await mount(h(App, { call: bg.call }));
  const section = () => root.querySelector('[data-section="categories"]');
  const filed = () => [...(section()?.querySelectorAll('[data-category]') ?? [])].map((li) => li.getAttribute('data-category'));
  const steps = () => [...root.querySelectorAll('[data-section="actions"] [data-action]')].map((el) => el.getAttribute('data-action'));

  // Offered, not given: no category, no step, and the offer says it is unsure and why.
  assert.deepEqual(filed(), []);
  assert.match(text(section()), /not sure/);
  const offer = section()?.querySelector('[data-suggested-category="civic/economy"]');
  assert.equal(text(offer?.querySelector('[data-testid="category-why"]')), 'Why: union, strike');
  assert.equal(offer?.querySelector('[data-testid="category-add"]')?.getAttribute('aria-label'), 'Add the category Economy and jobs');
  assert.deepEqual(steps(), []);
  // The empty checklist says where steps come from and leads to the list of categories.
  assert.match(text(root.querySelector('[data-section="actions"] .empty')), /File this story under one to see its steps/);
  await click(root.querySelector('[data-testid="actions-choose-category"]'));
  assert.equal(document.activeElement, section()?.querySelector('[data-testid="category-pick"]'));
  // …and offers the closest category where the reader looks for steps, filed there in one press.
  const closest = root.querySelector('[data-section="actions"] .actions-closest');
  assert.match(text(closest), /^This story comes closest to “Economy and jobs”\. File it there$/);

  await click(closest?.querySelector('[data-testid="actions-file-closest"]'));
  assert.deepEqual(bg.calls.at(-1), { type: 'story/set-categories', payload: { storyId: STORY.id, categories: ['civic/economy'] } });
  assert.deepEqual(filed(), ['civic/economy']);
  assert.deepEqual(steps(), ['civic/economy#learn']);
  assert.equal(root.querySelector('[data-section="actions"] .actions-closest'), null, 'filed: its steps instead');
  assert.equal(text(section()?.querySelector('.section-aside')), 'Chosen by you');
  assert.equal(text(section()?.querySelector('[role="status"]')), 'Categories saved: Economy and jobs.');

  // The list offers the categories the story is not filed under; "File it" waits for a choice.
  const select = section()?.querySelector<HTMLSelectElement>('[data-testid="category-pick"]');
  assert.deepEqual([...(select?.options ?? [])].map((o) => o.value), ['', 'civic/labor', 'civic/world']);
  const fileIt = () => section()?.querySelector<HTMLButtonElement>('[data-testid="category-pick-add"]');
  assert.equal(fileIt()?.disabled, true);
  await act(() => {
    select!.value = 'civic/labor';
    select!.dispatchEvent(new Event('change', { bubbles: true }));
  });
  assert.equal(fileIt()?.disabled, false);
  await click(fileIt());
  assert.deepEqual(bg.calls.at(-1)?.payload, { storyId: STORY.id, categories: ['civic/economy', 'civic/labor'] });
  assert.deepEqual(filed(), ['civic/economy', 'civic/labor']);
  assert.deepEqual(steps(), ['civic/economy#learn', 'civic/labor#learn']);

  // Remove one; then let Storyline choose again, which brings the offer back.
  const remove = section()?.querySelector('[data-category="civic/economy"] [data-testid="category-remove"]');
  assert.equal(remove?.getAttribute('aria-label'), 'Remove the category Economy and jobs from this story');
  (remove as HTMLButtonElement).focus();
  await click(remove);
  assert.deepEqual(bg.calls.at(-1)?.payload, { storyId: STORY.id, categories: ['civic/labor'] });
  assert.deepEqual(filed(), ['civic/labor']);
  assert.equal(document.activeElement, section()?.querySelector('[data-testid="category-pick"]'), 'focus does not fall to the page when its button goes');
  await click(section()?.querySelector('[data-testid="categories-reset"]'));
  assert.deepEqual(bg.calls.at(-1)?.payload, { storyId: STORY.id, categories: null });
  assert.deepEqual(filed(), []);
  assert.ok(section()?.querySelector('[data-suggested-category="civic/economy"]'));
  await unmount(root);
});

test('a failed filing changes nothing and says so; a curated story offers no filing', async () => {
  const story: StoryView = { ...STORY, categories: [], categoryChoice: { byReader: false, suggested: [{ id: 'civic/world', name: 'World news' }], options: [{ id: 'civic/world', name: 'World news' }] }, actions: [] };
  const bg = fakeBackground({ 'sidebar/view': () => storyView(story), 'story/set-categories': () => Promise.reject(new Error('storage full')) });
  const root = await mount(h(App, { call: bg.call }));
  await click(root.querySelector('[data-testid="category-add"]'));
  assert.equal(root.querySelector('[data-section="categories"] [data-category]'), null);
  assert.equal(text(root.querySelector('[data-section="categories"] .status-line')), 'The categories could not be saved. Try again.');
  await unmount(root);

  const curated = await showStory();
  const section = curated.root.querySelector('[data-section="categories"]');
  for (const control of ['category-remove', 'category-add', 'category-pick', 'categories-reset']) {
    assert.equal(section?.querySelector(`[data-testid="${control}"]`), null, control);
  }
  await unmount(curated.root);
});

test('a story without opinions says where they would come from: the reader’s opinion sources, or the way to add some', async () => {
  const shown = async (opinionSources: number | undefined) => {
    const { root } = await showStory({ ...STORY, opinions: [], ...(opinionSources === undefined ? {} : { opinionSources }) });
    const section = root.querySelector('[data-section="opinions"]');
    const out = { text: text(section?.querySelector('.empty')), link: section?.querySelector<HTMLAnchorElement>('[data-testid="opinions-choose-sources"]')?.getAttribute('href') ?? null };
    await unmount(root);
    return out;
  };
  assert.deepEqual(await shown(undefined), { text: 'No opinions are stored for this story.', link: null });
  assert.deepEqual(await shown(6), { text: 'None of your 6 opinion sources has a column on this story yet.', link: null });
  assert.equal((await shown(1)).text, 'Your 1 opinion source has no column on this story yet.');
  const none = await shown(0);
  assert.match(none.text, /you follow none\. Choose news sources/);
  assert.equal(none.link, 'welcome.html');
});

test('on a column of the story, its Opinions section says the page is one, not that there is none', async () => {
  const column = STORY.reports.map((r, i) => (i === 0 ? { ...r, current: true, kind: 'opinion' as const } : { ...r, current: false }));
  const shown = async (opinionSources: number | undefined) => {
    const { root } = await showStory({ ...STORY, reports: column, opinions: [], ...(opinionSources === undefined ? {} : { opinionSources }) });
    const out = text(root.querySelector('[data-section="opinions"] .empty'));
    await unmount(root);
    return out;
  };
  assert.equal(await shown(6), 'This page is an opinion or analysis piece on this story; none of your 6 opinion sources has another on it yet.');
  assert.equal(await shown(1), 'This page is an opinion or analysis piece on this story; your 1 opinion source has no other on it yet.');
  assert.equal(await shown(undefined), 'This page is an opinion or analysis piece on this story; no other is stored for it.');
  assert.match(await shown(0), /^This page is an opinion or analysis piece on this story\. More come from the opinion sections of your news sources, and you follow none\. Choose news sources/);
});

/** A sidebar's link to what it shows: `fire` says its tab's state changed, or that it follows another tab. */
function viewChanges() {
  const listeners = new Set<(change: ViewChange) => void>();
  return {
    subscribe: (listener: (change: ViewChange) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    fire: async (change: ViewChange) => {
      listeners.forEach((listener) => listener(change));
      await settle();
    },
  };
}

test('a new search replaces a story opened from the previous search’s results', async () => {
  let view: SidebarView = SEARCH_VIEW;
  const bg = fakeBackground({ 'sidebar/view': () => view, 'sidebar/story': () => ({ ...STORY, why: null }), 'settings/get': () => ({}) as never });
  const link = viewChanges();
  const root = await mount(h(App, { call: bg.call, subscribe: link.subscribe }));
  await click(root.querySelectorAll('[data-testid="search-hits"] button')[0]);
  assert.equal(text(root.querySelector('h1[data-testid="story-title"]')), STORY.title);
  // "Find related coverage" on other text: the content script tells the frame to ask again.
  view = { kind: 'search', query: 'Central bank rates', source: 'selection', hits: [SEARCH_HITS[1]!] };
  await link.fire('state');
  assert.equal(text(root.querySelector('h1')), 'Related coverage for “Central bank rates”');
  // The same search written again (the tab's state rewritten) keeps a story opened from it.
  await click(root.querySelectorAll('[data-testid="search-hits"] button')[0]);
  await link.fire('state');
  assert.equal(text(root.querySelector('h1[data-testid="story-title"]')), STORY.title);
  await unmount(root);
});

test('side panel: another tab with no match does not show the story opened from the first tab’s “maybe related”', async () => {
  let view: SidebarView = { kind: 'none', maybe: SEARCH_HITS };
  const bg = fakeBackground({ 'sidebar/view': () => view, 'sidebar/story': () => ({ ...STORY, why: null, pageLink: 'offered' }), 'settings/get': () => ({}) as never });
  const link = viewChanges();
  const root = await mount(h(App, { call: bg.call, subscribe: link.subscribe, panel: { close: () => Promise.resolve() } }));
  await click(root.querySelectorAll('[data-testid="maybe-hits"] button')[0]);
  assert.ok(root.querySelector('[data-testid="confirm-story"]'));
  view = { kind: 'none', maybe: [] };
  await link.fire('tab');
  assert.equal(text(root.querySelector('h1')), 'No stored story matches this page');
  assert.equal(root.querySelector('[data-testid="confirm-story"]'), null, 'no answer offered about the other tab’s page');
  await unmount(root);
});

test('side panel: an answer given on one tab that comes back after a switch leaves the other tab’s view alone', async () => {
  let view: SidebarView = { kind: 'story', story: { ...STORY, title: 'Tab A story' } };
  let answer: (view: SidebarView) => void = () => undefined;
  const call = ((type: string) => {
    if (type === 'sidebar/view') return Promise.resolve(view);
    if (type === 'match/reject') return new Promise<SidebarView>((resolve) => (answer = resolve));
    if (type === 'settings/get') return Promise.resolve({});
    return Promise.reject(new Error(type));
  }) as unknown as Parameters<typeof App>[0]['call'];
  const link = viewChanges();
  const root = await mount(h(App, { call, subscribe: link.subscribe, panel: { close: () => Promise.resolve() } }));
  await click(root.querySelector('[data-testid="not-this-story"]'));
  view = { kind: 'story', story: { ...STORY, id: 'tab-b-story', title: 'Tab B story' } };
  await link.fire('tab');
  assert.equal(text(root.querySelector('h1[data-testid="story-title"]')), 'Tab B story');
  answer({ kind: 'story', story: { ...STORY, id: 'tab-a-runner-up', title: 'Tab A runner-up' } });
  await settle();
  assert.equal(text(root.querySelector('h1[data-testid="story-title"]')), 'Tab B story');
  assert.equal(text(root.querySelector('[data-testid="answer-notice"]')), '');
  await unmount(root);
});

test("another country's steps held back are said, shown in their groups on request, and hidden again", async () => {
  const { root } = await showStory(ABROAD_STORY);
  const actions = root.querySelector('[data-section="actions"]');
  const held = ABROAD_STORY.heldBack!.actions;
  const note = actions?.querySelector('[data-testid="actions-held-back"]');
  assert.equal(text(note), `${held.length} steps are held back: they are for readers in the United States, and this story is about France. Show them`);
  const shownIds = () => [...(actions?.querySelectorAll('.action') ?? [])].map((el) => el.closest('li')?.getAttribute('data-action') ?? el.id);
  const before = shownIds().length;
  assert.equal(text(actions?.querySelector('[data-testid="action-progress"]')), `0 of ${ABROAD_STORY.actions.length} done`);
  assert.equal(actions?.textContent?.includes('Vote.gov'), false);

  const button = note?.querySelector('button');
  assert.equal(button?.getAttribute('aria-expanded'), 'false');
  (button as HTMLButtonElement).focus();
  await click(button);
  assert.equal(shownIds().length, before + held.length);
  assert.equal(text(actions?.querySelector('[data-testid="action-progress"]')), `0 of ${ABROAD_STORY.actions.length + held.length} done`);
  // The elections group, all of whose steps were held back, is there and open.
  const elections = [...(actions?.querySelectorAll('.group-toggle') ?? [])].find((b) => text(b).includes('Elections and voting'));
  assert.equal(elections?.getAttribute('aria-expanded'), 'true');
  assert.equal(text(note), `${held.length} steps for readers in the United States are shown above. Hide them`);
  assert.equal(document.activeElement, button, 'the focus stays on the button, its words changed');
  assert.equal(button?.getAttribute('aria-expanded'), 'true');

  await click(button);
  assert.equal(shownIds().length, before);
  await unmount(root);
});
