// The options page's buttons that take something away without taking their row ("Forget answer",
// "Grant access again" once granted) or that stay disabled once they did ("Clear history", "Clear
// the log") or go with what they took ("Forget these answers", "Grant access to all N sources"):
// the focus goes on to the row's next button or the section's heading, never to the page's body.
// Each case runs twice: as jsdom and Firefox do (a focused button that becomes disabled keeps the
// focus) and as Chromium does (it drops the focus on the body at once): the sections disable their
// buttons while a change is under way, so there the focus is lost before anything is removed.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h, type ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { cleanup, click, document, mount, settle, typeInto } from './dom';
import { fakeBackground } from './fake-background';
import { FeedsSection } from '../../../src/options/components/FeedsSection';
import { HistorySection } from '../../../src/options/components/HistorySection';
import { NetworkLogSection } from '../../../src/options/components/NetworkLogSection';
import type { FeedView, HistoryView } from '../../../src/contracts/views';
import type { OptionsPlatform } from '../../../src/options/platform';
import type { NetworkLogEntry } from '../../../src/formats/source-request';

afterEach(cleanup);
globalThis.confirm = () => true;

const PREFS = { refreshHours: 6, retentionDays: 90, feedRetentionDays: 30 };
/** The background answers a moment later, as over a message. */
const later = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

const entry = (key: string, answered: boolean): HistoryView => ({
  pageKey: `news.example/${key}`,
  url: `https://news.example/${key}`,
  title: `Page ${key}`,
  siteName: null,
  readAt: '2026-12-01T10:00:00.000Z',
  storyTitle: null,
  answer: answered ? { kind: 'rejected', storyTitle: 'Summit' } : null,
});

/** The history section over a stored history that its calls change; `changed` reads it again, as App does. */
function History() {
  const [stored] = useState(() => ({ history: [entry('a', true), entry('b', true)], answers: 2 }));
  const [shown, setShown] = useState({ ...stored });
  const { call } = fakeBackground({
    'answers/forget': async ({ pageKey }) => {
      await later();
      stored.history = stored.history.map((e) => (e.pageKey === pageKey ? { ...e, answer: null } : e));
      stored.answers -= 1;
      return null;
    },
    'answers/clear': async () => {
      await later();
      stored.history = stored.history.map((e) => ({ ...e, answer: null }));
      stored.answers = 0;
      return null;
    },
    // A search over all history answers after the page has read its state again: the rows shown
    // change only then, and the section's buttons are disabled until they do.
    'history/find': async ({ query }) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { entries: stored.history.filter((e) => e.title.includes(query)), matched: stored.history.length };
    },
    'history/clear': async () => {
      await later();
      stored.history = [];
      return null;
    },
  });
  const changed = (): void => void later().then(() => setShown({ ...stored }));
  return h(HistorySection, { history: shown.history, total: shown.history.length, answers: shown.answers, answersAway: [], prefs: PREFS, recording: true, update: async () => undefined, call, changed });
}

const feed = (name: string): FeedView => ({ url: `https://${name}.example/rss`, title: name, access: false, itemCount: 3, checkedAt: null, okAt: null, error: null, reason: null });

/** The feeds section over three feeds that lost their access; a grant refreshes, and `changed` reads them again. */
function Feeds() {
  const [stored] = useState(() => [feed('one'), feed('two'), feed('three')]);
  const [shown, setShown] = useState([...stored]);
  const { call } = fakeBackground({
    'feed/refresh': async ({ url }) => {
      await later();
      const at = stored.findIndex((f) => f.url === url);
      stored[at] = { ...stored[at]!, access: true };
      return stored[at]!;
    },
  });
  const platform: OptionsPlatform = { requestAccess: async () => true, onImportProgress: () => () => undefined, onSourcesChanged: () => () => undefined, onSettingsChanged: () => () => undefined };
  const changed = (): void => void later().then(() => setShown([...stored]));
  return h(FeedsSection, { feeds: shown, store: { items: 9, stories: 3, bytes: 9_000 }, windowDays: 30, refreshHours: 6, scheduled: true, call, platform, changed });
}

