// The options page's import sections (issue 16). An import cut short by a stopped worker reads as
// our own translated message, not the browser's words, and can be tried again with one click; a
// refusal still names its reason; the largest files accepted are stated.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { CATALOG, cleanup, click, document, mount, settle } from './ui/dom';
import { DataSection } from '../../src/options/components/DataSection';
import { ImportSection } from '../../src/options/components/ImportSection';
import type { OptionsPlatform } from '../../src/options/platform';
import { CallRefused } from '../../src/contracts/call-result';
import type { BackgroundCalls, ReqOf, ResOf } from '../../src/contracts/messages';
import { MAX_PACK_TEXT } from '../../src/contracts/source-events';
import { PACK_TEXT_LIMITS } from '../../src/formats/pack-validate';
import { MAX_READER_DATA_CHARS } from '../../src/formats/reader-data';

afterEach(cleanup);

const platform: OptionsPlatform = { requestAccess: () => Promise.resolve(true), onImportProgress: () => () => undefined, onSourcesChanged: () => () => undefined, onSettingsChanged: () => () => undefined };
const PORT_CLOSED = 'The message port closed before a response was received.';
const interruptedText = (file: string) => CATALOG['importInterrupted']!.message.replace('$FILE$', file);

/** A background whose answers are given in turn: an Error value is thrown, a function's result (made when asked) or anything else answered. */
function scripted(answers: unknown[]) {
  const payloads: unknown[] = [];
  const call = async <K extends keyof BackgroundCalls>(_type: K, payload: ReqOf<BackgroundCalls, K>): Promise<ResOf<BackgroundCalls, K>> => {
    payloads.push(payload);
    const shifted = answers.shift();
    const next: unknown = typeof shifted === 'function' ? (shifted as () => unknown)() : shifted;
    if (next instanceof Error) throw next;
    return next as ResOf<BackgroundCalls, K>;
  };
  return { call, payloads };
}

async function choose(container: HTMLElement, testId: string, file: File): Promise<void> {
  const input = container.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new document.defaultView!.Event('change', { bubbles: true }));
  });
  await settle(10);
}

const alertText = (container: HTMLElement): string => container.querySelector('[role="alert"]')?.textContent ?? '';

test('a pack import cut short says so in our words, and the same file can be tried again', async () => {
  const background = scripted([new Error(PORT_CLOSED), { packId: 'p', publisher: 'World Desk', stories: 3 }]);
  const container = await mount(h(ImportSection, { call: background.call, platform, changed: () => undefined }));
  await choose(container, 'import-file', new File(['{"pack": 1}'], 'world.json'));
  assert.equal(alertText(container), interruptedText('world.json'));
  assert.doesNotMatch(alertText(container), /port closed/);
  await click(container.querySelector('[data-testid="import-retry"]'));
  await settle(10);
  assert.match(container.textContent ?? '', /Imported World Desk/);
  // Each try is an import of its own: its own id, for its own progress.
  const sent = background.payloads as { text: string; importId: string }[];
  assert.deepEqual(sent.map((p) => p.text), ['{"pack": 1}', '{"pack": 1}']);
  assert.notEqual(sent[0]!.importId, sent[1]!.importId);
  assert.equal(container.querySelector('[data-testid="import-retry"]'), null);
});

