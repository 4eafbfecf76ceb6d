// Every open options tab hears every pack import's progress (the background broadcasts it): each
// shows only the import it started, by the id it gave that import. Before, a second options tab
// showed a progress bar for the first tab's import, and one importing too showed both imports'.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { cleanup, document, mount, settle } from './dom';
import { ImportSection } from '../../../src/options/components/ImportSection';
import type { OptionsPlatform } from '../../../src/options/platform';
import { isImportProgress, type ImportProgress } from '../../../src/contracts/source-events';
import { sourceCalls } from '../../../src/contracts/messages-sources';
import type { BackgroundCalls, ReqOf, ResOf } from '../../../src/contracts/messages';

afterEach(cleanup);

/** The options tabs' one broadcast: what a progress message reaches. */
function broadcast() {
  const listeners = new Set<(progress: ImportProgress) => void>();
  const platform: OptionsPlatform = {
    requestAccess: async () => true,
    onImportProgress: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onSourcesChanged: () => () => undefined,
    onSettingsChanged: () => () => undefined,
  };
  const send = (progress: Omit<ImportProgress, 'type'>): Promise<void> =>
    act(() => {
      for (const listener of listeners) listener({ type: 'import/progress', ...progress });
    });
  return { platform, send };
}

/** A background whose pack imports wait until the test lets them finish; the payloads sent. */
function slowImports() {
  const payloads: { text: string; importId?: string }[] = [];
  let finish = (): void => undefined;
  const call = async <K extends keyof BackgroundCalls>(_type: K, payload: ReqOf<BackgroundCalls, K>): Promise<ResOf<BackgroundCalls, K>> => {
    payloads.push(payload as { text: string; importId?: string });
    await new Promise<void>((resolve) => (finish = resolve));
    return { packId: 'p', publisher: 'World Desk', stories: 3 } as ResOf<BackgroundCalls, K>;
  };
  return { call, payloads, finish: () => finish() };
}

async function choose(container: HTMLElement, file: File): Promise<void> {
  const input = container.querySelector('[data-testid="import-file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new document.defaultView!.Event('change', { bubbles: true }));
  });
}

/** Settles until `check` holds: the page reads the file and calls the background in turn. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await settle(5);
  assert.ok(check(), 'the page never got there');
}

const bar = (container: HTMLElement): HTMLProgressElement | null => container.querySelector('progress');

test("an options tab shows its own import's progress, not another tab's", async () => {
  const { platform, send } = broadcast();
  const background = slowImports();
  const container = await mount(h(ImportSection, { call: background.call, platform, changed: () => undefined }));

  // Another tab's import: this one, importing nothing, shows nothing of it.
  await send({ importId: 'other-tab-import-0001', done: 10, total: 40 });
  assert.equal(bar(container), null);

  await choose(container, new File(['{"pack": 1}'], 'world.json'));
  await until(() => background.payloads.length === 1);
  const [payload] = background.payloads;
  assert.equal(payload?.text, '{"pack": 1}');
  assert.match(payload?.importId ?? '', /^[A-Za-z0-9-]{8,64}$/, 'the import carries an id made here');

  // Both imports under way (the background runs them in turn): only this one's moves the bar.
  await send({ importId: 'other-tab-import-0001', done: 30, total: 40 });
  await send({ done: 39, total: 40 });
  assert.equal(bar(container)?.value, 0, 'another tab\'s progress, or one without an id, is not shown');
  await send({ importId: payload!.importId!, done: 5, total: 10 });
  assert.equal(bar(container)?.value, 0.5);

  background.finish();
  await until(() => bar(container) === null);
  // Its import done, the tab hears a late message of its own import and shows nothing.
  await send({ importId: payload!.importId!, done: 10, total: 10 });
  assert.equal(bar(container), null);
});

test('a second import gets an id of its own', async () => {
  const { platform } = broadcast();
  const background = slowImports();
  const container = await mount(h(ImportSection, { call: background.call, platform, changed: () => undefined }));
  for (let n = 1; n <= 2; n++) {
    await choose(container, new File(['{"pack": 1}'], 'world.json'));
    await until(() => background.payloads.length === n);
    background.finish();
    await until(() => bar(container) === null);
  }
  assert.notEqual(background.payloads[0]?.importId, background.payloads[1]?.importId);
});

test('the import id is checked where it is sent and where its progress comes back', () => {
  const parse = sourceCalls['pack/import'].parse;
  assert.deepEqual(parse({ text: '{}', importId: 'a1b2c3d4-0000' }), { text: '{}', importId: 'a1b2c3d4-0000' });
  assert.deepEqual(parse({ text: '{}' }), { text: '{}' }, 'without one (scripts, older pages): as before');
  for (const importId of ['short', 'x'.repeat(65), 'has space in it', 42]) assert.equal(parse({ text: '{}', importId }), undefined, String(importId));
  assert.equal(isImportProgress({ type: 'import/progress', importId: 'a1b2c3d4-0000', done: 1, total: 2 }), true);
  assert.equal(isImportProgress({ type: 'import/progress', done: 1, total: 2 }), true);
  assert.equal(isImportProgress({ type: 'import/progress', importId: '<b>nope</b>', done: 1, total: 2 }), false);
  assert.equal(isImportProgress({ type: 'import/progress', importId: 7, done: 1, total: 2 }), false);
});
