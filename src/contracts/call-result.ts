// How an answer travels back: a Result envelope whose failure carries a code the pages translate
// (shared/error-text.ts) and, for the log and the curious, the receiver's own words.
import { isRecord } from '../formats/guards';

/**
 * Why a call failed. 'refused': the receiver would not take it (unknown call, bad payload, a sender
 * that may not make it); 'not-found': what it names is not there; 'exists': what it adds is there
 * already; 'invalid': the file or data it carries is not valid (the detail names the place);
 * 'storage-*': IndexedDB could not save or open (see background/storage-errors.ts); 'failed': anything else.
 */
export const ERROR_CODES = ['refused', 'not-found', 'exists', 'invalid', 'storage-full', 'storage-newer', 'storage-blocked', 'failed'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface CallFailure {
  code: ErrorCode;
  detail?: string;
}

/**
 * The detail of a 'not-found' that names a story no longer stored: a view shown before a refresh
 * merged its story into another. A page that hears it asks for its view again.
 */
export const STORY_GONE = 'unknown story';

/** Whether a failed call was refused because its story is gone (STORY_GONE). */
export const isStoryGone = (error: unknown): boolean => error instanceof CallError && error.code === 'not-found' && error.detail === STORY_GONE;

/** Every answer travels in this envelope, so a failure is a value and not a lost promise. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: CallFailure };

/** What a handler throws to fail with a code of its own; anything else it throws answers 'failed'. */
export class CallError extends Error {
  override readonly name: string = 'CallError';
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ?? code);
  }
}

/** The receiver answered with a failure: unwrap throws it at the caller. Unlike any other error, not an interruption. */
export class CallRefused extends CallError {
  override readonly name = 'CallRefused';
}

function isFailure(value: unknown): value is CallFailure {
  return isRecord(value) && ERROR_CODES.includes(value['code'] as ErrorCode) && (value['detail'] === undefined || typeof value['detail'] === 'string');
}

/** The value of an answer in its Result envelope; a failure throws CallRefused with its code. */
export function unwrap<T>(answer: unknown): T {
  if (!isRecord(answer) || typeof answer['ok'] !== 'boolean') throw new Error('no answer');
  if (answer['ok']) return answer['value'] as T;
  const error = answer['error'];
  throw isFailure(error) ? new CallRefused(error.code, error.detail) : new CallRefused('failed');
}

/**
 * Whether a failed call never got its answer: the receiver stopped while working (a service worker
 * ended, the extension reloaded) or was not there. Worth trying again, unlike a refusal.
 */
export function wasInterrupted(error: unknown): boolean {
  return !(error instanceof CallRefused);
}
