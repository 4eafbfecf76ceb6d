// The pack builder: articles in, a validated pack out.
//   npm run pack -- --in FILE.jsonl|DIR --out pack.json [--editorial FILE] [--id ID --publisher NAME --version V --updated ISO]
// FILE.jsonl is in the format of ../shared/data/stories (id, story?, title, text, source, date, url, host?);
// DIR is a folder of saved .html article pages, read with Readability. Articles that carry a `story`
// are grouped by it; the others are clustered by the engine's online clusterer, which lets them
// join a labelled story too. The editorial file adds, per story or category, what a publisher
// writes: summaries, categories, opinions, actions. Output is deterministic: no clock is read.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { StreamClusterer } from '../src/engine';
import { articleKind, parseFeedDate } from '../src/shared/feeds';
import { clip } from '../src/shared/feeds/entities';
import type { ActionStep, Article, ArticleKind, Category, Opinion, Outlet, Pack, Story } from '../src/shared/model';
import { PACK_FORMAT } from '../src/shared/model';
import { validatePack } from '../src/shared/pack-validate';
import { cleanUrl, displayHost } from '../src/shared/url';
import type { Editorial } from './build-starter-pack';

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
}

/** What a publisher writes about one story, found by its `story` label or by any of its articles. */
export interface StoryEditorial {
  story?: string;
  article?: string;
  title?: string;
  summary?: string;
  categories?: string[];
  opinions?: Opinion[];
  actions?: ActionStep[];
}

/** The starter pack's editorial format generalised: plain action steps, categories with parents, many stories. */
export interface PackEditorial {
  pack?: Partial<Editorial['pack']>;
  categories?: (Omit<Editorial['categories'][number], 'actions'> & { parent?: string; actions?: ActionStep[] })[];
  stories?: StoryEditorial[];
}

const EXCERPT_MAX = 500;
const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
  };
}

export function readInput(path: string): InputArticle[] {
  if (!statSync(path).isDirectory()) return readJsonl(path);
  return readdirSync(path)
    .filter((name) => /\.html?$/i.test(name))
    .sort()
    .flatMap((name) => readHtmlPage(readFileSync(join(path, name), 'utf8'), basename(name).replace(/\.html?$/i, '')) ?? []);
}

interface Prepared {
  input: InputArticle;
  article: Article;
  ms: number | null;
}

function prepare(input: InputArticle, outlets: Map<string, Outlet>): Prepared {
  const url = input.url ? cleanUrl(input.url) : null;
  const host = (url ? displayHost(url) : null) ?? (input.host ? displayHost(`https://${input.host}/`) : null);
  const outletId = host ?? (slug(input.source ?? '') || 'unknown');
  if (!outlets.has(outletId)) {
    outlets.set(outletId, { id: outletId, name: input.source?.trim() || host || 'Unknown outlet', ...(host ? { domain: host } : {}), ...(input.lean ? { lean: input.lean } : {}) });
  }
  const published = parseFeedDate(input.date);
  const article: Article = {
    id: input.id,
    ...(url ? { url } : {}),
    title: input.title.trim(),
    outlet: outletId,
    ...(published ? { published } : {}),
    ...(input.text?.trim() ? { excerpt: clip(input.text.trim().replace(/\s+/g, ' '), EXCERPT_MAX) } : {}),
    kind: input.kind ?? articleKind(url, [], null),
  };
  return { input, article, ms: published ? Date.parse(published) : null };
}

const byTime = (a: Prepared, b: Prepared): number => (a.ms ?? Infinity) - (b.ms ?? Infinity) || compare(a.article.id, b.article.id);

