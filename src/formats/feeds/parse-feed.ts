// The one entry point for feed text: finds the dialect (RSS, Atom, JSON Feed) and parses it, with
// bounds on size and item count so a hostile or broken feed cannot exhaust a service worker.
import { atomVersion, parseAtom } from './atom';
import { isJsonFeed, parseJsonFeed } from './json-feed';
import { NS, parseRss } from './rss';
import type { ItemMemo } from './known-items';
import type { Feed, FeedItem, FeedParseResult } from './types';
import { parseXml, XmlError } from './xml';

export const FEED_LIMITS = {
  /** Characters of feed text parsed at most; the fetcher caps bytes before this. */
  maxChars: 8_000_000,
  /** Items kept: a feed's latest, first or last as it lists them (item.ts, firstItems). */
  maxItems: 500,
};

export interface ParseFeedOptions {
  /** The feed's address: base for relative links. */
  url?: string | null;
  maxChars?: number;
  maxItems?: number;
  /** The items of this feed's last parse, reused where unchanged; filled with this parse's (XML feeds). */
  memo?: ItemMemo;
}

function parseXmlFeed(text: string, url: string | null, maxItems: number, memo: ItemMemo | undefined): Feed | string {
  const root = parseXml(text);
  const source = { text, ...(memo ? { memo } : {}) };
  // <rss> is in no namespace: its case is the writer's (<RSS>), as for its elements (xml-tree.ts).
  if (root.local.toLowerCase() === 'rss' && root.ns === '') return parseRss(root, url, maxItems, source);
  if (root.local === 'RDF' && root.ns === NS.rdf) return parseRss(root, url, maxItems, source);
  const atom = atomVersion(root);
  if (atom) return parseAtom(root, atom, url, maxItems, source);
  return `not a feed: the document's root is <${root.name}>`;
}

/**
 * The items with one id each. Some feeds give every item the same id (the site's address, a
 * constant guid): kept by id, all but one would vanish. Items sharing an id are told apart by
 * their address, or failing that by their place in the feed; an item listed twice (same id, same
 * address) is kept once.
 */
function distinctIds(items: FeedItem[]): FeedItem[] {
  const count = new Map<string, number>();
  for (const item of items) count.set(item.id, (count.get(item.id) ?? 0) + 1);
  if (count.size === items.length) return items;
  const listed = new Set<string>();
  return items.flatMap((item, i) => {
    if (count.get(item.id) === 1) return [item];
    if (item.url) {
      const pair = `${item.id}\n${item.url}`;
      if (listed.has(pair)) return [];
      listed.add(pair);
    }
    return [{ ...item, id: item.url && !count.has(item.url) ? item.url : `${item.id}#${i}` }];
  });
}

/** Where a feed's XML starts when something was printed before it (a PHP warning): its declaration or root. */
const XML_START = /<\?xml[\s?]|<(?:rss|feed|rdf:RDF)[\s>]/i;
/** The end of a feed's root element, after which a host may append a script or a comment. */
const ROOT_END = /<\/(?:rss|feed|rdf:RDF)\s*>/gi;
/** HTML's empty elements written as HTML in a feed's unescaped description ("line<br>line"). */
const OPEN_VOID = /<(br|hr|img|wbr)(\s[^<>]*?)?\/?>/gi;

/**
 * A feed that strict XML refuses, as feed readers read it: what was printed before its start
 * dropped, what a host appended after its root's end dropped, and HTML's empty elements closed.
 * Null when none of these applies. Each step one pass: linear in the text.
 */
function repairedXml(text: string): string | null {
  const head = text.slice(0, 4_096).search(XML_START);
  let repaired = head > 0 ? text.slice(head) : text;
  let end = -1;
  for (const m of repaired.matchAll(ROOT_END)) end = m.index + m[0].length;
  if (end > 0 && repaired.slice(end).trim()) repaired = repaired.slice(0, end);
  repaired = repaired.replace(OPEN_VOID, (_, name: string, attrs: string | undefined) => `<${name}${attrs ?? ''}/>`);
  return repaired === text ? null : repaired;
}

export function parseFeed(text: string, opts: ParseFeedOptions = {}): FeedParseResult {
  const first = parseFeedText(text, opts);
  if (first.ok || first.error.startsWith('feed too large') || first.error.startsWith('malformed JSON')) return first;
  const repaired = repairedXml(text);
  if (repaired === null) return first;
  const second = parseFeedText(repaired, opts);
  // The reader is told what was wrong with the feed as served, not with the repair.
  return second.ok ? second : first;
}

