// The dialect parsers read raw fields; this turns them into a FeedItem the same way for all three:
// URLs resolved against the feed's base, HTML reduced to text, a stable id when the feed has none.
import { cleanedUrl, parseHttpUrl } from '../url';
import { clip, DROPPED_WITH_LINKS, htmlToText, plainText, titleText } from './entities';
import { parseFeedDate } from './dates';
import { articleKind } from './kind';
import type { FeedItem, FeedSource } from './types';

const SUMMARY_MAX = 600;
const TITLE_MAX = 300;

export interface RawItem {
  id?: string | null;
  url?: string | null;
  title?: string | null;
  /** The title is plain text by its format (JSON Feed): decoded, not read as HTML. */
  titleIsText?: boolean;
  /** HTML or text; the first non-empty of these is the summary. */
  summaries: (string | null | undefined)[];
  date?: string | null;
  author?: string | null;
  categories: string[];
  section?: string | null;
  /** The `<source>` of an aggregator's item: the outlet's name and its site or feed. */
  source?: { name: string | null; url: string | null } | null;
}

/** A short, stable digest for items with neither id nor link (FNV-1a; not security-relevant). */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const tidy = (text: string | null | undefined): string => htmlToText(text ?? '');
// Newspaper feeds end the description with a link back to the page; it is not part of the lead.
// Only the text's last characters are read: the pattern, anchored at the end alone, was tried at
// every position of the lead (a full article in a description), a woken worker's costliest regex.
// Whole words: "the virus could spread more" keeps its "spread more".
const TAIL = /(?<![\p{L}\p{N}])(?:continue reading|read more)\s*(?:\.{3}|…|»|→)?$/iu;
function untailed(text: string): string {
  const tail = text.slice(-24);
  const found = TAIL.exec(tail);
  return found ? text.slice(0, text.length - tail.length + found.index).trimEnd() : text;
}

/**
 * The words of a link back to the page, in the languages of OTHER_MONTHS (dates.ts). WordPress
 * themes put the post's title inside it for screen readers (Continue reading "Title"), so the link is
 * known by how its text starts, and dropped whole.
 */
const MORE_LINK = /^(?:continue reading|read more|keep reading|weiterlesen|lire la suite|leer más|seguir leyendo|continua a leggere|leggi tutto|lees verder|leia mais|continuar lendo)(?![\p{L}\p{N}])/iu;
/** What may follow that link, as text, for it to end the summary: punctuation and arrows. */
const ONLY_PUNCTUATION = /^[\s.…:;,!)\]»›→]*$/;
const LINK_START = /<a[\s>]/gi;
const LINK_END = /<\/a\s*>/gi;
/** Yoast's footer once its two links (the post's title, the site's name) are left out. */
const POSTED_FIRST = /^The post appeared first on ?\.?$/;
/** How many "The post " from the end are tried: the title in the footer may hold the words too. */
const FOOTER_TRIES = 3;

/**
 * A summary's HTML without the footer WordPress adds to it, read before the HTML becomes text, so
 * that the footer's own links tell it from the lead: the SEO plugin's (Yoast) "The post <a>Title</a>
 * appeared first on <a>Site</a>." at the very end, then a final "Continue reading" link. Each part
 * is found by a search from the end and one reading of the text after it: linear time.
 */
function withoutFooter(html: string): string {
  let rest = html;
  let post = rest.length;
  for (let tries = 0; tries < FOOTER_TRIES && post > 0; tries++) {
    post = rest.lastIndexOf('The post ', post - 1);
    if (post < 0) break;
    if (POSTED_FIRST.test(htmlToText(rest.slice(post), DROPPED_WITH_LINKS))) {
      rest = rest.slice(0, post);
      break;
    }
  }
  let link = -1;
  for (const m of rest.matchAll(LINK_START)) link = m.index;
  if (link < 0) return rest;
  LINK_END.lastIndex = link;
  const end = LINK_END.exec(rest);
  if (!end) return rest;
  const after = end.index + end[0].length;
  const words = htmlToText(rest.slice(link, after));
  return MORE_LINK.test(words) && ONLY_PUNCTUATION.test(htmlToText(rest.slice(after))) ? rest.slice(0, link) : rest;
}