/** Story id → its articles: labels as given, the rest clustered (and free to join a labelled story). */
function group(prepared: Prepared[]): Map<string, Prepared[]> {
  const clusterer = new StreamClusterer();
  const doc = (p: Prepared) => ({ id: p.article.id, title: p.article.title, text: p.input.text ?? null, published: p.ms, outlet: p.article.outlet });
  for (const p of prepared) if (p.input.story) clusterer.index.addArticle(p.input.story, doc(p));
  for (const p of prepared.filter((q) => !q.input.story).sort(byTime)) clusterer.add(doc(p));
  const byId = new Map(prepared.map((p) => [p.article.id, p]));
  const out = new Map<string, Prepared[]>();
  for (const [storyId, ids] of clusterer.clusters()) out.set(storyId, ids.flatMap((id) => byId.get(id) ?? []).sort(byTime));
  return out;
}

export interface PackMeta {
  id?: string;
  publisher?: string;
  version?: string;
  updated?: string;
}

export function buildPack(inputs: InputArticle[], editorial: PackEditorial = {}, meta: PackMeta = {}): Pack {
  const seen = new Set<string>();
  for (const input of inputs) {
    if (seen.has(input.id)) throw new Error(`article id '${input.id}' appears twice in the input`);
    seen.add(input.id);
  }
  const outlets = new Map<string, Outlet>();
  const prepared = inputs.map((i) => prepare(i, outlets));
  const stories: Story[] = [];
  for (const [id, members] of group(prepared)) {
    const lead = members.find((m) => m.article.kind === 'report') ?? members[0];
    if (!lead) continue;
    const notes = editorial.stories?.find((s) => s.story === id || (s.article !== undefined && members.some((m) => m.article.id === s.article)));
    stories.push({
      id,
      title: notes?.title ?? lead.input.story_title ?? lead.article.title,
      summary: notes?.summary ?? lead.article.excerpt ?? lead.article.title,
      categories: notes?.categories ?? [],
      articles: members.map((m) => m.article),
      opinions: notes?.opinions ?? [],
      actions: notes?.actions ?? [],
    });
  }
  const categories: Category[] = (editorial.categories ?? []).map((c) => ({ id: c.id, name: c.name, ...(c.parent ? { parent: c.parent } : {}), actions: c.actions ?? [] }));
  const dates = prepared.flatMap((p) => p.article.published ?? []).sort();
  const field = (key: keyof PackMeta): string => {
    const value = meta[key] ?? editorial.pack?.[key] ?? (key === 'updated' ? dates.at(-1) : undefined);
    if (!value) throw new Error(`the pack needs "${key}": pass --${key} or set pack.${key} in the editorial file`);
    return value;
  };
  const pack: Pack = {
    format: PACK_FORMAT,
    id: field('id'),
    publisher: field('publisher'),
    version: field('version'),
    updated: field('updated'),
    categories,
    outlets: [...outlets.values()].sort((a, b) => compare(a.id, b.id)),
    stories: stories.sort((a, b) => compare(a.id, b.id)),
  };
  const result = validatePack(pack);
  if (!result.ok) throw new Error(`the built pack is invalid:\n  ${result.errors.join('\n  ')}`);
  return pack;
}

function main(): void {
  const { values: v } = parseArgs({
    options: Object.fromEntries(['in', 'out', 'editorial', 'id', 'publisher', 'version', 'updated'].map((k) => [k, { type: 'string' as const }])),
  });
  if (!v['in'] || !v['out']) throw new Error('usage: npm run pack -- --in FILE.jsonl|DIR --out pack.json [--editorial FILE] [--id ID --publisher NAME --version V --updated ISO]');
  const editorial = v['editorial'] ? (JSON.parse(readFileSync(v['editorial'], 'utf8')) as PackEditorial) : {};
  const pack = buildPack(readInput(resolve(v['in'])), editorial, { id: v['id'], publisher: v['publisher'], version: v['version'], updated: v['updated'] });
  writeFileSync(v['out'], `${JSON.stringify(pack, null, 2)}\n`);
  const articles = pack.stories.reduce((n, s) => n + s.articles.length, 0);
  console.log(`wrote ${v['out']}: ${pack.stories.length} stories, ${articles} articles, ${pack.outlets.length} outlets, ${pack.categories.length} categories`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
