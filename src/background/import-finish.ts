// What a reader-data import leaves for after its commit (import-receipts.ts says why it is kept in
// a receipt): the settings the file gave, the joins of the history it added, the follow badge, the
// source alarms and a first fetch of the sources it added. The settings are merged once: the
// receipt drops them as soon as they are written, as the reader may change them before a stopped
// run is done again. Every later step can be done again without harm (a join of the same pages),
// so an import finished twice, or finished by the next start after a worker stopped half-way,
// ends as one finished once.
import { mergeSettings } from '../formats/reader-data-settings';
import type { SettingsArea } from '../shared/settings-area';
import type { Badge } from './badge';
import { db } from './db';
import { finishedReceipt, getReceipt, receiptRecord, unfinishedReceipts, type ImportReceipt } from './import-receipts';
import { logProblem } from './log';
import { storyIndex } from './matcher';
import type { SourceAlarms } from './sources/alarms';
import { refreshAllFeeds } from './sources/feeds';
import { rejoinHistory } from './sources/history';
import type { Serially } from './sources/runtime-env';
import { refreshAllSubscriptions } from './sources/subscriptions';

export interface ImportFinisherDeps {
  settings: SettingsArea;
  badge: Badge;
  serially: Serially;
  alarms: SourceAlarms;
}

export interface ImportFinisher {
  /** Does what the receipt's import left to do, once however often asked, and answers the finished receipt. */
  finish(receipt: ImportReceipt): Promise<ImportReceipt>;
  /** Finishes, oldest first, every import whose worker stopped between its commit and its end; never rejects. */
  finishPending(): Promise<void>;
}

export function importFinisher({ settings, badge, serially, alarms }: ImportFinisherDeps): ImportFinisher {
  // One run per receipt at a time: the page asking and the worker's start can meet.
  const running = new Map<string, Promise<ImportReceipt>>();

  const work = async (asked: ImportReceipt): Promise<ImportReceipt> => {
    const database = await db();
    // Read again: a run that ended since the receipt was read has finished it already.
    let receipt = (await getReceipt(database, asked.id)) ?? asked;
    if (receipt.finished) return receipt;
    if (Object.keys(receipt.settings).length > 0) {
      const given = receipt.settings;
      await settings.update((current) => mergeSettings(current, given));
      // Marked done at once: a run that stops after this (in the joins below) and is done again at
      // the next start must not merge the file's settings over what the reader chose since.
      receipt = { ...receipt, settings: {} };
      await database.put('meta', receiptRecord(receipt));
    }
    // Only what the file added is matched: the rest of the history was joined already.
    if (receipt.history.length > 0) await rejoinHistory(database, await storyIndex(), new Set(receipt.history));
    if (receipt.added.following > 0) await badge.showFollow(database);
    await alarms.schedule();
    // Sources the reader had elsewhere are fetched now rather than at the next scheduled refresh.
    if (receipt.added.subscriptions + receipt.added.feeds > 0) {
      serially(async (env) => {
        await refreshAllSubscriptions(env);
        await refreshAllFeeds(env);
      }).catch((error: unknown) => logProblem('refresh after import', error));
    }
    const done = finishedReceipt(receipt);
    await database.put('meta', receiptRecord(done));
    return done;
  };

  const finish = (receipt: ImportReceipt): Promise<ImportReceipt> => {
    const current = running.get(receipt.id);
    if (current) return current;
    const run = work(receipt).finally(() => running.delete(receipt.id));
    running.set(receipt.id, run);
    return run;
  };

  return {
    finish,
    async finishPending() {
      const pending = await db()
        .then(unfinishedReceipts)
        .catch((error: unknown) => {
          logProblem('unfinished imports', error);
          return [];
        });
      pending.sort((a, b) => a.at.localeCompare(b.at));
      // In order: a later file's settings are merged over an earlier one's, as they were chosen.
      // One that fails is logged and left for the next try; it holds back neither the others nor
      // the import that asked for them.
      for (const receipt of pending) await finish(receipt).catch((error: unknown) => logProblem('unfinished import', error));
    },
  };
}
