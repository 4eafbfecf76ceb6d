// The background started in Node on a fake browser (fake-browser.ts), as index.ts starts it on the
// real one: every listener registered, the built-in packs read from the committed files (the
// extension fetches them from its package), one fake-indexeddb database per test file (each file
// is its own process). Messages go in through the onMessage listener the background registered.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Runtime } from '../../../src/background/browser-api';
import type { ReadPackFile } from '../../../src/background/builtin-pack-install';
import { startBackground } from '../../../src/background/start';
import { TAKEN_OVER_KEY } from '../../../src/background/open-tabs';
import { COPIES, ROOT } from '../../../scripts/build';
import { EXTENSION_ID, fakeBrowser, fakeTab, ORIGIN } from './fake-browser';

/** Reads a packaged file from the committed file the build copies (scripts/build.ts COPIES). */
export const readCommitted: ReadPackFile = async (path) => {
  const copy = COPIES.find(([, to]) => to === path);
  if (!copy) throw new Error(`${path} is not copied into the build`);
  return JSON.parse(readFileSync(join(ROOT, copy[0]), 'utf8')) as unknown;
};

/** The content script of tab `tabId`'s top frame at `url`. */
export const contentSender = (tabId: number, url: string, incognito = false): Runtime.MessageSender => ({
  id: EXTENSION_ID,
  url,
  tab: fakeTab(tabId, url, { incognito }),
  frameId: 0,
});

/** An extension page of ours (popup.html, options.html, sidebar.html …) outside any tab. */
export const pageSender = (file: string): Runtime.MessageSender => ({ id: EXTENSION_ID, url: `${ORIGIN}${file}` });

/**
 * A background started on the fake browser: by default a worker woken within a run of the
 * extension, which has looked at the open tabs already; `firstStart` starts the run (open-tabs.ts).
 */
export function startFakeBackground({ firstStart = false } = {}) {
  const fake = fakeBrowser();
  // FakeArea.set stores at once (nothing in it is awaited): in place before the start reads it.
  if (!firstStart) void fake.browser.storage.session.set({ [TAKEN_OVER_KEY]: true });
  const hooks = startBackground(fake.browser, readCommitted);
  return {
    ...fake,
    hooks,
    states: hooks.services.states,
    /** Sends `message` as `sender` through the listener the background registered; its answer. */
    async send(message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
      const answers = fake.browser.runtime.onMessage.fire(message, sender);
      if (answers.length !== 1) throw new Error(`${answers.length} message listeners, not one`);
      return answers[0];
    },
    /** Fires an event the browser would, and waits for what its listeners started. */
    async settle(answers: unknown[]): Promise<void> {
      await Promise.all(answers);
    },
  };
}
