// The building blocks of the call maps: a call is a request and its answer; every request type
// has a parser that returns the validated payload or undefined.
import { isRecord } from '../formats/guards';

export type Call<Req, Res> = { req: Req; res: Res };
export type ReqOf<M, K extends keyof M> = M[K] extends Call<infer R, unknown> ? R : never;
export type ResOf<M, K extends keyof M> = M[K] extends Call<unknown, infer R> ? R : never;
export type Parsers<M> = { [K in keyof M]: (payload: unknown) => ReqOf<M, K> | undefined };

/** The parser of calls that carry no payload. */
export const empty = (p: unknown): Record<string, never> | undefined =>
  p === undefined || (isRecord(p) && Object.keys(p).length === 0) ? {} : undefined;

/** The receiver answered and refused: its reason is the message. */
export class CallRefused extends Error {}

/** The value of an answer in its Result envelope ({ ok, value } or { ok: false, error }); a refusal throws. */
export function unwrap<T>(answer: unknown): T {
  const result = answer as { ok: true; value: T } | { ok: false; error: string } | undefined;
  if (!result || typeof result !== 'object' || !('ok' in result)) throw new Error('no answer');
  if (!result.ok) throw new CallRefused(result.error);
  return result.value;
}

/**
 * Whether a failed call never got its answer: the receiver stopped while working (a service worker
 * ended, the extension reloaded) or was not there. Worth trying again, unlike a refusal.
 */
export function wasInterrupted(error: unknown): boolean {
  return !(error instanceof CallRefused);
}