const MAX_SOURCE_NAME = 200;

function sourceOf(raw: RawItem['source'], base: string | null): FeedSource | null {
  const name = clip(tidy(raw?.name), MAX_SOURCE_NAME) || null;
  const url = (raw?.url && parseHttpUrl(raw.url.trim(), base ?? undefined)?.href) || null;
  return name || url ? { name, url } : null;
}

/**
 * The headline without the outlet an aggregator appends to it ("Ferry fares rise - The Daily
 * Meridian"): the outlet is shown beside it, and the page the reader opens is titled without it.
 */
function withoutSource(title: string, source: FeedSource | null): string {
  const name = source?.name;
  // Compared in the title's own characters (lower case can change a string's length: "İ").
  if (!name || title.length <= name.length || title.slice(-name.length).toLowerCase() !== name.toLowerCase()) return title;
  // tidy() has made every run of white space one space.
  const rest = title.slice(0, title.length - name.length);
  const separator = [' - ', ' – ', ' — ', ' | '].find((s) => rest.endsWith(s));
  const bare = separator ? rest.slice(0, rest.length - separator.length).trim() : '';
  return bare || title;
}

/**
 * An aggregated item's summaries: one made only of links (the aggregator's list of headlines, each
 * with its outlet's name) says nothing of the report, and is left out.
 */
const ownWords = (summaries: RawItem['summaries'], source: FeedSource | null): RawItem['summaries'] =>
  source ? summaries.map((s) => (s && htmlToText(s, DROPPED_WITH_LINKS) ? s : null)) : summaries;

/** The text of the first summary with any once its footer is gone; the ones after it are not read. */
function firstLead(summaries: RawItem['summaries']): string {
  for (const html of summaries) {
    const text = html ? tidy(withoutFooter(html)) : '';
    if (text) return text;
  }
  return '';
}

/** The item, or null when it has neither a title nor a summary to show. */
export function toFeedItem(raw: RawItem, base: string | null): FeedItem | null {
  // Parsed once: its path says the kind too.
  const address = raw.url ? cleanedUrl(raw.url, base ?? undefined) : null;
  const url = address?.href ?? null;
  const source = sourceOf(raw.source, base);
  const summary = clip(untailed(firstLead(ownWords(raw.summaries, source))), SUMMARY_MAX);
  const heading = raw.titleIsText ? plainText(raw.title ?? '') : titleText(raw.title ?? '');
  const title = clip(withoutSource(heading, source), TITLE_MAX) || clip(summary, 120);
  if (!title) return null;
  const published = parseFeedDate(raw.date);
  const categories = [...new Set(raw.categories.map(tidy).filter(Boolean))];
  const section = tidy(raw.section) || null;
  const id = raw.id?.trim() || url || `digest:${digest(`${title}\n${published ?? ''}`)}`;
  const author = tidy(raw.author) || null;
  return { id, url, title, summary, published, author, categories, section, kind: articleKind(address, categories, section, title), ...(source ? { source } : {}) };
}

/** Elements read from each end of a long feed, at most, for the dates that tell its order. */
const ORDER_PROBE = 8;

/**
 * The `max` items a feed's elements convert to, in feed order: its first ones, as feeds list their
 * latest first; its last ones when it is longer than `max` and lists its oldest first (an archive
 * feed of 600 items kept its 500 oldest). Elements past them are not converted: a feed may list
 * thousands and only `max` are kept. The count is of items, not of elements: an element with
 * nothing to show (null) does not take a place.
 */
