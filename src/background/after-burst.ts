// Work that follows a burst of changes (stories changed: the follow badge, every open tab's count),
// run once the burst is over. One pass at a time: a pass over 40 tabs can outlast the next burst,
// and two passes at once would each count every tab and write its state. A burst heard while a
// pass runs gets one more pass after it, which sees every change.
import { db } from './db';
import { logProblem } from './log';

type Database = Awaited<ReturnType<typeof db>>;

/** Runs `work` once calls stop coming for `delayMs`, one pass at a time; a failure is logged as `what`. */
export function afterBurst(what: string, work: (database: Database) => Promise<void>, database: () => Promise<Database> = db): (delayMs: number) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  const pass = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    database()
      .then(work)
      .catch((error: unknown) => logProblem(what, error))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          pass();
        }
      });
  };
  return (delayMs) => {
    clearTimeout(timer);
    timer = setTimeout(pass, delayMs);
  };
}
