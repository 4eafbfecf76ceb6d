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

/** The document's text, and the last parse's items to reuse. */
export interface ItemSource {
  text: string;
  memo?: ItemMemo;
}

/** What an element needs for its conversion to be reused: its source span and namespace scope. */
interface Spanned {
  scope: ReadonlyMap<string, string>;
  start: number;
  end: number;
}

/**
 * A dialect's item conversion, reusing the last parse's items when `source` has a memo. `fields`
 * spells what the conversion reads of the feed besides the element; with the namespace bindings
 * in effect in it (spelled once per scope: items mostly share one) it is the element's context.
 */
export function reusing<E extends Spanned>(source: ItemSource | undefined, fields: readonly unknown[], convert: (el: E) => FeedItem | null): (el: E) => FeedItem | null {
  const memo = source?.memo;
  if (!source || !memo) return convert;
  const spelled = new Map<ReadonlyMap<string, string>, string>();
  return (el) => {
    let context = spelled.get(el.scope);
    if (context === undefined) {
      context = JSON.stringify([fields, [...el.scope].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))]);
      spelled.set(el.scope, context);
    }
    return memo.item(context, source.text.slice(el.start, el.end), () => convert(el));
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
