// Builds the starter pack: facts (headlines, outlets, times, categories, names, hashtags, links) from
// the seed pages, every sentence from the hand-written editorial file. The output is deterministic
// (key order fixed here, `updated` from the editorial file) so a rebuild gives the same bytes and a
// test can compare it with the committed assets/packs/starter.json.
//   npx tsx scripts/build-starter-pack.ts [--seeds DIR] [--editorial FILE] [--out FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ActionStep, Article, ArticleKind, Category, Contact, Opinion, Outlet, Pack } from '../src/shared/model';
import { PACK_FORMAT } from '../src/shared/model';
import { validatePack } from '../src/shared/pack-validate';
import { readSeeds, readSeedTexts, type SeedReport } from './lib/seed-parser';

const REPO = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULTS = {
  seeds: resolve(REPO, '../shared/seed-stories'),
  editorial: resolve(REPO, 'assets/editorial/starter.editorial.json'),
  out: resolve(REPO, 'assets/packs/starter.json'),
};

/** An action as the editorial file writes it: seed facts are referenced, not retyped. */
interface EditorialAction extends Omit<ActionStep, 'hashtags'> {
  /** Take the hashtags the seeds' to-do lists give. */
  hashtagsFromSeeds?: boolean;
  /** Take the URL of the petition the seeds give. */
  urlFromSeeds?: 'petition';
}
interface EditorialStory {
  id: string;
  title: string;
  summary: string;
  articles: { seed: string; id: string; kind: ArticleKind; excerpt: string }[];
  opinions: { seed: string; id: string; title: string; summary: string }[];
  actions: EditorialAction[];
}
export interface Editorial {
  pack: { id: string; publisher: string; version: string; updated: string };
  /** Keyed by the category name exactly as the seeds' "Categories:" line gives it. */
  categories: { name: string; id: string; actions: EditorialAction[] }[];
  story: EditorialStory;
}

export interface BuildOptions {
  seeds?: string;
  editorial?: string;
}

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const outletId = (o: SeedReport['outlet']): string => o.domain ?? slug(o.name);

function seedFor(seeds: SeedReport[], ref: string): SeedReport {
  const seed = seeds.find((s) => s.file.startsWith(`${ref}_`));
  if (!seed) throw new Error(`editorial refers to seed '${ref}', which is not in the seed folder`);
  return seed;
}

function contact(c: Contact, seeds: SeedReport[]): Contact {
  // Names come from the seeds' to-do lists; the editorial file adds only role, link and check date.
  if (!seeds.some((s) => s.officials.some((o) => o.name === c.name))) {
    throw new Error(`contact '${c.name}' is not an official named in the seeds`);
  }
  return { name: c.name, role: c.role, email: c.email, url: c.url, checked: c.checked };
}

function action(a: EditorialAction, seeds: SeedReport[]): ActionStep {
  const hashtags = a.hashtagsFromSeeds ? [...new Set(seeds.flatMap((s) => s.hashtags))] : undefined;
  const url = a.urlFromSeeds === 'petition' ? seeds.flatMap((s) => s.petitionUrls)[0] : a.url;
  if (a.urlFromSeeds && !url) throw new Error(`action '${a.id}': the seeds give no ${a.urlFromSeeds} URL`);
  return {
    id: a.id,
    kind: a.kind,
    title: a.title,
    details: a.details,
    url,
    template: a.template && { subject: a.template.subject, body: a.template.body },
    contacts: a.contacts?.map((c) => contact(c, seeds)),
    hashtags,
    curatedBy: a.curatedBy,
    checked: a.checked,
  };
}

function article(entry: EditorialStory['articles'][number], seeds: SeedReport[]): Article {
  const seed = seedFor(seeds, entry.seed);
  // No URL: the seeds give none and none is invented.
  return {
    id: entry.id,
    title: seed.headline,
    outlet: outletId(seed.outlet),
    published: seed.published,
    excerpt: entry.excerpt,
    kind: entry.kind,
  };
}

function opinion(entry: EditorialStory['opinions'][number], seeds: SeedReport[]): Opinion {
  seedFor(seeds, entry.seed);
  // The opinion essays are the republishing site's; only 000 carries its masthead, so take it there.
  const site = seeds.find((s) => s.site)?.site;
  if (!site) throw new Error('no seed names the republishing site that wrote the opinions');
  return { id: entry.id, title: entry.title, author: site.name, source: site.domain, summary: entry.summary };
}

