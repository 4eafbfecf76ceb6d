// A failed call in the reader's words: the code of a refusal (contracts/call-result.ts) translated,
// with the receiver's detail after it where it says more (the place of a fault in a file, what was
// not found). Storage failures need no detail: their message says what happened and what to do.
import { CallRefused, type ErrorCode } from '../contracts/call-result';
import { t, type MessageKey } from './i18n';

const MESSAGES: Record<ErrorCode, MessageKey> = {
  refused: 'errorRefused',
  'not-found': 'errorNotFound',
  exists: 'errorExists',
  invalid: 'errorInvalid',
  'storage-full': 'storageFull',
  'storage-newer': 'storageNewerVersion',
  'storage-blocked': 'storageUpgradeBlocked',
  failed: 'errorFailed',
};

const STORAGE: ReadonlySet<ErrorCode> = new Set(['storage-full', 'storage-newer', 'storage-blocked']);

/** The text of any error a page shows: a refusal translated by its code, anything else its message. */
export function errorText(error: unknown): string {
  if (!(error instanceof CallRefused)) return error instanceof Error ? error.message : String(error);
  const text = t(MESSAGES[error.code]);
  return error.detail && !STORAGE.has(error.code) ? t('errorWithDetail', [text, error.detail]) : text;
}
