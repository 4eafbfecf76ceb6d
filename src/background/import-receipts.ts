// A receipt for each reader-data import, written in the import's own transaction under an id the
// options page chose. A worker can stop after that transaction committed and before its answer
// reached the page; the page then asks for the receipt instead of saying "nothing changed".
// What an import leaves for after its commit (the settings, kept in storage.local outside the
// transaction, and the history it added, to be joined to stories) stays in the receipt until it
// is done, so whoever comes next finishes it: the page asking, the next import, the browser's start.
import type { IDBPDatabase } from 'idb';
import { bool, int, isRecord, isoDate, str } from '../formats/guards';
import { IMPORT_RECEIPT_ID, type ReaderDataMerge } from '../formats/reader-data';
import { settingsIn } from '../formats/reader-data-settings';
import type { Settings } from '../formats/settings';
import type { MetaRecord, StorylineDB } from '../formats/storage-schema';

type Database = IDBPDatabase<StorylineDB>;

const PREFIX = 'import-receipt:';
/** Every receipt's key (a function: IDBKeyRange exists only once IndexedDB does). */
export const RECEIPT_RANGE = (): IDBKeyRange => IDBKeyRange.bound(PREFIX, `${PREFIX}\uffff`);
/** A finished receipt is kept this long for a page that asks late, then dropped at the next import. */
export const RECEIPT_KEPT_MS = 24 * 3_600_000;

export interface ImportReceipt {
  id: string;
  /** When the import committed (ISO). */
  at: string;
  added: ReaderDataMerge;
  /** Whether what follows the commit is done; until then the two fields below say what it is. */
  finished: boolean;
  /** The settings the file gave, merged into the reader's when the import is finished. */
  settings: Partial<Settings>;
  /** Page keys of the history entries the import added, joined to stories when it is finished. */
  history: string[];
}

export const receiptKey = (id: string): string => `${PREFIX}${id}`;

export function receiptRecord(receipt: ImportReceipt): MetaRecord {
  return { key: receiptKey(receipt.id), value: receipt };
}

/** The receipt's finished form: the counts kept for the page, the work done dropped. */
export const finishedReceipt = (receipt: ImportReceipt): ImportReceipt => ({ ...receipt, finished: true, settings: {}, history: [] });

function countsIn(raw: Record<string, unknown>): ReaderDataMerge | undefined {
  const count = (key: keyof ReaderDataMerge): number => int(raw[key], 0) ?? Number.NaN;
  const counts: ReaderDataMerge = {
    subscriptions: count('subscriptions'),
    feeds: count('feeds'),
    history: count('history'),
    actions: count('actions'),
    rejections: count('rejections'),
    following: count('following'),
    categories: count('categories'),
    // Absent in a receipt written before these answers existed.
    confirmations: raw['confirmations'] === undefined ? 0 : count('confirmations'),
    historyTooOld: raw['historyTooOld'] === undefined ? 0 : count('historyTooOld'),
  };
  return Object.values(counts).some(Number.isNaN) ? undefined : counts;
}

/** A stored receipt as far as it is one (stored data is read as untrusted); null otherwise. */
export function readReceipt(value: unknown): ImportReceipt | null {
  if (!isRecord(value) || !Array.isArray(value['history'])) return null;
  const rawAdded = value['added'];
  const id = str(value['id'], 64);
  const at = isoDate(value['at']);
  const finished = bool(value['finished']);
  const added = isRecord(rawAdded) ? countsIn(rawAdded) : undefined;
  if (id === undefined || !IMPORT_RECEIPT_ID.test(id) || at === undefined || finished === undefined || !added) return null;
  const history = value['history'].filter((key): key is string => typeof key === 'string');
  return {
    id,
    at,
    added,
    finished,
    settings: settingsIn(value['settings']),
    history,
  };
}

export async function getReceipt(database: Database, id: string): Promise<ImportReceipt | null> {
  return readReceipt((await database.get('meta', receiptKey(id)))?.value);
}

/** Receipts whose import committed and was not finished (the worker stopped in between). */
export async function unfinishedReceipts(database: Database): Promise<ImportReceipt[]> {
  const records = await database.getAll('meta', RECEIPT_RANGE());
  return records.flatMap((record) => {
    const receipt = readReceipt(record.value);
    return receipt && !receipt.finished ? [receipt] : [];
  });
}

/** Keys of receipts to drop: finished and older than RECEIPT_KEPT_MS, or not receipts at all. */
export function staleReceiptKeys(records: readonly MetaRecord[], now: Date): string[] {
  return records.flatMap((record) => {
    const receipt = readReceipt(record.value);
    if (!receipt) return [record.key];
    return receipt.finished && now.getTime() - Date.parse(receipt.at) > RECEIPT_KEPT_MS ? [record.key] : [];
  });
}
