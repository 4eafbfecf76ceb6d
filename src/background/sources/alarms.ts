// Scheduled work: refreshing subscriptions and feeds (every `refreshHours`, 6 by default), and,
// daily, pruning reading history past its retention and feed items past the reader's window.
// Without the `alarms` permission nothing is scheduled and the options page says so; "Refresh
// now" still works, and the pruning runs whenever the browser starts.
// The refresh alarm is not trusted to outlive the browser: Firefox keeps alarms in memory only
// (bug 1995451, w3c/webextensions#406), so each start makes it again, and Chrome's follow the wall
// clock, so one made before the clock was put back can wait that much longer. Made again, it fires
// when the refresh is due by what is stored (firstRefreshAt), not a whole period from the start:
// a reader whose sessions are shorter than the period would otherwise never get a refresh.
import type { IDBPDatabase } from 'idb';
import type { StorylineDB } from '../../formats/storage-schema';
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
/** Once, soon after a scheduled refresh in which no feed got any answer (the reader offline). */
export const RETRY_ALARM = 'storyline-refresh-retry';
const RETRY_MINUTES = 10;
const PRUNE_MINUTES = 24 * 60;
/** A refresh that is due runs this soon: the browser's start has its own work to do first. */
const SOON_MS = 60_000;
/** Leeway for an alarm's time as the browser rounds it, before it counts as more than a period ahead. */
const LEEWAY_MS = 60_000;

/**
 * When a refresh alarm made now should first fire: a period after the newest check of any source
 * the alarm refreshes (subscriptions and feeds), as a kept alarm would; within a minute once that
 * time has passed, or while a source was never checked (added, and its first fetch cut off by the
 * browser closing). Null without any source: nothing is due.
 */
async function firstRefreshAt(database: IDBPDatabase<StorylineDB>, periodMs: number, now: number): Promise<number | null> {
  const sources = [...(await database.getAll('subscriptions')), ...(await database.getAll('feeds'))];
  if (sources.length === 0) return null;
  let newest = -Infinity;
  for (const { checkedAt } of sources) {
    // Records are read as untrusted: a time that does not parse counts as never checked.
    const at = typeof checkedAt === 'string' ? Date.parse(checkedAt) : NaN;
    if (Number.isNaN(at)) return now + SOON_MS;
    newest = Math.max(newest, at);
  }
  // A check stamped after now (the clock was put back since) counts as now: a period, no more.
  return Math.max(now + SOON_MS, Math.min(newest, now) + periodMs);
}

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
      const database = await db();
      const minutes = (await readPrefs(database)).refreshHours * 60;
      const periodMs = minutes * 60_000;
      const current = await alarms.get(REFRESH_ALARM);
      const now = Date.now();
      // Made again when missing (Firefox, after a restart), of another period (the reader changed
      // it), or more than a period ahead (the clock was put back). One within a period is kept,
      // even with a source never checked: at a start, Chrome fires an alarm missed while it was
      // closed and sets the next a period on, so replacing it would fetch everything twice.
      if (current?.periodInMinutes !== minutes || current.scheduledTime > now + periodMs + LEEWAY_MS) {
        // Without any source, a period away, as before: nothing is waiting to be fetched.
        const when = (await firstRefreshAt(database, periodMs, now)) ?? now + periodMs;
        await alarms.create(REFRESH_ALARM, { when, periodInMinutes: minutes });
      }
      if (!(await alarms.get(PRUNE_ALARM))) await alarms.create(PRUNE_ALARM, { delayInMinutes: 1, periodInMinutes: PRUNE_MINUTES });
    },
    onAlarm(alarm) {
      if (alarm.name === REFRESH_ALARM || alarm.name === RETRY_ALARM) {
        serially(async (env) => {
          // The feeds are refreshed whatever became of the subscriptions.
          await refreshAllSubscriptions(env).catch((error: unknown) => logProblem('scheduled refresh of subscriptions', error));
          const { offline } = await refreshAllFeeds(env);
          // Woken with no network yet (the missed alarm fires at once): asked again soon rather
          // than a period later. Once: a reader offline for hours is asked at each period.
          if (offline && alarm.name === REFRESH_ALARM) await alarms?.create(RETRY_ALARM, { delayInMinutes: RETRY_MINUTES });
        }).catch((error: unknown) => logProblem('scheduled refresh', error));
      } else if (alarm.name === PRUNE_ALARM) {
        prune().catch((error: unknown) => logProblem('history retention', error));
      }
    },
  };
}
