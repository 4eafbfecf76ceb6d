// The options page's "Your data": export everything that belongs to the reader, or merge a file.
import { parseReaderData } from '../shared/reader-data';
import { readSettings, writeSettings } from '../shared/settings-store';
import { showFollowBadge } from './badge';
import { db } from './db';
import type { Handler } from './handler-types';
import { logProblem } from './log';
import { storyIndex } from './matcher';
import { exportReaderData, importReaderData } from './reader-data';
import { scheduleSourceAlarms } from './sources/alarms';
import { refreshAllFeeds } from './sources/feeds';
import { rejoinHistory } from './sources/history';
import { serially } from './sources/runtime-env';
import { refreshAllSubscriptions } from './sources/subscriptions';

/** At most this many problems are named; a file with more is summed up by its count. */
const SHOWN_ERRORS = 5;

export const readerDataHandlers: { 'data/export': Handler<'data/export'>; 'data/import': Handler<'data/import'> } = {
  async 'data/export'() {
    return exportReaderData(await db(), await readSettings());
  },

  async 'data/import'({ text }) {
    const parsed = parseReaderData(text);
    if (!parsed.ok) {
      const more = parsed.errors.length - SHOWN_ERRORS;
      throw new Error([...parsed.errors.slice(0, SHOWN_ERRORS), ...(more > 0 ? [`(+${more})`] : [])].join('\n'));
    }
    const database = await db();
    const { added, settings, newHistory } = await importReaderData(database, parsed.data, await readSettings());
    await writeSettings(settings);
    // Only what the file added is matched: the rest of the history was joined already.
    if (added.history > 0) await rejoinHistory(database, await storyIndex(), newHistory);
    if (added.following > 0) await showFollowBadge(database);
    await scheduleSourceAlarms();
    // Sources the reader had elsewhere are fetched now rather than at the next scheduled refresh.
    if (added.subscriptions + added.feeds > 0) {
      serially(async (env) => {
        await refreshAllSubscriptions(env);
        await refreshAllFeeds(env);
      }).catch((error: unknown) => logProblem('refresh after import', error));
    }
    return added;
  },

};