export function firstItems<E>(elements: readonly E[], convert: (element: E) => FeedItem | null, max: number): FeedItem[] {
  // Each element converted once, whether to read its date or to keep it.
  const converted = new Map<number, FeedItem | null>();
  const itemAt = (i: number): FeedItem | null => {
    let item = converted.get(i);
    if (item === undefined) converted.set(i, (item = convert(elements[i]!)));
    return item;
  };
  const items: FeedItem[] = [];
  if (elements.length > max && oldestFirst(elements.length, itemAt)) {
    for (let i = elements.length - 1; i >= 0 && items.length < max; i--) {
      const item = itemAt(i);
      if (item) items.push(item);
    }
    return items.reverse();
  }
  for (let i = 0; i < elements.length && items.length < max; i++) {
    const item = itemAt(i);
    if (item) items.push(item);
  }
  return items;
}

/**
 * Whether a feed lists its oldest item first: the first dated item of its start is older than
 * the first dated one of its end, and one from its middle falls between them. The middle keeps a
 * feed listed newest first under one old pinned item at its head from losing its latest items.
 * Undated ends say nothing: the feed's own order stands.
 */
function oldestFirst(length: number, itemAt: (i: number) => FeedItem | null): boolean {
  const dateFrom = (from: number, step: 1 | -1): string | null => {
    for (let i = from, k = 0; i >= 0 && i < length && k < ORDER_PROBE; i += step, k++) {
      const published = itemAt(i)?.published;
      if (published) return published;
    }
    return null;
  };
  // Dates are UTC ISO strings (parseFeedDate): their text order is their time order.
  const first = dateFrom(0, 1);
  const last = first === null ? null : dateFrom(length - 1, -1);
  if (first === null || last === null || last <= first) return false;
  const middle = dateFrom(Math.floor(length / 2), 1);
  return middle !== null && first <= middle && middle <= last;
}

/**
 * A feed's own title, cleaned and bounded as an item's is: HTML reduced to text, only HTML's own
 * elements read as tags (titleText), or, where the format says it is plain text (`isText`), only
 * decoded; white space collapsed.
 */
export const feedTitle = (raw: string | null | undefined, isText = false): string | null =>
  clip(isText ? plainText(raw ?? '') : titleText(raw ?? ''), TITLE_MAX) || null;

/** RSS `author` is "email (Name)" by the spec; show the name. */
export function authorName(raw: string | null | undefined): string | null {
  const text = raw?.trim();
  if (!text) return null;
  return nameAfterAddress(text) ?? text;
}

/**
 * The name of "address (Name)": the address a first word with an `@` inside it, the name between a
 * `(` and the `)` that ends the text, on one line. This is what /^\S+@\S+\s*\((.+)\)$/ matched, found
 * by a few searches instead: the pattern's nested choices backtracked on an author of "@(" repeated
 * (500 characters took 12-30 ms; a feed of a thousand such items, seconds). Where several `(` could
 * open the name, the pattern's greedy match took the last, which is the one taken here.
 */
function nameAfterAddress(text: string): string | null {
  if (!text.endsWith(')')) return null;
  const space = text.search(/\s/);
  const wordEnd = space < 0 ? text.length : space;
  // Some character before the `@` and after it, all in the first word.
  const at = text.indexOf('@', 1);
  if (at < 0 || at + 1 >= wordEnd) return null;
  // The name holds a character at least, so its `(` is before the last two.
  const limit = text.length - 2;
  const afterSpace = space < 0 ? -1 : space + text.slice(space).search(/\S/);
  const open = afterSpace >= 0 && afterSpace < limit && text[afterSpace] === '(' ? afterSpace : text.lastIndexOf('(', Math.min(wordEnd, limit) - 1);
  if (open <= at + 1) return null;
  const name = text.slice(open + 1, -1);
  // The pattern's `.` stops at a line break; any `(` further left would hold the same break.
  return /[\n\r\u2028\u2029]/.test(name) ? null : name.trim();
}
