// The dialect parsers read raw fields; this turns them into a FeedItem the same way for all three:
// URLs resolved against the feed's base, HTML reduced to text, a stable id when the feed has none.
import { cleanUrl } from '../url';
import { clip, htmlToText } from './entities';
import { parseFeedDate } from './dates';
import { articleKind } from './kind';
import type { FeedItem } from './types';

const SUMMARY_MAX = 600;
const MAX_AUTHOR_CHARS = 500;
const TITLE_MAX = 300;

export interface RawItem {
  id?: string | null;
  url?: string | null;
  title?: string | null;
  /** HTML or text; the first non-empty of these is the summary. */
  summaries: (string | null | undefined)[];
  date?: string | null;
  author?: string | null;
  categories: string[];
  section?: string | null;
}

/** A short, stable digest for items with neither id nor link (FNV-1a; not security-relevant). */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const tidy = (text: string | null | undefined): string => htmlToText(text ?? '');
// Newspaper feeds end the description with a link back to the page; it is not part of the lead.
const untailed = (text: string): string => text.replace(/\s*(?:continue reading|read more)\s*(?:\.{3}|…|»|→)?$/i, '');

/** The item, or null when it has neither a title nor a summary to show. */
export function toFeedItem(raw: RawItem, base: string | null): FeedItem | null {
  const url = raw.url ? cleanUrl(raw.url, base ?? undefined) : null;
  const summary = clip(untailed(raw.summaries.map(tidy).find(Boolean) ?? ''), SUMMARY_MAX);
  const title = clip(tidy(raw.title), TITLE_MAX) || clip(summary, 120);
  if (!title) return null;
  const published = parseFeedDate(raw.date);
  const categories = [...new Set(raw.categories.map(tidy).filter(Boolean))];
  const section = tidy(raw.section) || null;
  const id = raw.id?.trim() || url || `digest:${digest(`${title}\n${published ?? ''}`)}`;
  const author = tidy(raw.author) || null;
  return { id, url, title, summary, published, author, categories, section, kind: articleKind(url, categories, section) };
}

/** RSS `author` is "email (Name)" by the spec; show the name. */
export function authorName(raw: string | null | undefined): string | null {
  const text = raw?.trim();
  if (!text) return null;
  // The pattern backtracks on a long run of `@`: no real address and name is this long.
  if (text.length > MAX_AUTHOR_CHARS) return text;
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  return named?.[1]?.trim() ?? text;
}
