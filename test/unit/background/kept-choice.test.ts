// Where each browser keeps the reader's surface choice for an input handler that runs in a
// background the input has just woken (shared/side-panel.ts keptChoice).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keptChoice } from '../../../src/shared/side-panel';

type Globals = Record<string, unknown>;
const g = globalThis as Globals;

/** Runs `body` with `globals` set on the global object, then removes them. */
async function withGlobals(globals: Globals, body: () => Promise<void>): Promise<void> {
  const before = Object.fromEntries(Object.keys(globals).map((name) => [name, Object.getOwnPropertyDescriptor(g, name)]));
  for (const [name, value] of Object.entries(globals)) Object.defineProperty(g, name, { value, configurable: true, writable: true });
  try {
    await body();
  } finally {
    for (const [name, descriptor] of Object.entries(before)) {
      if (descriptor) Object.defineProperty(g, name, descriptor);
      else delete g[name];
    }
  }
}

test('Firefox keeps a copy in the event page\'s localStorage, read synchronously at the next wake', async () => {
  const items = new Map<string, string>();
  const localStorage = { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
  await withGlobals({ browser: { sidebarAction: { open: async () => undefined, close: async () => undefined } }, localStorage }, async () => {
    assert.equal(keptChoice()?.recall(), null, 'nothing kept yet');
    await keptChoice()?.keep('panel');
    assert.equal(keptChoice()?.recall(), 'panel', 'a new page finds it');
    await keptChoice()?.keep('page');
    assert.equal(keptChoice()?.recall(), 'page');
    items.set('storyline.surface', 'junk');
    assert.equal(keptChoice()?.recall(), null);
  });
});

test('Chrome enables its panel, with the manifest\'s path, only for the panel choice', async () => {
  const options: unknown[] = [];
  const chrome = {
    sidePanel: { open: async () => undefined, setOptions: async (o: unknown) => void options.push(o) },
    runtime: { getManifest: () => ({ side_panel: { default_path: 'sidebar.html' } }) },
  };
  await withGlobals({ chrome }, async () => {
    const kept = keptChoice();
    assert.equal(kept?.recall(), 'browser', 'open() may be called: Chrome refuses it unless enabled');
    await kept?.keep('page');
    await kept?.keep('panel');
    assert.deepEqual(options, [
      { path: 'sidebar.html', enabled: false },
      { path: 'sidebar.html', enabled: true },
    ]);
  });
});

test('a browser without a panel (Firefox for Android) keeps nothing', () => {
  assert.equal(keptChoice(), undefined);
});
