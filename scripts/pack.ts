// The pack builder: articles in, a validated pack out.
//   npm run pack -- --in FILE.jsonl|DIR --out pack.json [--editorial FILE] [--own-words]
//                   [--id ID] [--publisher NAME] [--version V] [--updated ISO]
// FILE.jsonl is in the format of ../shared/data/stories (id, story?, title, text, source, date, url, host?);
// DIR is a folder of saved pages (scripts/lib/pack-input.ts). Articles that carry a `story`, or
// that the editorial file puts in one, are grouped by it; the others are clustered by the engine's
// online clusterer, which lets them join a labelled story too. The editorial file adds what a
// publisher writes (scripts/lib/pack-editorial.ts). --own-words refuses a pack that repeats 8
// words of its input anywhere but in headlines. Output is deterministic: no clock is read. The pack's
// id, publisher, version and time come from the options, else the editorial file, else the input:
// its file name (id and publisher) and its newest article (time, and its day as the version).
// The output's folder is created if missing. On the command line an error is one line,
// `pack: <message>`, and exit code 2; input errors name the file and line.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { StreamClusterer } from '../src/engine';
import { articleKind, parseFeedDate } from '../src/formats/feeds';
import { clip } from '../src/formats/feeds/entities';
import type { Article, Category, Outlet, Pack, Story } from '../src/formats/model';
import { PACK_FORMAT } from '../src/formats/model';
import { validatePack } from '../src/formats/pack-validate';
import { isIsoDateTime } from '../src/formats/pack-validate-fields';
import { cleanUrl, displayHost } from '../src/formats/url';
import { copiedRuns } from './lib/copy-check';
import { defined, resolveAction, resolveOpinion, type ArticleEditorial, type PackEditorial } from './lib/pack-editorial';
import { readInput, type InputArticle } from './lib/pack-input';

export type { InputArticle, PackEditorial };
export { readInput };

const EXCERPT_MAX = 500;
const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Prepared {
  input: InputArticle;
  /** The story the input or the editorial file labels it with. */
  story: string | null;
  article: Article;
  ms: number | null;
}

/** An ISO 8601 time with its zone is kept as written (the outlet's own offset); others become UTC. */
const publishedTime = (date: string | null | undefined): string | null => (date && isIsoDateTime(date.trim()) ? date.trim() : parseFeedDate(date));

function prepare(input: InputArticle, story: string | null, notes: ArticleEditorial | undefined, outlets: Map<string, Outlet>): Prepared {
  const url = input.url ? cleanUrl(input.url) : null;
  const host = (url ? displayHost(url) : null) ?? (input.host ? displayHost(`https://${input.host}/`) : null);
  const outletId = host ?? (slug(input.source ?? '') || 'unknown');
  if (!outlets.has(outletId)) {
    outlets.set(outletId, { id: outletId, name: input.source?.trim() || host || 'Unknown outlet', ...(host ? { domain: host } : {}), ...(input.lean ? { lean: input.lean } : {}) });
  }
  const published = publishedTime(input.date);
  const lead = notes?.excerpt ?? (input.text?.trim() ? clip(input.text.trim().replace(/\s+/g, ' '), EXCERPT_MAX) : undefined);
  const article: Article = defined({
    id: notes?.id ?? input.id,
    url: url ?? undefined,
    title: input.title.trim(),
    outlet: outletId,
    published: published ?? undefined,
    excerpt: lead,
    kind: notes?.kind ?? input.kind ?? articleKind(url, [], null),
  });
  return { input, story: story ?? input.story ?? null, article, ms: published ? Date.parse(published) : null };
}

const byTime = (a: Prepared, b: Prepared): number => (a.ms ?? Infinity) - (b.ms ?? Infinity) || compare(a.input.id, b.input.id);

/** Story id → its articles: labels as given, the rest clustered (and free to join a labelled story). */
function group(prepared: Prepared[]): Map<string, Prepared[]> {
  const clusterer = new StreamClusterer();
  const doc = (p: Prepared) => ({ id: p.input.id, title: p.article.title, text: p.input.text ?? null, published: p.ms, outlet: p.article.outlet });
  for (const p of prepared) if (p.story) clusterer.index.addArticle(p.story, doc(p));
  for (const p of prepared.filter((q) => !q.story).sort(byTime)) clusterer.add(doc(p));
  const byId = new Map(prepared.map((p) => [p.input.id, p]));
  const out = new Map<string, Prepared[]>();
  for (const [storyId, ids] of clusterer.clusters()) out.set(storyId, ids.flatMap((id) => byId.get(id) ?? []).sort(byTime));
  return out;
}