test('a pack that landed before the stop that cut its answer short is reported imported, not "nothing changed"', async () => {
  const pack = JSON.stringify({ id: 'world', publisher: 'World Desk', stories: [] });
  const summary = (installedAt: string) => ({ id: 'world', publisher: 'World Desk', version: '2', updated: installedAt, installedAt, origin: 'file', stories: 3, categories: 0 });
  // Installed during this import (its time taken when the page asks): the worker stopped between its commit and its answer.
  const landed = scripted([new Error(PORT_CLOSED), () => ({ packs: [summary(new Date().toISOString())] })]);
  let changes = 0;
  const container = await mount(h(ImportSection, { call: landed.call, platform, changed: () => changes++ }));
  await choose(container, 'import-file', new File([pack], 'world.json'));
  assert.match(container.textContent ?? '', /Imported World Desk: 3 stories/);
  assert.equal(alertText(container), '');
  assert.equal(container.querySelector('[data-testid="import-retry"]'), null);
  assert.equal(changes, 1, 'the page shows the new pack');
  cleanup();

  // The same pack, installed before (an earlier edition): this import did not land.
  const before = scripted([new Error(PORT_CLOSED), { packs: [summary('2020-01-01T00:00:00.000Z')] }]);
  const again = await mount(h(ImportSection, { call: before.call, platform, changed: () => undefined }));
  await choose(again, 'import-file', new File([pack], 'world.json'));
  assert.equal(alertText(again), interruptedText('world.json'));
  assert.ok(again.querySelector('[data-testid="import-retry"]'));
});

test('a refused pack keeps its reason and offers no retry', async () => {
  const background = scripted([new CallRefused('invalid', 'stories[0].summary: longer than 20000 characters')]);
  const container = await mount(h(ImportSection, { call: background.call, platform, changed: () => undefined }));
  await choose(container, 'import-file', new File(['{}'], 'big.json'));
  assert.match(alertText(container), /stories\[0\]\.summary: longer than 20000 characters/);
  assert.equal(container.querySelector('[data-testid="import-retry"]'), null);
});

test('a reader-data import cut short before it landed can be tried again', async () => {
  const added = { subscriptions: 0, feeds: 1, history: 0, actions: 0, rejections: 0, following: 0, categories: 0, confirmations: 0 };
  // The import's answer is cut short, and the background has no receipt for it: it never landed.
  const background = scripted([new Error(PORT_CLOSED), null, added]);
  const container = await mount(h(DataSection, { call: background.call, changed: () => undefined }));
  await choose(container, 'data-import', new File(['{}'], 'data.json'));
  assert.equal(alertText(container), interruptedText('data.json'));
  await click(container.querySelector('[data-testid="data-import-retry"]'));
  await settle(10);
  assert.match(container.textContent ?? '', /1 feed/);
  const [first, asked, again] = background.payloads as { receipt: string }[];
  assert.match(first!.receipt, /^[0-9a-f-]{36}$/);
  assert.deepEqual(asked, { receipt: first!.receipt }, 'the page asked for the receipt of the import it sent');
  assert.notEqual(again!.receipt, first!.receipt, 'a retry is a new import');
});

test('a reader-data import that landed before the stop that cut its answer short reports what it added', async () => {
  const added = { subscriptions: 0, feeds: 2, history: 40, actions: 0, rejections: 0, following: 0, categories: 0, confirmations: 0 };
  const background = scripted([new Error(PORT_CLOSED), added]);
  let changes = 0;
  const container = await mount(h(DataSection, { call: background.call, changed: () => changes++ }));
  await choose(container, 'data-import', new File(['{}'], 'data.json'));
  assert.match(container.textContent ?? '', /2 feeds and 40 history entries/);
  assert.equal(alertText(container), '');
  assert.equal(container.querySelector('[data-testid="data-import-retry"]'), null);
  assert.equal(changes, 1, 'the page shows what the import added');
});

test('the import sections state the largest pack and data file accepted', async () => {
  const none = scripted([]);
  const packs = await mount(h(ImportSection, { call: none.call, platform, changed: () => undefined }));
  const limits = packs.querySelector('[data-testid="import-limits"]')?.textContent ?? '';
  assert.match(limits, new RegExp(MAX_PACK_TEXT.toLocaleString('en-US')));
  assert.match(limits, new RegExp(PACK_TEXT_LIMITS['summary']!.toLocaleString('en-US')));
  const data = await mount(h(DataSection, { call: none.call, changed: () => undefined }));
  assert.match(data.querySelector('[data-testid="data-limits"]')?.textContent ?? '', new RegExp(MAX_READER_DATA_CHARS.toLocaleString('en-US')));
});
