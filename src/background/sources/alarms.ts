// Scheduled work: refreshing subscriptions and feeds (every `refreshHours`, 6 by default), and,
// daily, pruning reading history past its retention and feed items past the reader's window.
// Without the `alarms` permission nothing is scheduled and the options page says so; "Refresh
// now" still works, and the pruning runs whenever the browser starts.
import { browser } from '../../shared/browser';
import { db } from '../db';
import { logProblem } from '../log';
import { invalidateStoryIndex } from '../matcher';
import { pruneFeeds, refreshAllFeeds } from './feeds';
import { pruneHistory } from './history';
import { serially } from './runtime-env';
import { readPrefs } from './source-prefs';
import { refreshAllSubscriptions } from './subscriptions';

export const REFRESH_ALARM = 'storyline-refresh-sources';
export const PRUNE_ALARM = 'storyline-prune-history';
const PRUNE_MINUTES = 24 * 60;

/** The `alarms` API, absent when the permission is not granted. */
export function alarmsApi(): typeof browser.alarms | undefined {
  return (browser as { alarms?: typeof browser.alarms }).alarms;
}

/** Creates the alarms, or re-creates them when the reader changed the period. */
export async function scheduleSourceAlarms(): Promise<void> {
  const alarms = alarmsApi();
  // Without alarms, retention still holds: old history goes whenever the browser starts.
  if (!alarms) return prune();
  const minutes = (await readPrefs(await db())).refreshHours * 60;
  if ((await alarms.get(REFRESH_ALARM))?.periodInMinutes !== minutes) {
    await alarms.create(REFRESH_ALARM, { delayInMinutes: minutes, periodInMinutes: minutes });
  }
  if (!(await alarms.get(PRUNE_ALARM))) await alarms.create(PRUNE_ALARM, { delayInMinutes: 1, periodInMinutes: PRUNE_MINUTES });
}

async function prune(): Promise<void> {
  const database = await db();
  if (await pruneHistory(database, (await readPrefs(database)).retentionDays)) invalidateStoryIndex();
  // Feed items past the reader's window leave their stories (queued: it changes feed stories).
  await serially(pruneFeeds);
}

export function onSourceAlarm(alarm: { name: string }): void {
  if (alarm.name === REFRESH_ALARM) {
    serially(async (env) => {
      await refreshAllSubscriptions(env);
      await refreshAllFeeds(env);
    }).catch((error: unknown) => logProblem('scheduled refresh', error));
  } else if (alarm.name === PRUNE_ALARM) {
    prune().catch((error: unknown) => logProblem('history retention', error));
  }
}
