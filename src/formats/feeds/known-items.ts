// A feed's items as its last parse converted them, so that a refresh converts only what changed.
// A feed lists its latest fifty-odd items and a refresh usually brings a handful of new ones:
// converting every item again (links resolved and cleaned, HTML reduced to text, dates and kinds
// read) was most of a 100-source refresh's parse. An item is taken from the last parse when its
// source text and everything around it that its conversion reads (the base for links, the
// channel's section, the namespace bindings in effect) are the same, so the item is the one the
// conversion would make again. Items are known by a fingerprint of their source text, not the
// text, under their context (spelled once per feed): a memo of a hundred feeds stays well under a
// megabyte. Two different items of one feed with the same 64-bit fingerprint and length would
// make the second read as the first: odds of about 1e-16 per feed by accident, and a feed that
// arranged it on purpose confuses only its own items.
import type { FeedItem } from './types';

/** The conversions of one parse, by context and then by fingerprint: what the next parse of the same feed may reuse. */
export type KnownItems = ReadonlyMap<string, ReadonlyMap<string, FeedItem | null>>;

/**
 * Two 32-bit multiplicative hashes over the UTF-16 code units (FNV-1a, and one with another
 * multiplier and a shift), with the length: linear in the text.
 */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${text.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

/**
 * An element's context: `fields` (what the dialect's conversion reads of the feed) and the
 * namespace bindings in effect in it, in a stable order. Items mostly share one scope object, so
 * each scope is spelled out once per parse.
 */
export function contextOf(fields: string): (el: { scope: ReadonlyMap<string, string> }) => string {
  const spelled = new Map<ReadonlyMap<string, string>, string>();
  return ({ scope }) => {
    let context = spelled.get(scope);
    if (context === undefined) {
      context = JSON.stringify([fields, [...scope].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))]);
      spelled.set(scope, context);
    }
    return context;
  };
}

export class ItemMemo {
  /** This parse's conversions. */
  readonly known = new Map<string, Map<string, FeedItem | null>>();

  /** `last`: the conversions of the last parse of the same feed, if any. */
  constructor(private readonly last?: KnownItems) {}

  /**
   * The item whose source is `source` in `context` (a string of everything outside the source
   * that `convert` reads): the last parse's conversion when there was one, else `convert()`.
   */
  item(context: string, source: string, convert: () => FeedItem | null): FeedItem | null {
    const print = fingerprint(source);
    let known = this.known.get(context);
    if (!known) this.known.set(context, (known = new Map()));
    let item = known.get(print);
    if (item === undefined) item = this.last?.get(context)?.get(print);
    if (item === undefined) item = convert();
    known.set(print, item);
    return item;
  }
}
