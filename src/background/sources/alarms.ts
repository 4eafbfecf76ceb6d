// Scheduled work: refreshing subscriptions and feeds (every `refreshHours`, 6 by default), and,
// daily, pruning reading history past its retention and feed items past the reader's window.
// Without the `alarms` permission nothing is scheduled and the options page says so; "Refresh
// now" still works, and the pruning runs whenever the browser starts.
import type { BackgroundAlarms } from '../browser-api';
import { db } from '../db';
import { logProblem } from '../log';
import { invalidateStoryIndex } from '../matcher';
import { pruneFeeds, refreshAllFeeds } from './feeds';
import { pruneHistory } from './history';
import type { Serially } from './runtime-env';
import { readPrefs } from './source-prefs';
import { refreshAllSubscriptions } from './subscriptions';

export const REFRESH_ALARM = 'storyline-refresh-sources';
export const PRUNE_ALARM = 'storyline-prune-history';
const PRUNE_MINUTES = 24 * 60;

export interface SourceAlarms {
  /** Whether refreshes are scheduled at all (the `alarms` permission is granted). */
  scheduled: boolean;
  /** Creates the alarms, or re-creates them when the reader changed the period. */
  schedule(): Promise<void>;
  onAlarm(alarm: { name: string }): void;
}

/** `alarms`: the browser's API, undefined without the permission. */
export function sourceAlarms(alarms: BackgroundAlarms | undefined, serially: Serially): SourceAlarms {
  const prune = async (): Promise<void> => {
    // Queued, as clearing history is: a rejoin under way would write back entries it had read.
    await serially(async ({ database }) => {
      if (await pruneHistory(database, (await readPrefs(database)).retentionDays)) invalidateStoryIndex();
    });
    // Feed items past the reader's window leave their stories (queued: it changes feed stories).
    await serially(pruneFeeds);
  };
  return {
    scheduled: alarms !== undefined,
    async schedule() {
      // Without alarms, retention still holds: old history goes whenever the browser starts.
      if (!alarms) return prune();
      const minutes = (await readPrefs(await db())).refreshHours * 60;
      if ((await alarms.get(REFRESH_ALARM))?.periodInMinutes !== minutes) {
        await alarms.create(REFRESH_ALARM, { delayInMinutes: minutes, periodInMinutes: minutes });
      }
      if (!(await alarms.get(PRUNE_ALARM))) await alarms.create(PRUNE_ALARM, { delayInMinutes: 1, periodInMinutes: PRUNE_MINUTES });
    },
    onAlarm(alarm) {
      if (alarm.name === REFRESH_ALARM) {
        serially(async (env) => {
          // The feeds are refreshed whatever became of the subscriptions.
          await refreshAllSubscriptions(env).catch((error: unknown) => logProblem('scheduled refresh of subscriptions', error));
          await refreshAllFeeds(env);
        }).catch((error: unknown) => logProblem('scheduled refresh', error));
      } else if (alarm.name === PRUNE_ALARM) {
        prune().catch((error: unknown) => logProblem('history retention', error));
      }
    },
  };
}
