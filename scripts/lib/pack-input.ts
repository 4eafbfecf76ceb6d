// What the pack builder reads: articles as JSONL lines (the format of ../shared/data/stories), or a
// folder of saved pages: `.html` read with Readability, `.txt` pages saved as text in the layout of
// the seed pages (headline, "domain -- time" line, "Categories:" line; scripts/lib/seed-parser.ts).
// Besides an article's facts, a page may name what a publisher's action steps point at (people to
// contact, hashtags, petition links) and the site it was saved from, when that site republishes
// another outlet's report; the editorial file refers to those facts instead of retyping them.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import type { ArticleKind } from '../../src/formats/model';
import { cleanUrl } from '../../src/formats/url';
import { parseSeedText, UNKNOWN_OUTLET } from './seed-parser';

/** One input article, as a line of the data set's JSONL (extra fields are ignored). */
export interface InputArticle {
  id: string;
  story?: string | null;
  story_title?: string | null;
  title: string;
  text?: string | null;
  source?: string | null;
  date?: string | null;
  url?: string | null;
  /** The outlet's host when there is no URL (the seeds give a domain but no link). */
  host?: string | null;
  lean?: string | null;
  kind?: ArticleKind;
  /** Names of the categories the page files the article under. */
  categories?: string[];
  /** The site the page was saved from, when it republishes another outlet's report. */
  site?: { name: string; domain?: string };
  /** People the page names as officials to contact, hashtags it suggests, petitions it links. */
  people?: string[];
  hashtags?: string[];
  petitions?: string[];
  /** The page's whole text, for the --own-words check; title and text when absent. */
  pageText?: string;
}

const EXCERPT_MAX = 500;

/** What a parsed line is, for an error that says what was found instead of an article. */
const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;

const STRING_FIELDS = ['story', 'story_title', 'text', 'source', 'date', 'url', 'host', 'lean', 'kind'] as const;
const LIST_FIELDS = ['categories', 'people', 'hashtags', 'petitions'] as const;

/**
 * Why a parsed line is not an article, or null when it is. The builder calls string methods on
 * these fields, so a wrong type is refused here with its line rather than failing later as a
 * TypeError that names neither the file nor the field.
 */
function articleProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `not an article: found ${kindOf(value)}, expected one JSON object per line`;
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' || typeof record.title !== 'string') return 'needs a string id and title';
  for (const key of STRING_FIELDS) {
    const v = record[key];
    if (v !== undefined && v !== null && typeof v !== 'string') return `"${key}" is ${kindOf(v)}, expected a string`;
  }
  for (const key of LIST_FIELDS) {
    const v = record[key];
    if (v !== undefined && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) return `"${key}" must be a list of strings`;
  }
  const site = record.site;
  if (site !== undefined && (typeof site !== 'object' || site === null || typeof (site as { name?: unknown }).name !== 'string')) return '"site" must be an object with a string "name"';
  return null;
}

/**
 * A JSON Lines file: one article per line, blank lines skipped. Errors name `file:line`. Linear
 * time: one split, one JSON.parse per line and a fixed set of field checks.
 */
export function readJsonl(path: string): InputArticle[] {
  // Pages are read from a folder, each its own article; a lone page passed as the input would
  // otherwise be parsed as JSON and fail on its first character.
  if (/\.html?$/i.test(path)) throw new Error(`${path} is an HTML page: saved pages are read from a folder (--in DIR); a file must hold one JSON article per line`);
  const savedText = /\.txt$/i.test(path);
  // A byte order mark is not JSON white space; editors on Windows add one.
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    const where = `${path}:${i + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      // JSON.parse's own message counts positions in this line, not the file, and says nothing of the
      // format; a line holding only "{" or "[" is the usual case: a pretty-printed JSON file.
      const trimmed = line.trim();
      const hint = trimmed.startsWith('<') || savedText
        ? ' (a saved page? pages are read from a folder: --in DIR)'
        : /^[[{]+$/.test(trimmed)
          ? ' (this looks like pretty-printed JSON: put each article on a line of its own)'
          : '';
      throw new Error(`${where}: not valid JSON; expected one JSON article per line${hint}`);
    }
    const problem = articleProblem(record);
    if (problem) throw new Error(`${where}: ${problem}`);
    return [record as InputArticle];
  });
}

/** A saved article page: Readability for title, lead, site and time; the canonical URL when given. */
export function readHtmlPage(html: string, id: string): InputArticle | null {
  const head = new JSDOM(html).window.document;
  const meta = (sel: string): string | null => head.querySelector(sel)?.getAttribute('content') ?? null;
  const url = head.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]');
  const page = new JSDOM(html, url && cleanUrl(url) ? { url: cleanUrl(url) ?? undefined } : {});
  const article = new Readability(page.window.document).parse();
  if (!article?.title) return null;
  const date = article.publishedTime ?? meta('meta[property="article:published_time"]') ?? head.querySelector('time[datetime]')?.getAttribute('datetime');
  return {
    id,
    title: article.title.trim(),
    text: article.excerpt?.trim() || article.textContent?.trim().slice(0, EXCERPT_MAX) || null,
    source: article.siteName ?? null,
    date: date ?? null,
    url: url ?? null,
    pageText: head.body?.textContent ?? '',
  };
}

/** A page saved as text, in the seed pages' layout; null for text that names no outlet. It gives no URL, and none is invented. */
export function readTextPage(text: string, id: string): InputArticle | null {
  const seed = parseSeedText(id, text);
  if (seed.outlet.name === UNKNOWN_OUTLET) return null;
  return {
    id,
    title: seed.headline,
    text: seed.body.slice(0, 3).join(' ').slice(0, EXCERPT_MAX) || null,
    source: seed.outlet.name,
    host: seed.outlet.domain ?? null,
    date: seed.published ?? null,
    categories: seed.categories,
    ...(seed.site ? { site: seed.site } : {}),
    people: seed.officials.map((o) => o.name),
    hashtags: seed.hashtags,
    petitions: seed.petitionUrls,
    pageText: text,
  };
}

/**
 * A JSONL file, or every `.html` and `.txt` page of a folder in file-name order (ids: file names
 * without extension). An input with no articles is refused here, where it is known whether it was
 * an empty file or a folder of unreadable pages; otherwise the builder would fail later on a
 * missing date, or write a pack with no stories.
 */
export function readInput(path: string): InputArticle[] {
  if (!statSync(path).isDirectory()) {
    const articles = readJsonl(path);
    if (!articles.length) throw new Error(`no articles in ${path}: the file is empty (expected one JSON article per line)`);
    return articles;
  }
  const pages = readdirSync(path).filter((name) => /\.(html?|txt)$/i.test(name)).sort();
  const articles = pages.flatMap((name) => {
    const id = name.slice(0, -extname(name).length);
    const text = readFileSync(join(path, name), 'utf8');
    return (extname(name).toLowerCase() === '.txt' ? readTextPage(text, id) : readHtmlPage(text, id)) ?? [];
  });
  if (!pages.length) throw new Error(`no articles in ${path}: the folder holds no .html or .txt page`);
  if (!articles.length) throw new Error(`no articles in ${path}: none of its ${pages.length === 1 ? 'one page' : `${pages.length} pages`} could be read (an .html page needs a headline, a .txt page must name its outlet)`);
  return articles;
}
