// The SourceEnv of the running extension, and one queue for every refresh: an alarm and a "Refresh
// now" must not install the same pack twice at once.
import { db } from '../db';
import { logProblem } from '../log';
import { invalidateStoryIndex, storyIndex } from '../matcher';
import { rejoinHistory } from './history';
import { hostPermissionGranted } from './host-permission';
import { loggedFetcher } from './source-access';
import type { SourceEnv } from './source-env';

export async function runtimeEnv(): Promise<SourceEnv> {
  const database = await db();
  return {
    database,
    fetch: loggedFetcher(database, hostPermissionGranted),
    hasAccess: hostPermissionGranted,
    now: () => new Date(),
    packsChanged: async () => {
      invalidateStoryIndex();
      // Queued, not awaited: rebuilding the index takes a second for a big pack, and the import
      // or refresh that changed the packs is done without it.
      serially(async () => rejoinHistory(database, await storyIndex())).catch((error: unknown) => logProblem('history joins', error));
    },
  };
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every task queued before it, whether those failed or not. */
export function serially<T>(task: (env: SourceEnv) => Promise<T>): Promise<T> {
  const run = queue.then(async () => task(await runtimeEnv()));
  queue = run.catch(() => undefined);
  return run;
}
