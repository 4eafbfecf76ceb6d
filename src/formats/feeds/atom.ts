// Atom 1.0 (RFC 4287): entries with typed text constructs, several links, xml:base for relative
// URLs, and an author that may be given once for the whole feed.
import { parseHttpUrl } from '../url';
import { child, children, textOf, type XmlElement } from './xml';
import { feedTitle, firstItems, toFeedItem } from './item';
import { NS, originalLink } from './rss';
import { reusing, type ItemSource } from './known-items';
import type { Feed, FeedItem } from './types';

const text = (el: XmlElement | undefined): string => textOf(el).trim();
const atom = (el: XmlElement, local: string): XmlElement | undefined => child(el, NS.atom, local);

/** The element's xml:base resolved against the enclosing base. */
function baseOf(el: XmlElement, outer: string | null): string | null {
  const declared = el.attrs['xml:base'];
  return declared ? (parseHttpUrl(declared, outer ?? undefined)?.href ?? outer) : outer;
}

/** The alternate (HTML) link: rel absent means alternate; an HTML type is preferred over others. */
/** A link relation, in its short form: RFC 4287 also allows the IANA registry's full address. */
const relation = (rel: string | undefined): string => (rel ?? 'alternate').replace(/^http:\/\/www\.iana\.org\/assignments\/relation\//, '');

/** The entry's page: its alternate link (an HTML one first), else an id that is a web address. */
function alternate(el: XmlElement): string | null {
  const links = children(el, NS.atom, 'link').filter((l) => relation(l.attrs['rel']) === 'alternate' && l.attrs['href']);
  const html = links.find((l) => !l.attrs['type'] || /html/i.test(l.attrs['type']));
  const href = (html ?? links[0])?.attrs['href'];
  if (href) return href;
  const id = text(atom(el, 'id'));
  return /^https?:\/\//i.test(id) ? id : null;
}

function authorOf(el: XmlElement | undefined): string | null {
  const names = el ? children(el, NS.atom, 'author').map((a) => text(atom(a, 'name'))).filter(Boolean) : [];
  return names.length ? names.join(', ') : null;
}

function entry(el: XmlElement, feedBase: string | null, feedAuthor: string | null): FeedItem | null {
  const base = baseOf(el, feedBase);
  const categories = children(el, NS.atom, 'category');
  const section = categories.find((c) => /section/i.test(c.attrs['scheme'] ?? ''));
  // An aggregated entry keeps its origin feed's metadata in <source> (RFC 4287, 4.2.11).
  const source = atom(el, 'source');
  return toFeedItem(
    {
      id: text(atom(el, 'id')) || null,
      url: originalLink(el) ?? alternate(el),
      title: text(atom(el, 'title')),
      // Said to be plain text (RFC 4287 3.1.1): a "<" in it is a character. Left unsaid, the title
      // is read as HTML, as feeds that escape markup into it without saying so need.
      titleIsText: atom(el, 'title')?.attrs['type'] === 'text',
      summaries: [text(atom(el, 'summary')), text(atom(el, 'content'))],
      date: text(atom(el, 'published')) || text(atom(el, 'updated')) || text(child(el, NS.dc, 'date')),
      author: authorOf(el) ?? feedAuthor,
      categories: categories.map((c) => c.attrs['label'] || c.attrs['term'] || ''),
      section: section ? (section.attrs['label'] || section.attrs['term'] || null) : null,
      source: source ? { name: text(atom(source, 'title')), url: alternate(source) } : null,
    },
    base,
  );
}

export function parseAtom(root: XmlElement, feedUrl: string | null, maxItems: number, source?: ItemSource): Feed {
  const base = baseOf(root, feedUrl);
  const home = alternate(root);
  const feedAuthor = authorOf(root);
  // An entry's conversion reads the base and the feed's author besides its own text.
  const convert = reusing(source, ['atom', base, feedAuthor], (e: XmlElement) => entry(e, base, feedAuthor));
  return {
    dialect: 'atom',
    title: feedTitle(text(atom(root, 'title'))),
    homeUrl: home ? (parseHttpUrl(home, base ?? undefined)?.href ?? null) : null,
    items: firstItems(children(root, NS.atom, 'entry'), convert, maxItems),
  };
}
