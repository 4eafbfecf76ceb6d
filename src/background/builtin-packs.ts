// The built-in packs (builtin-pack-install.ts): installed when the extension is installed or the
// browser starts and before first use, replaced when the extension ships a new version of one.
import { browser } from '../shared/browser';
import { db } from './db';
import { installBuiltinPacks } from './builtin-pack-install';
import { logProblem } from './log';
import { invalidateStoryIndex } from './matcher';

let ready: Promise<void> | null = null;

async function readPackaged(path: string): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`not in the package (HTTP ${response.status})`);
  return response.json();
}

async function install(): Promise<void> {
  const { written, failed } = await installBuiltinPacks(await db(), readPackaged);
  if (written.length > 0) invalidateStoryIndex();
  if (failed.length > 0) throw new Error(failed.join('; '));
}

/** Resolves once the built-in packs are in the database; safe to call before every use. */
export function ensureBuiltinPacks(): Promise<void> {
  if (!ready) {
    ready = install().catch((error: unknown) => {
      // Tried again at the next use: the packs that did install are skipped then.
      ready = null;
      logProblem('built-in packs', error);
    });
  }
  return ready;
}
