// Problems the extension hit where the reader cannot see a console: in a page's content script
// (a host element the page broke, a frame it removed, a failed call). Each is logged here and kept
// in a short list in storage.session (memory only, gone with the browser session), so the options
// page, the debugging console and the e2e suite can read what went wrong, and the page's console
// never shows our errors.
import type { StorageArea } from './browser-api';
import { logProblem } from './log';

export const PROBLEMS_KEY = 'problems';
/** The newest problems kept; older ones leave. */
const KEPT = 50;

export interface ProblemRecord {
  at: string;
  where: string;
  what: string;
  detail: string;
}

export interface ProblemLog {
  read(): Promise<ProblemRecord[]>;
  note(where: string, what: string, detail: string): Promise<void>;
}

/** The log kept in `session` (storage.session in the extension). */
export function problemLog(session: StorageArea): ProblemLog {
  const read = async (): Promise<ProblemRecord[]> => {
    const stored = (await session.get(PROBLEMS_KEY))[PROBLEMS_KEY];
    return Array.isArray(stored) ? (stored as ProblemRecord[]) : [];
  };
  return {
    read,
    async note(where, what, detail) {
      logProblem(`${where}: ${what}`, detail);
      const next = [...(await read()), { at: new Date().toISOString(), where, what, detail }].slice(-KEPT);
      await session.set({ [PROBLEMS_KEY]: next });
    },
  };
}
