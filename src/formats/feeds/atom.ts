// Atom 1.0 (RFC 4287): entries with typed text constructs, several links, xml:base for relative
// URLs, and an author that may be given once for the whole feed. Atom 0.3, its draft, which old
// blogs still serve, is read by the same code: its elements have the same names in another
// namespace, but for its dates and for how a text says what it holds (VERSIONS).
import { parseHttpUrl } from '../url';
import { attr, child, children, textOf } from './xml-tree';
import type { XmlElement } from './xml';
import { feedTitle, firstItems, toFeedItem } from './item';
import { NS, originalLink } from './rss';
import { reusing, type ItemSource } from './known-items';
import type { Feed, FeedItem } from './types';

/** What tells the two versions apart, beyond their namespace. */
export interface AtomVersion {
  /** Spelled into each entry's context for the last parse's conversions (known-items.ts). */
  key: string;
  /** The entry's date elements, the publication's first: Atom 0.3's issued is 1.0's published. */
  dates: readonly string[];
  /** The `type` of a title that says it is plain text (1.0: a keyword; 0.3: a MIME type). */
  plainType: string;
}

const VERSIONS = {
  '1.0': { key: 'atom', dates: ['published', 'updated'], plainType: 'text' },
  '0.3': { key: 'atom-0.3', dates: ['issued', 'created', 'modified'], plainType: 'text/plain' },
} as const satisfies Record<string, AtomVersion>;

/**
 * The Atom version of a document's root, or null when it is no Atom feed. Atom 0.3 is also known by
 * its version attribute alone: some of its feeds declare no namespace.
 */
export function atomVersion(root: XmlElement): AtomVersion | null {
  if (root.local !== 'feed') return null;
  if (root.ns === NS.atom) return VERSIONS['1.0'];
  return root.ns === NS.atom03 || (root.ns === '' && attr(root, 'version') === '0.3') ? VERSIONS['0.3'] : null;
}

const text = (el: XmlElement | undefined): string => textOf(el).trim();

/** The element's xml:base resolved against the enclosing base. */
function baseOf(el: XmlElement, outer: string | null): string | null {
  const declared = el.attrs['xml:base'];
  return declared ? (parseHttpUrl(declared, outer ?? undefined)?.href ?? outer) : outer;
}

/** A link relation, in its short form: RFC 4287 also allows the IANA registry's full address. */
const relation = (rel: string | undefined): string => (rel ?? 'alternate').replace(/^http:\/\/www\.iana\.org\/assignments\/relation\//, '');

/**
 * The text of a summary or content, '' when it holds no text to read: base64 (Atom 0.3's
 * mode="base64"; in 1.0, a type that is neither text nor XML, RFC 4287 4.1.3.3). A line of
 * base64 is no lead, and decoding it would be reading a document inside the feed.
 */
function readable(el: XmlElement | undefined): string {
  if (!el || attr(el, 'mode')?.toLowerCase() === 'base64') return '';
  const type = attr(el, 'type') ?? '';
  return type.includes('/') && !/^text\/|[/+]xml$/i.test(type) ? '' : text(el);
}

/** What an entry's conversion reads of its feed besides the entry. */
interface FeedContext {
  version: AtomVersion;
  /** The version's namespace: the root's own. */
  ns: string;
  base: string | null;
  author: string | null;
}

/** The page of an entry or feed: its alternate link (an HTML one first), else an id that is a web address. */
function alternate(el: XmlElement, ns: string): string | null {
  const links = children(el, ns, 'link').filter((l) => relation(attr(l, 'rel')) === 'alternate' && attr(l, 'href'));
  const link = links.find((l) => !attr(l, 'type') || /html/i.test(attr(l, 'type') ?? '')) ?? links[0];
  const href = link && attr(link, 'href');
  if (href) return href;
  const id = text(child(el, ns, 'id'));
  return /^https?:\/\//i.test(id) ? id : null;
}

function authorOf(el: XmlElement, ns: string): string | null {
  const names = children(el, ns, 'author').map((a) => text(child(a, ns, 'name'))).filter(Boolean);
  return names.length ? names.join(', ') : null;
}

function entry(el: XmlElement, { version, ns, base: feedBase, author }: FeedContext): FeedItem | null {
  const atom = (parent: XmlElement, local: string): XmlElement | undefined => child(parent, ns, local);
  const base = baseOf(el, feedBase);
  const categories = children(el, ns, 'category');
  const section = categories.find((c) => /section/i.test(attr(c, 'scheme') ?? ''));
  // An aggregated entry keeps its origin feed's metadata in <source> (RFC 4287, 4.2.11).
  const source = atom(el, 'source');
  const title = atom(el, 'title');
  return toFeedItem(
    {
      id: text(atom(el, 'id')) || null,
      url: originalLink(el) ?? alternate(el, ns),
      title: text(title),
      // Said to be plain text (RFC 4287 3.1.1): a "<" in it is a character. Left unsaid, the title
      // is read as HTML, as feeds that escape markup into it without saying so need.
      titleIsText: title !== undefined && attr(title, 'type')?.toLowerCase() === version.plainType,
      summaries: [readable(atom(el, 'summary')), readable(atom(el, 'content'))],
      date: version.dates.map((name) => text(atom(el, name))).find(Boolean) || text(child(el, NS.dc, 'date')),
      author: authorOf(el, ns) ?? author,
      categories: categories.map((c) => attr(c, 'label') || attr(c, 'term') || ''),
      section: section ? (attr(section, 'label') || attr(section, 'term') || null) : null,
      source: source ? { name: text(atom(source, 'title')), url: alternate(source, ns) } : null,
    },
    base,
  );
}

export function parseAtom(root: XmlElement, version: AtomVersion, feedUrl: string | null, maxItems: number, source?: ItemSource): Feed {
  const ns = root.ns;
  const context: FeedContext = { version, ns, base: baseOf(root, feedUrl), author: authorOf(root, ns) };
  const home = alternate(root, ns);
  // An entry's conversion reads the version, the base and the feed's author besides its own text.
  const convert = reusing(source, [version.key, context.base, context.author], (e: XmlElement) => entry(e, context));
  return {
    dialect: 'atom',
    title: feedTitle(text(child(root, ns, 'title'))),
    homeUrl: home ? (parseHttpUrl(home, context.base ?? undefined)?.href ?? null) : null,
    items: firstItems(children(root, ns, 'entry'), convert, maxItems),
  };
}
