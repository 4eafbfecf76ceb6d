// A failed call in the reader's words, as a sentence a status line can show on its own: the code of a
// refusal (contracts/call-result.ts) translated. Where the receiver gave a detail it says more than
// the code: a refusal, something missing or already there is its detail alone ("This feed is already
// added", not "It is there already: this feed is already added"); an invalid file or a failure keeps
// the code's words before it, as the detail is a place in the file or the browser's message.
// Storage failures need no detail: their message says what happened and what to do.
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
const DETAIL_ALONE: ReadonlySet<ErrorCode> = new Set(['refused', 'not-found', 'exists']);

/** A receiver's detail as a sentence of ours: capitalised, and ended as every other status line is. */
const sentence = (text: string): string => {
  const said = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(said) ? said : `${said}.`;
};

/** The text of any error a page shows: a refusal translated by its code, anything else its message. */
export function errorText(error: unknown): string {
  if (!(error instanceof CallRefused)) return error instanceof Error ? error.message : String(error);
  const text = t(MESSAGES[error.code]);
  if (!error.detail || STORAGE.has(error.code)) return text;
  return DETAIL_ALONE.has(error.code) ? sentence(error.detail) : t('errorWithDetail', [text, error.detail]);
}
