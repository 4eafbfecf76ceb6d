// A button the reader pressed keeps the focus while its work is under way. Chromium drops the focus
// of a control that becomes `disabled` to the page's body, and leaves it there once the control is
// enabled again, so a busy button is marked aria-disabled="true" instead (src/ui/busy-button.tsx),
// and a second press (or Enter in its form) meanwhile sends nothing. jsdom keeps the focus on a
// disabled button by itself, so these check the attributes as well as the focus, and the calls.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { cleanup, click, document, mount, settle } from './dom';
import { fakeBackground } from './fake-background';
import { POPUP_STORY, sourcesState, STORY } from './fixtures';
import { App as SidebarApp } from '../../../src/sidebar/App';
import { PlaceForm, type PlaceChange } from '../../../src/ui/place-form';
import { HistorySection } from '../../../src/options/components/HistorySection';
import { FeedsSection } from '../../../src/options/components/FeedsSection';
import type { OptionsPlatform } from '../../../src/options/platform';
import { RefreshInterval } from '../../../src/options/components/RefreshInterval';
import { DataSection } from '../../../src/options/components/DataSection';
import { CurrentStory } from '../../../src/popup/components/CurrentStory';
import type { PopupDeps } from '../../../src/popup/deps';
import type { ReaderData } from '../../../src/formats/reader-data';
import type { DiscoveryView, SidebarView, StoryCategoriesView, StoryView } from '../../../src/contracts/views';
import type { SourcePrefs } from '../../../src/formats/source-prefs';

afterEach(cleanup);

/** A promise answered when the test says so: the call stays under way until then. */
function later<T>(): { promise: Promise<T>; answer(value: T): void } {
  let answer!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (answer = resolve));
  return { promise, answer };
}

/** Busy as the reader meets it: focused, marked unavailable, not disabled (which loses the focus in Chromium). */
function assertBusy(button: HTMLButtonElement, what: string): void {
  assert.equal(document.activeElement, button, `${what}: the focus stays on it`);
  assert.equal(button.hasAttribute('disabled'), false, `${what}: not disabled while busy`);
  assert.equal(button.getAttribute('aria-disabled'), 'true', `${what}: marked unavailable while busy`);
}

function assertDone(button: HTMLButtonElement, what: string): void {
  assert.equal(document.activeElement, button, `${what}: the focus is still on it`);
  assert.equal(button.hasAttribute('disabled'), false, `${what}: not disabled`);
  assert.equal(button.hasAttribute('aria-disabled'), false, `${what}: available again`);
}

/** The reader presses it: focus on it, then a click (Enter and Space on a button are clicks). */
async function press(button: HTMLButtonElement): Promise<void> {
  button.focus();
  await click(button);
}

