// The building blocks of the call tables. Each call is defined once: who may make it, how its
// payload is parsed, and (as a type only) what it answers. The request and answer types, the
// background's router and the content script's dispatch all come from that one definition.
import { isRecord, str } from '../formats/guards';

/**
 * Who sent a call, as the receiver tells it from `sender` (the browser fills it in; a page cannot
 * forge it), never from the payload. 'background' sends the content script its calls.
 */
export type SenderKind = 'content' | 'sidebar' | 'popup' | 'options' | 'welcome' | 'background';

declare const answerType: unique symbol;
/** What a call answers, as a type only: nothing travels in it. */
export interface Answer<T> {
  readonly [answerType]?: T;
}
export function answer<T>(): Answer<T> {
  return {};
}

/** One call: the request type is what `parse` returns, the answer type is `answer`'s. */
export interface CallSpec<Req, Res> {
  /** Who may make the call; any other sender is refused before a handler runs. */
  readonly senders: readonly SenderKind[];
  /** The validated payload, or undefined to refuse the message. */
  readonly parse: (payload: unknown) => Req | undefined;
  readonly answer: Answer<Res>;
}

/** Defines a call (the function only gives `parse` and `answer` their inferred types). */
export function call<Req, Res>(spec: CallSpec<Req, Res>): CallSpec<Req, Res> {
  return spec;
}

export type CallTable = Readonly<Record<string, CallSpec<unknown, unknown>>>;

export type Call<Req, Res> = { req: Req; res: Res };
/** The request and answer types of every call of a table. */
export type CallsOf<T> = { [K in keyof T]: T[K] extends CallSpec<infer Req, infer Res> ? Call<Req, Res> : never };
export type ReqOf<M, K extends keyof M> = M[K] extends Call<infer R, unknown> ? R : never;
export type ResOf<M, K extends keyof M> = M[K] extends Call<unknown, infer R> ? R : never;

/** The parser of calls whose payload is one string field, `key`, of at most `max` characters. */
export function oneString<K extends string>(key: K, max: number): (p: unknown) => Record<K, string> | undefined {
  return (p) => {
    const value = isRecord(p) ? str(p[key], max) : undefined;
    return value === undefined ? undefined : ({ [key]: value } as Record<K, string>);
  };
}

/** The parser of calls that carry no payload. */
export const empty = (p: unknown): Record<string, never> | undefined =>
  p === undefined || (isRecord(p) && Object.keys(p).length === 0) ? {} : undefined;