/** The editorial file's categories, then those the pages name that it does not (id: a slug of the name). */
function categories(editorial: PackEditorial, inputs: InputArticle[]): { list: Category[]; byName: Map<string, string> } {
  const list: Category[] = (editorial.categories ?? []).map((c) => defined({ id: c.id, name: c.name, parent: c.parent, actions: (c.actions ?? []).map((a) => resolveAction(a, inputs)) }));
  const byName = new Map((editorial.categories ?? []).flatMap((c) => [c.name, ...(c.pageNames ?? [])].map((name) => [name, c.id] as const)));
  for (const name of inputs.flatMap((i) => i.categories ?? [])) {
    if (byName.has(name)) continue;
    byName.set(name, slug(name));
    list.push({ id: slug(name), name, actions: [] });
  }
  return { list, byName };
}

function checkReferences(inputs: InputArticle[], editorial: PackEditorial): Map<string, string> {
  const known = new Set<string>();
  for (const input of inputs) {
    if (known.has(input.id)) throw new Error(`article id '${input.id}' appears twice in the input`);
    known.add(input.id);
  }
  const labels = new Map<string, string>();
  const named = (id: string): string => {
    if (!known.has(id)) throw new Error(`the editorial file names article '${id}', which is not in the input`);
    return id;
  };
  editorial.articles?.forEach((a) => named(a.article));
  for (const s of editorial.stories ?? []) {
    if (s.articles && !s.story) throw new Error('an editorial story that lists articles needs a "story" label');
    for (const id of s.articles ?? []) labels.set(named(id), s.story ?? '');
  }
  return labels;
}

export interface PackMeta {
  id?: string;
  publisher?: string;
  version?: string;
  updated?: string;
}

export interface BuildOptions {
  /** Refuse text that repeats 8 words of the input (--own-words). */
  ownWords?: boolean;
  /** The input's name (its file or folder name without extension): the default id and publisher. */
  name?: string;
}

/** The input's name: `allsides-dev.jsonl` → `allsides-dev`, a folder `seed-stories/` → `seed-stories`. */
export const inputName = (path: string): string => basename(resolve(path)).replace(/\.[^.]+$/, '');

export function buildPack(inputs: InputArticle[], editorial: PackEditorial = {}, meta: PackMeta = {}, options: BuildOptions = {}): Pack {
  // Checked first: with no articles every later complaint (no dates for "version") is beside the point.
  if (!inputs.length) throw new Error('no articles in the input');
  const labels = checkReferences(inputs, editorial);
  const outlets = new Map<string, Outlet>();
  const articleNotes = new Map(editorial.articles?.map((a) => [a.article, a]));
  const prepared = inputs.map((i) => prepare(i, labels.get(i.id) ?? null, articleNotes.get(i.id), outlets));
  const inputsById = new Map(inputs.map((i) => [i.id, i]));
  const cats = categories(editorial, inputs);
  const stories: Story[] = [];
  for (const [id, members] of group(prepared)) {
    const lead = members.find((m) => m.article.kind === 'report') ?? members[0];
    if (!lead) continue;
    const notes = editorial.stories?.find((s) => s.story === id || (s.article !== undefined && members.some((m) => m.input.id === s.article)));
    const pages = members.map((m) => m.input);
    stories.push({
      id,
      title: notes?.title ?? lead.input.story_title ?? lead.article.title,
      summary: notes?.summary ?? lead.article.excerpt ?? lead.article.title,
      categories: notes?.categories ?? [...new Set(pages.flatMap((p) => (p.categories ?? []).map((name) => cats.byName.get(name) ?? slug(name))))],
      articles: members.map((m) => m.article),
      opinions: (notes?.opinions ?? []).map((o) => resolveOpinion(o, inputsById)),
      actions: (notes?.actions ?? []).map((a) => resolveAction(a, pages)),
    });
  }
  // A pack with no stories is valid to the schema but useless to a reader: never written.
  if (!stories.length) throw new Error('the pack would have no stories');
  const newest = prepared.filter((p) => p.ms !== null).sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0))[0]?.article.published;
  // Defaults read off the input, never off the clock, so the same input gives the same bytes.
  const defaults: PackMeta = { id: options.name ? slug(options.name) : undefined, publisher: options.name, version: newest?.slice(0, 10), updated: newest };
  const field = (key: keyof PackMeta): string => {
    const value = meta[key] ?? editorial.pack?.[key] ?? defaults[key];
    const why = (key === 'version' || key === 'updated') && !newest ? ' (the input has no dates to take it from)' : '';
    if (!value) throw new Error(`the pack needs "${key}": pass --${key} or set pack.${key} in the editorial file${why}`);
    return value;
  };
  const pack: Pack = {
    format: PACK_FORMAT,
    id: field('id'),
    publisher: field('publisher'),
    version: field('version'),
    updated: field('updated'),
    categories: cats.list,
    outlets: [...outlets.values()].sort((a, b) => compare(a.id, b.id)),
    stories: stories.sort((a, b) => compare(a.id, b.id)),
  };
  const result = validatePack(pack);
  if (!result.ok) throw new Error(`the built pack is invalid:\n  ${result.errors.join('\n  ')}`);
  if (options.ownWords) {
    const copies = copiedRuns(pack, inputs.map((i) => i.pageText ?? `${i.title}\n${i.text ?? ''}`));
    if (copies.length) {
      // One line per field: its first copied run, and how many more there are.
      const byPath = new Map<string, typeof copies>();
      for (const c of copies) byPath.set(c.path, [...(byPath.get(c.path) ?? []), c]);
      const lines = [...byPath].map(([path, runs]) => `${path}: "${runs[0]?.run}"${runs.length > 1 ? ` (and ${runs.length - 1} more runs)` : ''}`);
      throw new Error(`text copied from the input:\n  ${lines.join('\n  ')}`);
    }
  }
  return pack;
}