async function submit(form: HTMLFormElement | null | undefined): Promise<void> {
  await act(() => {
    form!.dispatchEvent(new document.defaultView!.Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

test('sidebar: "Follow story" keeps the focus while the background follows it, and is sent once', async () => {
  const pending = later<null>();
  const view: SidebarView = { kind: 'story', story: { ...STORY, following: false } };
  const bg = fakeBackground({ 'sidebar/view': () => view, 'story/follow': () => pending.promise });
  const root = await mount(h(SidebarApp, { call: bg.call }));
  const follow = root.querySelector<HTMLButtonElement>('[data-testid="follow"]')!;
  const follows = () => bg.calls.filter((c) => c.type === 'story/follow').length;

  await press(follow);
  assertBusy(follow, 'Follow story');
  await click(follow);
  assert.equal(follows(), 1, 'a second press while busy sends nothing');

  await act(() => pending.answer(null));
  await settle();
  assertDone(follow, 'Follow story');
  assert.equal(follow.getAttribute('aria-pressed'), 'true');
  assert.equal(follows(), 1);
});

test('place form: "Save" keeps the focus while saving; a second press or Enter meanwhile saves nothing', async () => {
  const pending = later<undefined>();
  const saves: PlaceChange[] = [];
  const save = (change: PlaceChange): Promise<void> => {
    saves.push(change);
    return pending.promise;
  };
  const root = await mount(h(PlaceForm, { places: [], place: null, readerName: '', save }));
  const button = root.querySelector<HTMLButtonElement>('[data-testid="place-form"] button[type="submit"]')!;

  await press(button);
  assert.equal(saves.length, 1);
  assertBusy(button, 'Save');
  await click(button);
  await submit(button.form);
  assert.equal(saves.length, 1, 'neither a second press nor Enter in a field saves again while busy');

  await act(() => pending.answer(undefined));
  await settle();
  assertDone(button, 'Save');
  assert.match(root.querySelector('.place-status')?.textContent ?? '', /\S/, 'the save is said');
});

test('options: the history days\' "Save" keeps the focus while saving, and Enter meanwhile sends nothing', async () => {
  const pending = later<SourcePrefs>();
  const bg = fakeBackground({ 'sources/prefs': () => pending.promise });
  const prefs: SourcePrefs = { refreshHours: 6, retentionDays: 90, feedRetentionDays: 30 };
  const root = await mount(
    h(HistorySection, { history: [], total: 0, answers: 0, answersAway: [], prefs, recording: true, update: async () => undefined, call: bg.call, changed: () => undefined }),
  );
  const field = root.querySelector<HTMLInputElement>('#history-days')!;
  const button = field.form!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const saves = () => bg.calls.filter((c) => c.type === 'sources/prefs').length;

  await press(button);
  assert.equal(saves(), 1);
  assertBusy(button, 'Save (days kept)');
  await click(button);
  await submit(field.form);
  assert.equal(saves(), 1, 'neither a second press nor Enter in the field saves again while busy');

  await act(() => pending.answer(prefs));
  await settle();
  assertDone(button, 'Save (days kept)');
  assert.equal(saves(), 1);
});

test('options: "Find feeds on the current tab" keeps the focus while it looks, and is sent once', async () => {
  const pending = later<DiscoveryView>();
  const bg = fakeBackground({ 'feed/discover': () => pending.promise });
  const platform: OptionsPlatform = {
    requestAccess: async () => true,
    onImportProgress: () => () => undefined,
    onSourcesChanged: () => () => undefined,
    onSettingsChanged: () => () => undefined,
  };
  const state = sourcesState();
  const root = await mount(h(FeedsSection, { feeds: [], store: state.feedStore, windowDays: 30, refreshHours: 6, scheduled: true, call: bg.call, platform, changed: () => undefined }));
  const button = [...root.querySelectorAll<HTMLButtonElement>('.inline-form button[type="button"]')].find((b) => /find/i.test(b.textContent ?? ''))!;
  assert.ok(button, 'the find button is there');
  const finds = () => bg.calls.filter((c) => c.type === 'feed/discover').length;

  await press(button);
  assertBusy(button, 'Find feeds');
  await click(button);
  assert.equal(finds(), 1, 'a second press while busy sends nothing');

  await act(() => pending.answer({ pageTitle: 'News', pageUrl: 'https://news.example/', feeds: [] }));
  await settle();
  assertDone(button, 'Find feeds');
});

test('sidebar: "File it" keeps the focus and the choice while filing; a failure leaves both, a success moves on to the list', async () => {
  const options = [
    { id: 'civic/labor', name: 'Labor and workers' },
    { id: 'civic/world', name: 'World news' },
  ];
  const story: StoryView = { ...STORY, categories: [], categoryChoice: { byReader: false, suggested: [], options }, actions: [] };
  let pending = later<StoryCategoriesView | null>();
  const bg = fakeBackground({
    'sidebar/view': () => ({ kind: 'story', story }),
    'story/set-categories': async () => {
      const part = await pending.promise;
      if (!part) throw new Error('not saved');
      return part;
    },
  });
  const root = await mount(h(SidebarApp, { call: bg.call }));
  const select = root.querySelector<HTMLSelectElement>('[data-testid="category-pick"]')!;
  const fileIt = () => root.querySelector<HTMLButtonElement>('[data-testid="category-pick-add"]')!;
  const sent = () => bg.calls.filter((c) => c.type === 'story/set-categories').length;
  // Nothing chosen: nothing to do, and disabled for that.
  assert.equal(fileIt().disabled, true);
  await act(() => {
    select.value = 'civic/labor';
    select.dispatchEvent(new document.defaultView!.Event('change', { bubbles: true }));
  });

  await press(fileIt());
  assertBusy(fileIt(), 'File it');
  assert.equal(select.value, 'civic/labor', 'the choice stays while it is filed');
  await submit(select.form);
  assert.equal(sent(), 1, 'Enter in the list while busy files nothing more');

  // Not saved: the choice is still there, and so is the focus.
  await act(() => pending.answer(null));
  await settle();
  assertDone(fileIt(), 'File it');
  assert.equal(select.value, 'civic/labor');

  // Again, saved: the category is filed and no longer offered; the focus goes back to the list.
  pending = later<StoryCategoriesView | null>();
  await press(fileIt());
  await act(() =>
    pending.answer({ categories: [{ id: 'civic/labor', name: 'Labor and workers' }], categoryChoice: { byReader: true, suggested: [], options }, actions: [] }),
  );
  await settle();
  assert.equal(sent(), 2);
  assert.equal(select.value, '');
  assert.equal(fileIt().disabled, true, 'nothing chosen again');
  assert.equal(document.activeElement, select);
});

test('options: the refresh period keeps the focus while saved; a change meanwhile is undone, not sent', async () => {
  const pending = later<SourcePrefs>();
  const bg = fakeBackground({ 'sources/prefs': () => pending.promise });
  const root = await mount(h(RefreshInterval, { hours: 6, scheduled: true, call: bg.call }));
  const select = root.querySelector<HTMLSelectElement>('[data-testid="refresh-hours"]')!;
  const choose = async (hours: string): Promise<void> => {
    select.value = hours;
    await act(() => {
      select.dispatchEvent(new document.defaultView!.Event('change', { bubbles: true }));
    });
    await settle();
  };

  select.focus();
  await choose('12');
  assert.equal(document.activeElement, select);
  assert.equal(select.hasAttribute('disabled'), false);
  assert.equal(select.getAttribute('aria-disabled'), 'true');
  await choose('24');
  assert.equal(select.value, '12', 'the period being saved is shown');
  assert.deepEqual(
    bg.calls.map((c) => c.payload),
    [{ refreshHours: 12 }],
  );

  await act(() => pending.answer({ refreshHours: 12, retentionDays: 90, feedRetentionDays: 30 }));
  await settle();
  assert.equal(document.activeElement, select);
  assert.equal(select.hasAttribute('aria-disabled'), false);
  assert.equal(select.value, '12');
});

test('sidebar: "Not this story" keeps the focus while answered, and still has it when the answer fails', async () => {
  const pending = later<'fail'>();
  const bg = fakeBackground({
    'sidebar/view': () => ({ kind: 'story', story: STORY }),
    'match/reject': async () => {
      await pending.promise;
      throw new Error('not saved');
    },
  });
  const root = await mount(h(SidebarApp, { call: bg.call }));
  const button = root.querySelector<HTMLButtonElement>('[data-testid="not-this-story"]')!;
  await press(button);
  assertBusy(button, 'Not this story');
  await click(button);
  assert.equal(bg.calls.filter((c) => c.type === 'match/reject').length, 1, 'a second press while busy sends nothing');

  await act(() => pending.answer('fail'));
  await settle();
  assertDone(button, 'Not this story');
  assert.ok(root.querySelector('.answer-error[role="alert"]'), 'the failure is said');
});

test('popup: "Open sidebar" keeps the focus while it opens, and still has it when it cannot', async () => {
  const pending = later<boolean>();
  const bg = fakeBackground({ 'popup/open-sidebar': () => pending.promise });
  let closed = 0;
  const deps: PopupDeps = {
    call: bg.call,
    findTargetTab: async () => 7,
    closePopup: () => void closed++,
    openPanel: async () => undefined,
    openWelcome: () => undefined,
    reloadTab: () => undefined,
    watchTab: () => undefined,
  };
  const root = await mount(h(CurrentStory, { story: POPUP_STORY.story!, otherReports: 3, tabId: 7, surface: 'page', deps }));
  const button = root.querySelector<HTMLButtonElement>('[data-testid="open-sidebar"]')!;
  await press(button);
  assertBusy(button, 'Open sidebar');
  await click(button);
  assert.equal(bg.calls.length, 1, 'a second press while busy sends nothing');

  await act(() => pending.answer(false));
  await settle();
  assertDone(button, 'Open sidebar');
  assert.equal(closed, 0);
});

test('options: "Export my data" keeps the focus while it exports; the file button is busy, not disabled, meanwhile', async () => {
  const pending = later<ReaderData>();
  const bg = fakeBackground({ 'data/export': () => pending.promise });
  const root = await mount(h(DataSection, { call: bg.call, changed: () => undefined }));
  const button = root.querySelector<HTMLButtonElement>('[data-testid="data-export"]')!;
  const file = root.querySelector<HTMLInputElement>('[data-testid="data-import"]')!;
  await press(button);
  assertBusy(button, 'Export');
  assert.equal(file.disabled, false);
  assert.equal(file.getAttribute('aria-disabled'), 'true');
  const opened = new document.defaultView!.MouseEvent('click', { bubbles: true, cancelable: true });
  file.dispatchEvent(opened);
  assert.equal(opened.defaultPrevented, true, 'no file chooser while busy');
  await click(button);
  assert.equal(bg.calls.length, 1, 'a second press while busy sends nothing');
});