/** As Chromium does: a focused control that becomes disabled loses the focus to the body. */
function dropFocusWhenDisabled(root: HTMLElement): void {
  new document.defaultView!.MutationObserver(() => {
    const active = document.activeElement;
    if (active instanceof document.defaultView!.HTMLElement && active.matches(':disabled')) active.blur();
  }).observe(root, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
}

/**
 * Presses `button` from the keyboard's focus, then waits until `done` shows the change landed and
 * the section is no longer busy (each wait inside act(), which runs the effects that move the focus).
 */
async function press(root: HTMLElement, button: Element | null | undefined, done: () => boolean): Promise<void> {
  (button as HTMLElement).focus();
  await click(button);
  const busy = (): boolean => root.querySelector('.row-actions button:disabled, [data-testid="page-answers"] button:disabled, .source-access button:disabled') !== null;
  for (let i = 0; i < 100 && !(done() && !busy()); i++) await settle(5);
  assert.ok(done() && !busy(), 'the change never landed');
}

const byText = (root: Element | null, label: string): HTMLButtonElement | undefined =>
  [...(root?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => b.textContent === label);

for (const browser of ['firefox', 'chromium'] as const) {
  const open = async (vnode: ComponentChild): Promise<HTMLElement> => {
    const root = await mount(vnode);
    if (browser === 'chromium') dropFocusWhenDisabled(root);
    return root;
  };

  test(`${browser}: "Forget answer" goes, its row stays: the focus moves to that row's "Remove"`, async () => {
    const root = await open(h(History, {}));
    const row = root.querySelector('[data-history="news.example/b"]');
    await press(root, byText(row, 'Forget answer'), () => byText(row, 'Forget answer') === undefined);
    assert.equal(document.activeElement, byText(row, 'Remove'));
  });

  test(`${browser}: in a search's rows too, though they change while the section's buttons are still disabled`, async () => {
    const root = await open(h(History, {}));
    const row = (): Element | null => root.querySelector('[data-testid="history-found"] + ul [data-history="news.example/a"]');
    await typeInto(root.querySelector('#history-find'), 'Page');
    for (let i = 0; i < 100 && !row(); i++) await settle(5);
    await press(root, byText(row(), 'Forget answer'), () => byText(row(), 'Forget answer') === undefined);
    assert.equal(document.activeElement, byText(row(), 'Remove'));
  });

  test(`${browser}: "Forget these answers" goes with the answers: the focus moves to the section's heading`, async () => {
    const root = await open(h(History, {}));
    await press(root, byText(root.querySelector('[data-testid="page-answers"]'), 'Forget these answers'), () => root.querySelector('[data-testid="page-answers"]') === null);
    assert.equal(document.activeElement, root.querySelector('#history-title'));
  });

  test(`${browser}: "Clear history" stays disabled once history is empty: the focus moves to the section's heading`, async () => {
    const root = await open(h(History, {}));
    const clear = root.querySelector<HTMLButtonElement>('[data-testid="history-clear"]');
    await press(root, clear, () => root.querySelectorAll('[data-history]').length === 0);
    assert.equal(clear?.disabled, true);
    assert.equal(document.activeElement, root.querySelector('#history-title'));
  });

  test(`${browser}: "Clear the log" stays disabled once the log is empty: the focus moves to the section's heading`, async () => {
    const logged: NetworkLogEntry = { at: '2025-08-16T10:00:00Z', method: 'GET', url: 'https://news.example/feed.xml', purpose: 'feed', status: 200, outcome: 'fresh', bytes: 1200, durationMs: 80 };
    const bg = fakeBackground({ 'network/clear': async () => (await later(), null) });
    const root = await open(h(NetworkLogSection, { entries: [logged], call: bg.call, changed: () => undefined }));
    const clear = root.querySelector<HTMLButtonElement>('[data-testid="network-clear"]');
    await press(root, clear, () => root.querySelector('.network-log') === null);
    assert.equal(clear?.disabled, true);
    assert.equal(document.activeElement, root.querySelector('#network-title'));
  });

  test(`${browser}: "Grant access again" goes with the access: the focus moves to the next such row's; "Grant access to all" to the add field`, async () => {
    const root = await open(h(Feeds, {}));
    const grant = (name: string): HTMLButtonElement | null => root.querySelector(`[data-feed="https://${name}.example/rss"] [data-no-access] button`);
    await press(root, grant('one'), () => grant('one') === null);
    // Those still without access are listed first: "three" took the place of "one".
    assert.equal(document.activeElement, grant('three'));
    await press(root, root.querySelector('[data-grant-all] button'), () => root.querySelector('[data-no-access]') === null);
    assert.equal(root.querySelector('[data-grant-all]'), null);
    assert.equal(document.activeElement, root.querySelector('#feed-url'));
  });
}
