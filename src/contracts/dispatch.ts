// The one way a call is received, in the background (router.ts) and in the content script: parse
// the envelope, check the sender against the call's definition, run its handler, and answer in a
// Result envelope. A refusal says only 'refused' to the sender; the why is for the receiver's log.
import { isRecord } from '../formats/guards';
import type { CallSpec, CallTable, SenderKind } from './call';
import { CallError, type CallFailure, type ErrorCode, type Result } from './call-result';

export type Handler<S, Context> = S extends CallSpec<infer Req, infer Res> ? (payload: Req, context: Context) => Promise<Res> : never;
/** A handler for every call of a table, and for nothing else. */
export type Handlers<T extends CallTable, Context> = { [K in keyof T]: Handler<T[K], Context> };

export const REFUSED = { ok: false, error: { code: 'refused' } } as const satisfies Result<never>;

/** Splits an incoming message into a known type and a validated payload, or undefined. */
export function parseEnvelope<T extends CallTable>(calls: T, message: unknown): { type: keyof T & string; payload: unknown } | undefined {
  if (!isRecord(message)) return undefined;
  const type = message['type'];
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(calls, type)) return undefined;
  const payload = calls[type]?.parse(message['payload']);
  return payload === undefined ? undefined : { type, payload };
}

export type Admission<T> =
  | { ok: true; type: keyof T & string; payload: unknown; kind: SenderKind }
  /** `type` is the call's when the message parsed; `why` is for the log. */
  | { ok: false; type: (keyof T & string) | undefined; why: string };

/** Whether a message is a call of `calls` that a sender of this kind (null: unknown) may make. */
export function admit<T extends CallTable>(calls: T, message: unknown, kind: SenderKind | null): Admission<T> {
  const envelope = parseEnvelope(calls, message);
  if (!envelope) return { ok: false, type: undefined, why: 'malformed' };
  if (!kind) return { ok: false, type: envelope.type, why: 'from an unknown sender' };
  if (!calls[envelope.type]?.senders.includes(kind)) return { ok: false, type: envelope.type, why: `not allowed from ${kind}` };
  return { ok: true, ...envelope, kind };
}

/** A thrown error as a failure: a CallError keeps its code, anything else is 'failed' (`known` may name its code). */
export function failureOf(error: unknown, known: (error: unknown) => ErrorCode | null = () => null): CallFailure {
  if (error instanceof CallError) return error.detail === undefined ? { code: error.code } : { code: error.code, detail: error.detail };
  return { code: known(error) ?? 'failed', detail: error instanceof Error ? error.message : String(error) };
}

/** Runs an admitted call's handler; its answer or its failure, never a throw. */
export async function answerCall<T extends CallTable, Context>(
  handlers: Handlers<T, Context>,
  admitted: { type: keyof T & string; payload: unknown },
  context: Context,
  failed: (error: unknown) => CallFailure = failureOf,
): Promise<Result<unknown>> {
  const handler = handlers[admitted.type] as (payload: unknown, context: Context) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(admitted.payload, context) };
  } catch (error) {
    return { ok: false, error: failed(error) };
  }
}

/** Admit and answer in one step, for a receiver with nothing to check in between (the content script). */
export async function dispatch<T extends CallTable, Context>(calls: T, handlers: Handlers<T, Context>, message: unknown, kind: SenderKind | null, context: Context): Promise<Result<unknown>> {
  const admitted = admit(calls, message, kind);
  return admitted.ok ? answerCall(handlers, admitted, context) : REFUSED;
}