export const serializePack = (pack: Pack): string => `${JSON.stringify(pack, null, 2)}\n`;

/** The builder on files: the input (JSONL or a folder of pages) and the editorial file, if any. */
export function buildFromFiles(files: { in: string; editorial?: string | undefined; meta?: PackMeta; ownWords?: boolean }): Pack {
  if (!existsSync(files.in)) throw new Error(`no such file or folder: ${files.in}`);
  if (files.editorial && !existsSync(files.editorial)) throw new Error(`no such editorial file: ${files.editorial}`);
  let editorial: PackEditorial = {};
  if (files.editorial) {
    try {
      editorial = JSON.parse(readFileSync(files.editorial, 'utf8')) as PackEditorial;
    } catch (error) {
      throw new Error(`the editorial file ${files.editorial} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // The input as typed, so that errors (file:line) name it the way the user did.
  return buildPack(readInput(files.in), editorial, files.meta, { ownWords: files.ownWords ?? false, name: inputName(files.in) });
}

export const USAGE = 'usage: npm run pack -- --in FILE.jsonl|DIR --out pack.json [--editorial FILE] [--own-words] [--id ID] [--publisher NAME] [--version V] [--updated ISO]';

/** Writes the pack, creating its folder; a failure names the file rather than being a bare ENOENT. */
function writePack(out: string, text: string): void {
  try {
    mkdirSync(dirname(resolve(out)), { recursive: true });
    writeFileSync(out, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EISDIR' ? 'it is a folder' : code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of its path is a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : oneLine(error);
    throw new Error(`cannot write ${out}: ${why}`);
  }
}

/** Reads the input and the editorial file, builds the pack and writes it; answers what it wrote. */
export function runBuilder(args: string[]): string {
  const text = { type: 'string' } as const;
  const { values: v } = parseArgs({
    args,
    options: { in: text, out: text, editorial: text, id: text, publisher: text, version: text, updated: text, 'own-words': { type: 'boolean' } },
  });
  if (!v.in || !v.out) throw new Error(USAGE);
  const pack = buildFromFiles({ in: v.in, editorial: v.editorial, meta: { id: v.id, publisher: v.publisher, version: v.version, updated: v.updated }, ownWords: v['own-words'] === true });
  writePack(v.out, serializePack(pack));
  const articles = pack.stories.reduce((n, s) => n + s.articles.length, 0);
  return `wrote ${v.out}: ${pack.stories.length} stories, ${articles} articles, ${pack.outlets.length} outlets, ${pack.categories.length} categories`;
}

/** An error as one line: a multi-line message (the validator's list, the copied runs) joined with "; ". */
export function oneLine(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split('\n').map((l) => l.trim()).filter(Boolean);
  const [first = 'failed', ...rest] = lines;
  return rest.length ? `${first} ${rest.join('; ')}` : first;
}

/** Runs a builder as a command: what it wrote on stdout, or one line on stderr and exit code 2. */
export function runCli(command: string, run: () => string): void {
  try {
    console.log(run());
  } catch (error) {
    console.error(`${command}: ${oneLine(error)}`);
    process.exitCode = 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runCli('pack', () => runBuilder(process.argv.slice(2)));
