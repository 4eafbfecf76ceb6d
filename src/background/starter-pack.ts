// The built-in starter pack: installed on first use, replaced when the extension ships a new version.
import { browser } from '../shared/browser';
import { validatePack } from '../shared/pack-validate';
import { db } from './db';
import { logProblem } from './log';
import { invalidateStoryIndex } from './matcher';
import { installPack } from './pack-store';

const STARTER_URL = 'packs/starter.json';

let ready: Promise<void> | null = null;

async function install(): Promise<void> {
  const response = await fetch(browser.runtime.getURL(STARTER_URL));
  const checked = validatePack(await response.json());
  if (!checked.ok) throw new Error(`built-in pack is invalid: ${checked.errors.slice(0, 3).join('; ')}`);
  const database = await db();
  const installed = await database.get('packs', checked.pack.id);
  if (installed?.version === checked.pack.version && installed.updated === checked.pack.updated) return;
  await installPack(database, checked.pack, 'builtin');
  invalidateStoryIndex();
}

/** Resolves once the starter pack is in the database; safe to call before every use. */
export function ensureStarterPack(): Promise<void> {
  if (!ready) {
    ready = install().catch((error: unknown) => {
      ready = null;
      logProblem('starter pack', error);
    });
  }
  return ready;
}
