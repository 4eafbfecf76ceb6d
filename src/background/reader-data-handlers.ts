// The options page's "Your data": export everything that belongs to the reader, or merge a file.
// An import commits with a receipt under an id the page chose (import-receipts.ts), so a page whose
// answer was cut short by a stopped worker can ask what its import did.
import { CallError } from '../contracts/call-result';
import { parseReaderData } from '../formats/reader-data';
import type { SettingsArea } from '../shared/settings-area';
import { db } from './db';
import type { Handler } from './handler-types';
import type { ImportFinisher } from './import-finish';
import { getReceipt, type ImportReceipt } from './import-receipts';
import { logProblem } from './log';
import { exportReaderData, importReaderData } from './reader-data';

/** At most this many problems are named; a file with more is summed up by its count. */
const SHOWN_ERRORS = 5;

export interface ReaderDataDeps {
  settings: SettingsArea;
  imports: ImportFinisher;
}

export function readerDataHandlers({ settings, imports }: ReaderDataDeps): {
  'data/export': Handler<'data/export'>;
  'data/import': Handler<'data/import'>;
  'data/import-receipt': Handler<'data/import-receipt'>;
} {
  /**
   * What the import added, once it is stored. Finishing it (settings, joins) can still fail; the
   * data is in, so the reader is told what was added rather than "nothing changed", and the
   * receipt, left unfinished, is finished at the next import or start.
   */
  const finished = async (receipt: ImportReceipt): Promise<ImportReceipt['added']> =>
    (
      await imports.finish(receipt).catch((error: unknown) => {
        logProblem('import finish', error);
        return receipt;
      })
    ).added;

  return {
    async 'data/export'() {
      return exportReaderData(await db(), await settings.read());
    },

    async 'data/import'({ text, receipt: id }) {
      const parsed = parseReaderData(text);
      if (!parsed.ok) {
        const more = (parsed.total ?? parsed.errors.length) - SHOWN_ERRORS;
        throw new CallError('invalid', [...parsed.errors.slice(0, SHOWN_ERRORS), ...(more > 0 ? [`(+${more})`] : [])].join('\n'));
      }
      const database = await db();
      // The same import sent again (the page retried after a stop that came after the commit).
      const landed = id === undefined ? null : await getReceipt(database, id);
      if (landed) return finished(landed);
      // An import a stopped worker left half-done is finished first: its settings are older than this file's.
      await imports.finishPending();
      const keepHistory = (await settings.read()).history;
      const receipt = await importReaderData(database, parsed.data, { keepHistory, ...(id === undefined ? {} : { receipt: id }) });
      return finished(receipt);
    },

    async 'data/import-receipt'({ receipt: id }) {
      const receipt = await getReceipt(await db(), id);
      return receipt && finished(receipt);
    },
  };
}
