// RSS 2.0 and 0.91/0.92 (the same elements, fewer), and RSS 1.0 and 0.90 (RDF: the same names in a
// namespace of their own, items beside the channel). Namespaced extensions are read by URI:
// dc:creator/dc:date/dc:subject, content:encoded, media:description, atom:link.
import { parseHttpUrl } from '../url';
import { attr, child, children, textOf } from './xml-tree';
import type { XmlElement } from './xml';
import { authorName, feedTitle, firstItems, toFeedItem } from './item';
import { reusing, type ItemSource } from './known-items';
import type { Feed, FeedItem } from './types';

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  media: 'http://search.yahoo.com/mrss/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss1: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
};

/**
 * The article's own address where a feed proxy gives one beside its tracking link (FeedBurner's
 * origLink, next to a feedproxy.google.com link): the page the reader opens is at that address.
 */
export const originalLink = (item: XmlElement): string | null => textOf(child(item, NS.feedburner, 'origLink')).trim() || null;

// Elements of RSS 2.0 are in no namespace (their names compared without case: xml-tree.ts); RSS 1.0
// and RSS 0.90 put the same names in their own.
const plain = (el: XmlElement, local: string): XmlElement | undefined => child(el, '', local) ?? child(el, NS.rss1, local) ?? child(el, NS.rss090, local);
const text = (el: XmlElement | undefined): string => textOf(el).trim();

function isSectionScheme(domain: string | undefined): boolean {
  return domain !== undefined && /section/i.test(domain);
}

function link(item: XmlElement): string | null {
  const original = originalLink(item);
  if (original) return original;
  const direct = text(plain(item, 'link'));
  if (direct) return direct;
  const alternate = children(item, NS.atom, 'link').find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const href = alternate && attr(alternate, 'href');
  if (href) return href;
  // A guid is a link only when it does not say otherwise (isPermaLink defaults to true); an opaque
  // id ("12345") is no link unless the guid says it is one, when a relative one resolves as links do.
  const guid = plain(item, 'guid');
  const permalink = guid && attr(guid, 'isPermaLink')?.toLowerCase();
  if (!guid || permalink === 'false') return null;
  return permalink === 'true' ? text(guid) || null : /^https?:\/\//i.test(text(guid)) ? text(guid) : null;
}

function item(el: XmlElement, base: string | null, channelSection: string | null): FeedItem | null {
  const categories = children(el, '', 'category');
  const sectionCategory = categories.find((c) => isSectionScheme(attr(c, 'domain')));
  // An aggregator names each item's outlet: <source url="https://outlet.example/">The Outlet</source>.
  const source = plain(el, 'source');
  return toFeedItem(
    {
      id: text(plain(el, 'guid')) || el.attrs['rdf:about'] || null,
      url: link(el),
      title: text(plain(el, 'title')),
      summaries: [text(plain(el, 'description')), text(child(el, NS.media, 'description')), text(child(el, NS.content, 'encoded'))],
      date: text(plain(el, 'pubDate')) || text(child(el, NS.dc, 'date')) || text(child(el, NS.atom, 'updated')),
      author: authorName(text(plain(el, 'author'))) ?? (text(child(el, NS.dc, 'creator')) || null),
      categories: [...categories, ...children(el, NS.dc, 'subject')].map(text),
      section: sectionCategory ? text(sectionCategory) : channelSection,
      source: source ? { name: text(source), url: attr(source, 'url') ?? null } : null,
    },
    base,
  );
}

export function parseRss(root: XmlElement, feedUrl: string | null, maxItems: number, source?: ItemSource): Feed {
  const channel = plain(root, 'channel') ?? root;
  const home = text(plain(channel, 'link')) || null;
  // Relative item links are resolved against the site, else against the feed's own address.
  const base = (home && parseHttpUrl(home)?.href) || feedUrl;
  const channelSection = text(children(channel, '', 'category')[0]) || null;
  // RSS 1.0 and 0.90 put items beside the channel rather than inside it.
  const elements = [...children(channel, '', 'item'), ...children(root, NS.rss1, 'item'), ...children(root, NS.rss090, 'item')];
  // An item's conversion reads the base and the channel's section besides its own text.
  const convert = reusing(source, ['rss', base, channelSection], (e: XmlElement) => item(e, base, channelSection));
  return {
    dialect: 'rss',
    title: feedTitle(text(plain(channel, 'title'))),
    homeUrl: home ? (parseHttpUrl(home, feedUrl ?? undefined)?.href ?? null) : null,
    items: firstItems(elements, convert, maxItems),
  };
}
