// The built-in packs (builtin-pack-install.ts): installed when the extension is installed or the
// browser starts and before first use, replaced when the extension ships a new version of one.
import type { BackgroundRuntime } from './browser-api';
import { db } from './db';
import { installBuiltinPacks, type ReadPackFile } from './builtin-pack-install';
import { logProblem } from './log';
import { invalidateStoryIndex } from './matcher';

/** Resolves once the built-in packs are in the database; safe to call before every use. */
export type EnsureBuiltinPacks = () => Promise<void>;

/** Reads a file of the extension's own package. */
export function packageReader(runtime: Pick<BackgroundRuntime, 'getURL'>): ReadPackFile {
  return async (path) => {
    const response = await fetch(runtime.getURL(path));
    if (!response.ok) throw new Error(`not in the package (HTTP ${response.status})`);
    return response.json();
  };
}

export function builtinPacks(read: ReadPackFile): EnsureBuiltinPacks {
  let ready: Promise<void> | null = null;
  const install = async (): Promise<void> => {
    const { written, failed } = await installBuiltinPacks(await db(), read);
    if (written.length > 0) invalidateStoryIndex();
    if (failed.length > 0) throw new Error(failed.join('; '));
  };
  return () => {
    if (!ready) {
      ready = install().catch((error: unknown) => {
        // Tried again at the next use: the packs that did install are skipped then.
        ready = null;
        logProblem('built-in packs', error);
      });
    }
    return ready;
  };
}