function categories(editorial: Editorial, seeds: SeedReport[]): Category[] {
  const names = [...new Set(seeds.flatMap((s) => s.categories))];
  const extra = editorial.categories.find((c) => !names.includes(c.name));
  if (extra) throw new Error(`editorial category '${extra.name}' is not on any seed's Categories line`);
  return names.map((name) => {
    const entry = editorial.categories.find((c) => c.name === name);
    if (!entry) throw new Error(`seed category '${name}' has no entry in the editorial file`);
    return { id: entry.id, name, actions: entry.actions.map((a) => action(a, seeds)) };
  });
}

function outlets(seeds: SeedReport[]): Outlet[] {
  const byId = new Map<string, Outlet>();
  for (const { outlet } of seeds) byId.set(outletId(outlet), { id: outletId(outlet), name: outlet.name, domain: outlet.domain });
  return [...byId.values()];
}

/** Drops undefined fields so the JSON holds only what is known. */
function prune<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function buildStarterPack(opts: BuildOptions = {}): Pack {
  const seeds = readSeeds(opts.seeds ?? DEFAULTS.seeds);
  const editorial = JSON.parse(readFileSync(opts.editorial ?? DEFAULTS.editorial, 'utf8')) as Editorial;
  const cats = categories(editorial, seeds);
  const { story } = editorial;
  const pack: Pack = prune({
    format: PACK_FORMAT,
    id: editorial.pack.id,
    publisher: editorial.pack.publisher,
    version: editorial.pack.version,
    updated: editorial.pack.updated,
    categories: cats,
    outlets: outlets(seeds),
    stories: [{
      id: story.id,
      title: story.title,
      summary: story.summary,
      categories: cats.map((c) => c.id),
      articles: story.articles.map((a) => article(a, seeds)),
      opinions: story.opinions.map((o) => opinion(o, seeds)),
      actions: story.actions.map((a) => action(a, seeds)),
    }],
  });
  const result = validatePack(pack);
  if (!result.ok) throw new Error(`starter pack is invalid:\n  ${result.errors.join('\n  ')}`);
  const copies = copiedRuns(pack, readSeedTexts(opts.seeds ?? DEFAULTS.seeds));
  if (copies.length) throw new Error(`text copied from the seeds:\n  ${copies.map((c) => `${c.path}: "${c.run}"`).join('\n  ')}`);
  return pack;
}

export function serializePack(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/**
 * Lower-cased words with punctuation stripped. Words are separated by white space and by en/em
 * dashes (used unspaced in the seeds: "talks—or"); a hyphenated word or a URL stays one word.
 */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s\u2013\u2014]+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
}

const RUN = 8;
const runs = (ws: string[]): string[] => ws.slice(0, Math.max(0, ws.length - RUN + 1)).map((_, i) => ws.slice(i, i + RUN).join(' '));

/**
 * Every run of 8 words in the pack's text that also stands in a seed, with the field it is in.
 * Article titles are exempt: headlines are facts. Each string field is checked on its own.
 */
export function copiedRuns(pack: Pack, seedTexts: string[]): { path: string; run: string }[] {
  const seedRuns = new Set(seedTexts.flatMap((t) => runs(words(t))));
  const found: { path: string; run: string }[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      for (const run of runs(words(value))) if (seedRuns.has(run)) found.push({ path, run });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        if (!(k === 'title' && /\.articles\[\d+\]$/.test(path))) walk(v, path ? `${path}.${k}` : k);
      }
    }
  };
  walk(pack, '');
  return found;
}

function main(): void {
  const { values } = parseArgs({ options: { seeds: { type: 'string' }, editorial: { type: 'string' }, out: { type: 'string' } } });
  const pack = buildStarterPack({ seeds: values.seeds ?? DEFAULTS.seeds, editorial: values.editorial ?? DEFAULTS.editorial });
  const out = values.out ?? DEFAULTS.out;
  writeFileSync(out, serializePack(pack));
  console.log(`wrote ${out}: ${pack.stories.length} story, ${pack.categories.length} categories, ${pack.outlets.length} outlets`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
