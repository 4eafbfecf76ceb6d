// The SourceEnv of the running extension, and one queue for every refresh: an alarm and a "Refresh
// now" must not install the same pack twice at once. When a queued task is done, open options
// pages hear that sources changed (a `sources/changed` broadcast) and read their state again.
import type { SourcesChanged } from '../../contracts/source-events';
import type { BackgroundBrowser } from '../browser-api';
import { db } from '../db';
import { logProblem } from '../log';
import { changeStoryIndex, historyRejoined, invalidateStoryIndex, storyIndex } from '../matcher';
import { rejoinHistory } from './history';
import { rejoinAfterDelta } from './history-delta';
import { hostPermission } from './host-permission';
import { loggedFetcher } from './source-access';
import type { SourceEnv } from './source-env';

/**
 * Runs `task` after every task queued before it, whether those failed or not. Unless it only
 * reads (`reads`), open pages are told sources changed once it is done, failed or not.
 */
export type Serially = <T>(task: (env: SourceEnv) => Promise<T>, opts?: { reads?: boolean }) => Promise<T>;

/** The one queue of the running extension (start.ts makes it): its tasks get the extension's SourceEnv. */
export function sourceQueue(browser: Pick<BackgroundBrowser, 'runtime' | 'permissions'>): Serially {
  const hasAccess = hostPermission(browser.permissions);

  const runtimeEnv = async (): Promise<SourceEnv> => {
    const database = await db();
    return {
      database,
      fetch: loggedFetcher(database, hasAccess),
      hasAccess,
      now: () => new Date(),
      packsChanged: async () => {
        invalidateStoryIndex();
        // Queued, not awaited: rebuilding the index takes a second for a big pack, and the import
        // or refresh that changed the packs is done without it.
        serially(async () => {
          await rejoinHistory(database, await storyIndex());
          historyRejoined();
        }).catch((error: unknown) => logProblem('history joins', error));
      },
      changeStories: async (write) => {
        const delta = await changeStoryIndex(write);
        if (!delta) return;
        // Queued like the full rejoin, but only over what the delta touched.
        serially(async () => {
          await rejoinAfterDelta(database, await storyIndex(), delta);
          historyRejoined();
        }).catch((error: unknown) => logProblem('history joins', error));
      },
    };
  };

  /** Tells open extension pages (the options page) that sources changed; nobody answers. */
  const announceChange = (): void => {
    const message: SourcesChanged = { type: 'sources/changed' };
    // Rejected when no page listens: nothing to tell then.
    browser.runtime.sendMessage(message).catch(() => undefined);
  };

  let queue: Promise<unknown> = Promise.resolve();
  const serially: Serially = (task, opts = {}) => {
    const run = queue.then(async () => task(await runtimeEnv()));
    queue = run.catch(() => undefined);
    if (!opts.reads) void queue.then(announceChange);
    return run;
  };
  return serially;
}
