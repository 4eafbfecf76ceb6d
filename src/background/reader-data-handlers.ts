// The options page's "Your data": export everything that belongs to the reader, or merge a file.
import { CallError } from '../contracts/call-result';
import { parseReaderData } from '../formats/reader-data';
import type { SettingsArea } from '../shared/settings-area';
import type { Badge } from './badge';
import { db } from './db';
import type { Handler } from './handler-types';
import { logProblem } from './log';
import { storyIndex } from './matcher';
import { exportReaderData, importReaderData } from './reader-data';
import type { SourceAlarms } from './sources/alarms';
import { refreshAllFeeds } from './sources/feeds';
import { rejoinHistory } from './sources/history';
import type { Serially } from './sources/runtime-env';
import { refreshAllSubscriptions } from './sources/subscriptions';

/** At most this many problems are named; a file with more is summed up by its count. */
const SHOWN_ERRORS = 5;

export interface ReaderDataDeps {
  settings: SettingsArea;
  badge: Badge;
  serially: Serially;
  alarms: SourceAlarms;
}

export function readerDataHandlers({ settings, badge, serially, alarms }: ReaderDataDeps): {
  'data/export': Handler<'data/export'>;
  'data/import': Handler<'data/import'>;
} {
  return {
    async 'data/export'() {
      return exportReaderData(await db(), await settings.read());
    },

    async 'data/import'({ text }) {
      const parsed = parseReaderData(text);
      if (!parsed.ok) {
        const more = parsed.errors.length - SHOWN_ERRORS;
        throw new CallError('invalid', [...parsed.errors.slice(0, SHOWN_ERRORS), ...(more > 0 ? [`(+${more})`] : [])].join('\n'));
      }
      const database = await db();
      const { added, settings: next, newHistory } = await importReaderData(database, parsed.data, await settings.read());
      await settings.write(next);
      // Only what the file added is matched: the rest of the history was joined already.
      if (added.history > 0) await rejoinHistory(database, await storyIndex(), newHistory);
      if (added.following > 0) await badge.showFollow(database);
      await alarms.schedule();
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
}
