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
};
/** Feeds are declared in the head; the text after it is not read. */
const MAX_SCAN = 512_000;
const TAG = /<(link|base)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** HTML attributes (names lower-cased; quoted, single-quoted or bare values). */
function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of source.matchAll(ATTR)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const head = html.slice(0, MAX_SCAN).replace(/<!--[\s\S]*?-->/g, '');
  const end = head.search(/<body[\s>]/i);
  let base = pageUrl;
  const found = new Map<string, DiscoveredFeed>();
  for (const m of (end < 0 ? head : head.slice(0, end)).matchAll(TAG)) {
    const attrs = attributes(m[2] ?? '');
    const href = attrs.get('href');
    if ((m[1] ?? '').toLowerCase() === 'base') {
      if (href) base = parseHttpUrl(href, pageUrl)?.href ?? base;
      continue;
    }
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const dialect = TYPES[(attrs.get('type') ?? '').toLowerCase().split(';')[0]?.trim() ?? ''];
    const url = href ? parseHttpUrl(href, base)?.href : undefined;
    if (!rel.includes('alternate') || !dialect || !url || found.has(url)) continue;
    found.set(url, { url, dialect, title: attrs.get('title')?.trim() || null });
  }
  return [...found.values()];
}
