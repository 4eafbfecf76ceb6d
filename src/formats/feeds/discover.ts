// Feed discovery from a page's HTML text: `<link rel="alternate" type="application/rss+xml" href>`
// and its Atom and JSON Feed siblings, resolved against the page URL (or its <base href>). Works on
// text, not a DOM, so the background can run it on what the content script sends.
import { parseHttpUrl } from '../url';
import { decodeEntities } from './entities';
import type { FeedDialect } from './types';

export interface DiscoveredFeed {
  url: string;
  dialect: FeedDialect;
  title: string | null;
}

const TYPES: Record<string, FeedDialect> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  // RSS 1.0's own type, and the generic XML types older sites declare their feeds with (RSS
  // mostly: the dialect is a guess until the feed is read).
  'application/rdf+xml': 'rss',
  'text/xml': 'rss',
  'application/xml': 'rss',
  // JSON Feed's first type; WordPress declares its REST API with it too, so only a link whose
  // title or address says "feed" is taken (FEED_WORD).
  'application/json': 'json',
};
const FEED_WORD = /feed/i;
/** Feeds are declared in the head; the text after it is not read. */
const MAX_SCAN = 512_000;
const TAG_START = /<(link|base)(?=[\s/>])/gi;
/** What starts text that is no markup: a comment, or a script's contents. */
const HIDDEN_START = /<!--|<script(?=[\s/>])/gi;
const SCRIPT_END = /<\/script(?=[\s/>])/gi;
const SPACE = /\s/;

/**
 * The attributes of a tag from just after its name to its `>` (names lower-cased; quoted,
 * single-quoted or bare values), and where the tag ends; null when it never ends. One pass over
 * the characters: a quote left open ends the scan rather than being searched for again.
 */
function readTag(src: string, from: number): { attrs: Map<string, string>; end: number } | null {
  const attrs = new Map<string, string>();
  let i = from;
  const n = src.length;
  const skipSpace = (): void => {
    while (i < n && SPACE.test(src[i]!)) i++;
  };
  for (;;) {
    skipSpace();
    while (src[i] === '/') i++;
    skipSpace();
    if (i >= n) return null;
    if (src[i] === '>') return { attrs, end: i + 1 };
    const nameStart = i++;
    while (i < n && !SPACE.test(src[i]!) && !'=/>'.includes(src[i]!)) i++;
    const name = src.slice(nameStart, i).toLowerCase();
    skipSpace();
    let value = '';
    if (src[i] === '=') {
      i++;
      skipSpace();
      const quote = src[i];
      if (quote === '"' || quote === "'") {
        const close = src.indexOf(quote, i + 1);
        if (close < 0) return null;
        value = src.slice(i + 1, close);
        i = close + 1;
      } else {
        const valueStart = i;
        while (i < n && !SPACE.test(src[i]!) && src[i] !== '>') i++;
        value = src.slice(valueStart, i);
      }
    }
    if (!attrs.has(name)) attrs.set(name, decodeEntities(value));
  }
}

/**
 * The text without its comments and its scripts' contents (a script may hold a `<link>` in a
 * string); one left open hides the rest, as in HTML. One forward scan: every search starts where
 * the last one ended, and one that finds nothing ends the scan.
 */
function withoutHidden(html: string): string {
  const parts: string[] = [];
  let i = 0;
  HIDDEN_START.lastIndex = 0;
  for (let m = HIDDEN_START.exec(html); m; m = HIDDEN_START.exec(html)) {
    parts.push(html.slice(i, m.index));
    let close = -1;
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', m.index + 4);
      if (end >= 0) close = end + 3;
    } else {
      SCRIPT_END.lastIndex = m.index + m[0].length;
      const end = SCRIPT_END.exec(html);
      if (end) close = end.index + end[0].length;
    }
    if (close < 0) return parts.join('');
    i = close;
    HIDDEN_START.lastIndex = close;
  }
  parts.push(html.slice(i));
  return parts.join('');
}

export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const head = withoutHidden(html.slice(0, MAX_SCAN));
  const end = head.search(/<body[\s>]/i);
  const scan = end < 0 ? head : head.slice(0, end);
  let base = pageUrl;
  const found = new Map<string, DiscoveredFeed>();
  TAG_START.lastIndex = 0;
  for (let m = TAG_START.exec(scan); m; m = TAG_START.exec(scan)) {
    const tag = readTag(scan, m.index + m[0].length);
    if (!tag) break;
    TAG_START.lastIndex = tag.end;
    const { attrs } = tag;
    const href = attrs.get('href');
    if ((m[1] ?? '').toLowerCase() === 'base') {
      if (href) base = parseHttpUrl(href, pageUrl)?.href ?? base;
      continue;
    }
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (attrs.get('type') ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
    const dialect = Object.hasOwn(TYPES, type) ? TYPES[type] : undefined;
    const url = href ? parseHttpUrl(href, base)?.href : undefined;
    if (!rel.includes('alternate') || !dialect || !url || found.has(url)) continue;
    const title = attrs.get('title')?.trim() || null;
    if (type === 'application/json' && !FEED_WORD.test(`${title ?? ''} ${href}`)) continue;
    found.set(url, { url, dialect, title });
  }
  return [...found.values()];
}

/** Whether text meant to be a feed is a web page: its start says HTML (a doctype or an html element). */
export function isHtmlPage(text: string): boolean {
  return /^\s*(?:<!--[^]*?-->\s*)?<(?:!doctype\s+html|html)[\s>]/i.test(text.slice(0, 2_000));
}

/** A page's `<title>` as text, at most 300 characters; null without one. Searched once, forward. */
export function pageTitleOf(html: string): string | null {
  const head = html.slice(0, MAX_SCAN);
  const open = head.search(/<title[\s>]/i);
  if (open < 0) return null;
  const start = head.indexOf('>', open);
  const end = start < 0 ? -1 : head.indexOf('<', start + 1);
  if (end < 0) return null;
  const title = decodeEntities(head.slice(start + 1, end)).replace(/\s+/g, ' ').trim().slice(0, 300);
  return title || null;
}
