// The options page's reading history section also tells how many answers about pages the reader
// gave ("Not this story", "This page is about this story"), each kept with the page's address, and
// forgets them on request, after asking; each entry says the answer about its page, and can forget
// it or remove the page from history.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { cleanup, click, mount, settle, text } from './dom';
import { fakeBackground } from './fake-background';
import { HistorySection } from '../../../src/options/components/HistorySection';
import type { HistoryView } from '../../../src/contracts/views';

afterEach(cleanup);

const PREFS = { refreshHours: 6, retentionDays: 90, feedRetentionDays: 30 };

function section(answers: number, call = fakeBackground({ 'answers/clear': () => null }).call, changed = (): void => undefined) {
  return mount(h(HistorySection, { history: [], total: 0, answers, answersAway: [], prefs: PREFS, recording: true, update: async () => undefined, call, changed }));
}

/** The section's outcome line: its last status (the history search's own comes before it). */
const outcomeLine = (root: Element): Element | undefined => [...root.querySelectorAll('[role="status"]')].at(-1);

test('the answers about pages are counted, and forgotten after the reader confirms', async () => {
  const bg = fakeBackground({ 'answers/clear': () => null });
  let changed = 0;
  const asked: string[] = [];
  let answer = false;
  globalThis.confirm = (message?: string) => {
    asked.push(message ?? '');
    return answer;
  };
  const root = await section(3, bg.call, () => void changed++);
  assert.match(text(root.querySelector('[data-testid="page-answers"]')), /You gave 3 answers about pages .*kept with the pages' addresses/);
  const forget = root.querySelector('[data-testid="page-answers"] button');
  await click(forget);
  assert.equal(asked.length, 1);
  assert.deepEqual(bg.calls, [], 'nothing forgotten when the reader says no');
  answer = true;
  await click(forget);
  await settle();
  assert.deepEqual(bg.calls, [{ type: 'answers/clear', payload: {} }]);
  assert.equal(changed, 1);
  assert.match(text(outcomeLine(root)), /forgotten/);
});

test('with no answer stored, the section says nothing of them', async () => {
  const root = await section(0);
  assert.equal(root.querySelector('[data-testid="page-answers"]'), null);
});

test("each history entry says the reader's answer about its page, naming the story once", async () => {
  const entry = (pageKey: string, storyTitle: string | null, answer: HistoryView['answer']): HistoryView => ({
    pageKey, url: `https://news.example/${pageKey}`, title: `Page ${pageKey}`, siteName: 'News', readAt: '2026-12-01T10:00:00.000Z', storyTitle, answer,
  });
  const history = [
    entry('plain', 'Summit', null),
    entry('given', 'Summit', { kind: 'confirmed', storyTitle: 'Summit' }),
    entry('refused', null, { kind: 'rejected', storyTitle: 'Summit' }),
    entry('gone', null, { kind: 'rejected', storyTitle: null }),
  ];
  const call = fakeBackground({}).call;
  const root = await mount(h(HistorySection, { history, total: history.length, answers: 3, answersAway: [], prefs: PREFS, recording: true, update: async () => undefined, call, changed: () => undefined }));
  const line = (key: string): string => text(root.querySelector(`[data-history="${key}"] .muted`));
  assert.match(line('plain'), /in “Summit”$/);
  assert.match(line('given'), /· you said it is about “Summit”$/);
  assert.doesNotMatch(line('given'), /in “Summit”/);
  assert.match(line('refused'), /· you said it is not about “Summit”$/);
  assert.match(line('gone'), /you said “Not this story” about a story that is no longer stored$/);
});

test('"Forget answer" on an entry forgets that page\'s answer alone, and says so', async () => {
  const bg = fakeBackground({ 'answers/forget': () => null });
  let changed = 0;
  const history: HistoryView[] = [
    { pageKey: 'news.example/read', url: 'https://news.example/read', title: 'Read only', siteName: null, readAt: '2026-12-01T10:00:00.000Z', storyTitle: null, answer: null },
    { pageKey: 'news.example/said', url: 'https://news.example/said', title: 'Said no', siteName: null, readAt: '2026-12-01T10:00:00.000Z', storyTitle: null, answer: { kind: 'rejected', storyTitle: 'Summit' } },
  ];
  const root = await mount(h(HistorySection, { history, total: 2, answers: 1, answersAway: [], prefs: PREFS, recording: true, update: async () => undefined, call: bg.call, changed: () => void changed++ }));
  const button = (key: string, label: string): Element | undefined =>
    [...root.querySelectorAll(`[data-history="${key}"] button`)].find((b) => b.textContent === label);
  assert.equal(button('news.example/read', 'Forget answer'), undefined, 'no answer, nothing to forget');
  const forget = button('news.example/said', 'Forget answer');
  assert.equal(forget?.getAttribute('aria-label'), 'Forget answer about “Said no”');
  await click(forget);
  await settle();
  assert.deepEqual(bg.calls, [{ type: 'answers/forget', payload: { pageKey: 'news.example/said' } }]);
  assert.equal(changed, 1);
  assert.match(text(outcomeLine(root)), /answer about “Said no” is forgotten/);
});

test('"Remove" takes one page out of reading history, and says so', async () => {
  const bg = fakeBackground({ 'history/remove': () => null });
  let changed = 0;
  const history: HistoryView[] = [
    { pageKey: 'news.example/read', url: 'https://news.example/read', title: 'Read once', siteName: null, readAt: '2026-12-01T10:00:00.000Z', storyTitle: 'Summit', answer: null },
  ];
  const root = await mount(h(HistorySection, { history, total: 1, answers: 0, answersAway: [], prefs: PREFS, recording: true, update: async () => undefined, call: bg.call, changed: () => void changed++ }));
  const remove = root.querySelector('[data-history="news.example/read"] button[aria-label="Remove “Read once” from reading history"]');
  assert.equal(remove?.textContent, 'Remove');
  await click(remove);
  await settle();
  assert.deepEqual(bg.calls, [{ type: 'history/remove', payload: { pageKey: 'news.example/read' } }]);
  assert.equal(changed, 1);
  assert.match(text(outcomeLine(root)), /“Read once” is removed from your reading history/);
});

test('answers about pages no longer in reading history are listed by address, each to be forgotten', async () => {
  const bg = fakeBackground({ 'answers/forget': () => null });
  let changed = 0;
  const answersAway = [
    { pageKey: 'news.example/gone', answer: { kind: 'confirmed' as const, storyTitle: 'Summit' } },
    { pageKey: 'wire.example/old', answer: { kind: 'rejected' as const, storyTitle: null } },
  ];
  const root = await mount(h(HistorySection, { history: [], total: 0, answers: 3, answersAway, prefs: PREFS, recording: true, update: async () => undefined, call: bg.call, changed: () => void changed++ }));
  const list = root.querySelector('[data-testid="answers-away"]');
  assert.equal(list?.getAttribute('aria-label'), 'Answers about pages no longer in your reading history');
  assert.match(text(list?.previousElementSibling), /^2 of them are about pages no longer in your reading history/);
  const rows = [...root.querySelectorAll('[data-answer-away]')].map((row) => text(row));
  assert.match(rows[0]!, /news\.example\/gone.*You said it is about “Summit”/s);
  assert.match(rows[1]!, /wire\.example\/old.*You said “Not this story” about a story that is no longer stored/s);
  const forget = root.querySelector('[data-answer-away="wire.example/old"] button');
  assert.equal(forget?.getAttribute('aria-label'), 'Forget answer about “wire.example/old”');
  await click(forget);
  await settle();
  assert.deepEqual(bg.calls, [{ type: 'answers/forget', payload: { pageKey: 'wire.example/old' } }]);
  assert.equal(changed, 1);

  // None: no such list.
  const none = await mount(h(HistorySection, { history: [], total: 0, answers: 1, answersAway: [], prefs: PREFS, recording: true, update: async () => undefined, call: bg.call, changed: () => undefined }));
  assert.equal(none.querySelector('[data-testid="answers-away"]'), null);
});
