// Who an item is from, as a reader would name them. Feed titles name the outlet and a section in
// either order ("World news | The Guardian", "Politics : NPR", "BBC News - World"), and outlets
// link their items from sibling hosts (a bbc.co.uk feed, bbc.com pages; a FeedBurner proxy):
// the first part of the title and the exact host named "World news" and "bbc.com" outlets.
// Pure: names and hosts in, a name or a yes out.
import { titleParts } from '../../formats/feeds';
import { DIRECTORY_OUTLET_NAMES } from '../../formats/generated/outlet-names';

/**
 * Trailing labels that say where a host is registered, not whose it is: "bbc.co.uk" → "bbc",
 * "abc.net.au" → "abc", "abcnews.go.com" → "abcnews". Not the public suffix list: a label kept
 * here by mistake only makes two hosts less often the same outlet.
 */
const SUFFIX_LABELS = new Set(
  ('com org net edu gov int info biz co ac go ne or news uk us ca au nz ie in za ng ke gh ug tz sg hk jp kr cn tw ph my pk bd lk ' +
    'ae qa sa il eu de fr es it nl be ch at se no dk fi pl pt br ar mx cl ru ua tr gr tv io me fm example test').split(' '),
);

/** Hosts that only forward to an outlet's own pages: an item linking through one is the feed's own. */
const FORWARDERS = new Set(['feedproxy.google.com', 'feeds.feedburner.com', 'rss.feedsportal.com']);

/** The label that names a host's owner: "www.theguardian.com" → "theguardian", "feeds.npr.org" → "npr". */
export function ownerLabel(host: string): string {
  const labels = host.toLowerCase().split('.').filter(Boolean);
  while (labels.length > 1 && SUFFIX_LABELS.has(labels[labels.length - 1]!)) labels.pop();
  return labels[labels.length - 1] ?? host;
}

/**
 * Whether an item at `itemHost` in a feed of `feedHost` is the feed's outlet's own: the same host,
 * a sibling (bbc.com for a bbc.co.uk feed, edition.cnn.com for cnn.com), or a forwarder.
 */
export function sameOutlet(itemHost: string, feedHost: string): boolean {
  if (itemHost === feedHost || FORWARDERS.has(itemHost)) return true;
  const label = ownerLabel(itemHost);
  return label.length >= 3 && label === ownerLabel(feedHost);
}

/** Letters and digits only, lower case: "The Guardian" → "theguardian". */
const squeezed = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether a title's part spells the host's owner: "The Guardian" for theguardian, "NPR" for npr, "South China Morning Post" for scmp. */
function spellsOwner(part: string, label: string): boolean {
  const letters = squeezed(part);
  if (letters.length < 2 || label.length < 2) return false;
  if (letters.includes(label) || label.includes(letters)) return true;
  const initials = part
    .split(/\s+/)
    .filter((word) => !/^the$/i.test(word))
    .map((word) => squeezed(word).charAt(0))
    .join('');
  return initials.length >= 3 && label.startsWith(initials);
}

/** The shipped directory's name for the outlet at `host` or a domain above it ("edition.cnn.com" → "CNN"). */
export function directoryName(host: string): string | undefined {
  for (let at = host; ; ) {
    const name = DIRECTORY_OUTLET_NAMES.get(at);
    if (name !== undefined) return name;
    const dot = at.indexOf('.');
    if (dot < 0) return undefined;
    at = at.slice(dot + 1);
  }
}

/**
 * The outlet a feed names: the directory's name for its host; else, of its title's parts, the one
 * that spells the host's owner ("World news | The Guardian" on theguardian.com → "The Guardian"),
 * else the first; the host when untitled.
 */
export function outletName(feedTitle: string | null, host: string): string {
  const listed = directoryName(host);
  if (listed !== undefined) return listed;
  const parts = feedTitle ? titleParts(feedTitle).map((part) => part.trim()).filter(Boolean) : [];
  if (parts.length > 1) {
    const label = ownerLabel(host);
    const owner = parts.find((part) => spellsOwner(part, label));
    if (owner) return owner;
  }
  return parts[0] ?? host;
}

/**
 * The outlet of a page the reader read, as its report of a story lists it: the directory's name
 * for its host; the name the page gives itself (og:site_name) when that name spells the host's
 * owner; else that name with the host beside it ("Reuters (copies.example)"), for a page may call
 * itself anything, and its report is listed in the coverage of a story other outlets tell.
 */
export function pageOutletName(siteName: string | null, host: string): string {
  const listed = directoryName(host);
  if (listed !== undefined) return listed;
  const name = siteName?.trim();
  if (!name) return host;
  return namesOwner(name, ownerLabel(host)) ? name : `${name} (${host})`;
}

/**
 * Stricter than spellsOwner, for a name a page gives itself: the host's owner must be the whole
 * name, its start ("BBC News" on bbc.co.uk) or its initials. spellsOwner also takes a name inside
 * the owner ("AP" in cheapdeals, "Reuters" in reutersbreaking), fine for a feed's title on the
 * feed's own host, not for a page that may call itself anything.
 */
function namesOwner(name: string, label: string): boolean {
  const letters = squeezed(name.replace(/^the\s+/i, ''));
  if (label.length < 2 || letters.length < 2) return false;
  if (letters === label || (label.length >= 3 && letters.startsWith(label))) return true;
  const initials = name
    .split(/\s+/)
    .filter((word) => !/^the$/i.test(word))
    .map((word) => squeezed(word).charAt(0))
    .join('');
  return initials.length >= 3 && initials === label;
}
