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
  // The notes in turn: storage.session has no transaction, and two tabs reporting at once would
  // both read the same list, the later write dropping the other's problem.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    read,
    note(where, what, detail) {
      logProblem(`${where}: ${what}`, detail);
      const problem = { at: new Date().toISOString(), where, what, detail };
      const run = queue.then(async () => {
        await session.set({ [PROBLEMS_KEY]: [...(await read()), problem].slice(-KEPT) });
      });
      // A note that failed to be kept is its caller's to hear; the next is kept all the same.
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