function parseFeedText(text: string, opts: ParseFeedOptions): FeedParseResult {
  const url = opts.url ?? null;
  const maxChars = opts.maxChars ?? FEED_LIMITS.maxChars;
  // The dialects stop converting at the limit: items are kept in feed order, never sorted first
  // (the items of a long feed listed oldest first are taken from its end).
  const maxItems = opts.maxItems ?? FEED_LIMITS.maxItems;
  if (text.length > maxChars) return { ok: false, error: `feed too large: more than ${maxChars} characters` };
  const start = text.replace(/^\uFEFF?\s+/, '').slice(0, 1);
  let feed: Feed | string;
  try {
    if (start === '{') {
      const json: unknown = JSON.parse(text);
      feed = isJsonFeed(json) ? parseJsonFeed(json, url, maxItems) : 'not a feed: JSON without a JSON Feed version';
    } else if (start === '<') {
      feed = parseXmlFeed(text, url, maxItems, opts.memo);
    } else {
      feed = 'not a feed: neither XML nor JSON';
    }
  } catch (err) {
    if (err instanceof XmlError) return { ok: false, error: `malformed XML: ${err.message}` };
    if (err instanceof SyntaxError) return { ok: false, error: `malformed JSON: ${err.message}` };
    throw err;
  }
  if (typeof feed === 'string') return { ok: false, error: feed };
  return { ok: true, feed: { ...feed, items: distinctIds(feed.items) } };
}

/**
 * Labels of the single-byte Western encodings, the ones a server names by default: WHATWG reads
 * each as windows-1252, but ISO-8859-15 (Latin-9, its euro sign where Latin-1 has ¤).
 */
const WESTERN = /^(?:iso-?8859-1|iso_8859-1|latin-?1|l1|windows-1252|cp1252|us-ascii|ascii|iso-?8859-15|iso_8859-15|latin-?9|l9)$/i;
/** How much of the text's start is searched for its XML declaration (blank lines may come first). */
const HEAD_BYTES = 512;

/** Whether the bytes hold any beyond ASCII and all of them read as UTF-8. */
function readsAsUtf8(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Whether a label names UTF-8 (WHATWG knows it as "utf8", "unicode-1-1-utf-8" too). */
function isUtf8(label: string): boolean {
  try {
    return new TextDecoder(label).encoding === 'utf-8';
  } catch {
    return false;
  }
}

/**
 * Whether the bytes hold a well-formed UTF-8 sequence of two bytes or more. Latin-1 and windows-1252
 * text almost never does (a letter from À to ô followed by one to three bytes from 0x80 to 0xBF:
 * "Ã©"); UTF-8 text with a stray byte pasted in does at every other accent. One pass.
 */
function holdsUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) continue;
    let k = 1;
    while (k < length && (bytes[i + k]! & 0xc0) === 0x80) k++;
    if (k === length) return true;
  }
  return false;
}

/**
 * Bytes to text: a byte order mark first (it cannot be mistaken), then the encoding the server or
 * the XML declaration names (ISO-8859-1 feeds are still common), else UTF-8, which is also what
 * JSON Feed requires. A server that names ISO-8859-1 by default for a UTF-8 feed is common too,
 * and would turn every "é" into "Ã©": bytes that read as UTF-8 beyond ASCII are UTF-8 (genuine
 * Latin-1 text almost never does, as it would need "Ã" followed by a symbol at every accent).
 * The other way round, a server (or nothing) saying UTF-8 over Latin-1 or windows-1252 bytes gave
 * "Caf� � S�o Paulo": bytes that are not UTF-8 and hold no UTF-8 sequence at all are read as their
 * XML declaration says, else as windows-1252. A UTF-8 feed with one stray byte stays UTF-8.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType: string | null): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, HEAD_BYTES));
  const inXml = /^(?:\uFEFF)?\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  const declared = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? inXml;
  const encoding = bom ?? (declared && WESTERN.test(declared) && readsAsUtf8(bytes) ? 'utf-8' : declared) ?? 'utf-8';
  if (!bom && isUtf8(encoding)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      if (!holdsUtf8Sequence(bytes)) return decode(bytes, inXml && !isUtf8(inXml) ? inXml : 'windows-1252');
    }
  }
  return decode(bytes, encoding);
}

/** The bytes in an encoding, or in UTF-8 when no browser knows the encoding's name. */
function decode(bytes: Uint8Array, encoding: string): string {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
