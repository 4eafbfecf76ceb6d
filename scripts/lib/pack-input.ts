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

export function readJsonl(path: string): InputArticle[] {
  return readFileSync(path, 'utf8').split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    const record = JSON.parse(line) as InputArticle;
    if (typeof record.id !== 'string' || typeof record.title !== 'string') throw new Error(`${path}:${i + 1}: needs a string id and title`);
    return [record];
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

/** A JSONL file, or every `.html` and `.txt` page of a folder in file-name order (ids: file names without extension). */
export function readInput(path: string): InputArticle[] {
  if (!statSync(path).isDirectory()) return readJsonl(path);
  return readdirSync(path)
    .filter((name) => /\.(html?|txt)$/i.test(name))
    .sort()
    .flatMap((name) => {
      const id = name.slice(0, -extname(name).length);
      const text = readFileSync(join(path, name), 'utf8');
      return (extname(name).toLowerCase() === '.txt' ? readTextPage(text, id) : readHtmlPage(text, id)) ?? [];
    });
}
