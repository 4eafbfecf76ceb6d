// What the fault tests run in the options page and the background to follow a pack import: its
// progress events, the reader's file picker, and the stored bench pack (scripts/lib/bench-pack.ts).
import type { BrowserDriver, Surface } from './driver/types';

/** Resolves with the fraction done once the import's progress events pass `at`, and keeps the last one seen. */
export const progressPast = (at: number): string => `new Promise((resolve) => {
  const runtime = (globalThis.browser ?? globalThis.chrome).runtime;
  runtime.onMessage.addListener((message) => {
    if (message?.type !== 'import/progress' || !message.total) return;
    const done = message.done / message.total;
    globalThis.lastProgress = done;
    if (done >= ${at}) resolve(done);
  });
  globalThis.armed = true;
})`;

/** Chooses `globalThis.packText` as a file in the import section, as the reader's picker would. */
export const chooseFile = (name: string): string => `(() => {
  const input = document.querySelector('[data-testid="import-file"]');
  const files = new DataTransfer();
  files.items.add(new File([globalThis.packText], ${JSON.stringify(name)}, { type: 'application/json' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return null;
})()`;

/** The installed bench pack's version and the number of stored stories; null without the pack. */
export const benchRecord = (driver: Pick<BrowserDriver, 'background'>): Promise<{ version: string; stories: number } | null> =>
  driver.background(`(async () => {
    const ask = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
    const db = await ask(indexedDB.open('storyline'));
    try {
      const pack = await ask(db.transaction('packs').objectStore('packs').get('bench'));
      return pack ? { version: pack.version, stories: await ask(db.transaction('stories').objectStore('stories').count()) } : null;
    } finally { db.close(); }
  })()`);

/** The import section's outcome line once it matches `pattern`. */
export async function importOutcome(options: Surface, pattern: RegExp): Promise<string> {
  await options.waitForText('[data-testid="import"] [role="alert"], [data-testid="import"] [role="status"]', pattern, 60_000);
  return options.evaluate<string>(`[...document.querySelectorAll('[data-testid="import"] [role="alert"], [data-testid="import"] [role="status"]')].map((e) => e.textContent).join(' ')`);
}
