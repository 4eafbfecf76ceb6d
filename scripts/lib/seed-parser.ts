// Reads the facts of each seed page: headline, outlet, time, categories, report body, and from the
// republishing site's to-do lists the officials, organisations, hashtags and petition links it
// names. Only facts come from here; every sentence the pack shows is written in the editorial file.
// It parses the pages' structure (repeated headline, "domain -- time" source line, credit lines,
// numbered to-do items) and only has to hold for the seeds in shared/seed-stories.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Official {
  /** "Senator" or "Rep." as the seed writes it. */
  title: string;
  name: string;
  /** Party letter when the seed gives one. */
  party?: string;
  state: string;
  /** The address the seed gives, email or web path, unchecked. */
  contact: string;
}

export interface SeedReport {
  /** File name, e.g. `000_2fba5983d4e804f5.txt`. */
  file: string;
  headline: string;
  outlet: { name: string; domain?: string };
  /** ISO 8601 with offset; absent when the page states no time. */
  published?: string;
  /** `stated`: the page names the zone; `assumed-utc`: it gives a clock time without one. */
  publishedZone?: 'stated' | 'assumed-utc';
  categories: string[];
  /** The news report's paragraphs, without the republisher's essays and to-do list. */
  body: string[];
  /** The republishing site, where the page names it (masthead + copyright line). */
  site?: { name: string; domain: string };
  officials: Official[];
  organisations: string[];
  hashtags: string[];
  petitionUrls: string[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december'];
// Zone names the seeds spell out; a time without a zone is read as UTC (see SeedReport.publishedZone).
const ZONES: Record<string, string> = {
  'eastern daylight time': '-04:00',
  'eastern standard time': '-05:00',
};
const DATE_TIME =
  /^(?:[A-Z][a-z]+day, )?([A-Z][a-z]+) (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AP]M))?(?: ([A-Za-z ]+))?$/;
// Lines that end the report: the republisher's widgets, newsletter boxes and credit lines.
const REPORT_END = /^(?:Expand$|Sign Our Petition|Opinion:|If you enjoyed this Post|Based On .+ Report$|.*written by the team of)/i;
// Promotional lines inside a report body, not part of the report.
const BODY_NOISE = /^\(Image source|Download today$/i;
const CREDIT = [/^Based On (.+?) Report$/i, /written by the team of (.+?)\.?$/i];

/** The outlet of a page that names none (then it is not a saved article page). */
export const UNKNOWN_OUTLET = 'Unknown outlet';

const pad = (n: number | string): string => String(n).padStart(2, '0');

/** Parses "Friday, August 15, 2025, 7:56:54 PM Eastern Daylight Time" or "August 16, 2025 18:24". */
export function parseSeedTime(text: string): Pick<SeedReport, 'published' | 'publishedZone'> | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [, monthName = '', day = '', year = '', h = '', min = '', sec = '00', ampm, zoneName] = m;
  const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  const offset = zoneName === undefined ? '+00:00' : ZONES[zoneName.toLowerCase()];
  if (month === 0 || offset === undefined) return null;
  let hour = Number(h);
  if (ampm) hour = (hour % 12) + (ampm === 'PM' ? 12 : 0);
  return {
    published: `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${min}:${sec}${offset}`,
    publishedZone: zoneName === undefined ? 'assumed-utc' : 'stated',
  };
}

function clean(line: string): string {
  return line.replace(/[\u00a0\u2009\u202f]/g, ' ').replace(/^\s*•\s*/, '').trim();
}

/** The headline is the first header line the page repeats (once with a section label glued on). */
function findHeadline(lines: string[]): { headline: string; label?: string; at: number } {
  const head = lines.slice(0, 12);
  for (let i = 0; i < head.length; i++) {
    for (let j = i + 1; j < head.length; j++) {
      const a = head[i] ?? '';
      const b = head[j] ?? '';
      if (b && a.startsWith(b) && b.length > 20) {
        const label = a.slice(b.length).trim();
        return label ? { headline: b, label, at: j } : { headline: b, at: j };
      }
    }
  }
  return { headline: lines[0] ?? '', at: 0 };
}

/** The outlet's own spelling of its domain or first label in the text ("SocialNews.XYZ", "7NEWS"). */
function outletName(domain: string, text: string): string {
  for (const key of [domain, domain.split('.')[0] ?? domain]) {
    const m = new RegExp(`\\b${key.replace(/\./g, '\\.')}\\b`, 'i').exec(text.replace(domain, ''));
    if (m) return m[0];
  }
  return domain;
}

function parseOutlet(lines: string[], text: string, label?: string): SeedReport['outlet'] {
  for (const line of lines.slice(0, 12)) {
    const source = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+) -- /i.exec(line);
    if (source?.[1]) return { name: outletName(source[1], text), domain: source[1].toLowerCase() };
  }
  for (const line of lines) {
    for (const re of CREDIT) {
      const m = re.exec(line.replace(/^\W+/u, ''));
      if (m?.[1]) return { name: m[1] };
    }
  }
  return { name: label ?? UNKNOWN_OUTLET };
}

/** The republisher names itself in a "... Logo" masthead and a copyright line with its domain. */
function parseSite(lines: string[]): SeedReport['site'] {
  const copyright = lines.map((l) => /\(C\)opyright \d{4} - (\S+\.[a-z]+)/i.exec(l)?.[1]).find(Boolean);
  const masthead = lines.find((l) => / Logo$/.test(l));
  if (!copyright || !masthead) return undefined;
  const key = (copyright.split('.')[0] ?? '').toLowerCase();
  const words = masthead.split(' ');
  for (let n = 1; n <= words.length; n++) {
    const name = words.slice(0, n).join(' ');
    if (name.toLowerCase().replace(/[^a-z0-9]/g, '') === key) return { name, domain: copyright.toLowerCase() };
  }
  return undefined;
}

function parseBody(lines: string[], from: number): string[] {
  const body: string[] = [];
  for (const line of lines.slice(from + 1)) {
    if (REPORT_END.test(line)) break;
    if (line && !BODY_NOISE.test(line)) body.push(line);
  }
  return body;
}

/** The to-do list: from "What Can We Personally Do" to the closing "By taking these actions". */
function toDoText(text: string): string {
  const start = text.indexOf('### What Can We Personally Do');
  if (start < 0) return '';
  const end = text.indexOf('By taking these actions', start);
  return text.slice(start, end < 0 ? undefined : end);
}

const NAME = "[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+)+";
const ORG = "(?:the )?[A-Z][A-Za-z'’]*(?: (?:of |the )?[A-Z][A-Za-z'’]*)*";

function parseOfficials(todo: string): Official[] {
  const re = new RegExp(`\\b(Senator|Rep\\.) (${NAME}) \\((?:([DRI])-)?([A-Z]{2})\\)(?::| - Email:) (\\S+)`, 'g');
  return [...todo.matchAll(re)].map(([, title = '', name = '', party, state = '', contact = '']) => ({
    title, name, ...(party ? { party } : {}), state, contact,
  }));
}

function parseOrganisations(todo: string): string[] {
  const found: string[] = [];
  // "organizations such as: - **Name**: ..." lists, and inline "such as X or the Y".
  for (const m of todo.matchAll(/such as:([\s\S]*?)(?=\s\d+\. \*\*|$)/g)) {
    for (const item of (m[1] ?? '').matchAll(/- \*\*([^*]+)\*\*:/g)) found.push(item[1] ?? '');
  }
  for (const m of todo.matchAll(new RegExp(`such as (${ORG})(?:,? (?:or|and) (${ORG}))?`, 'g'))) {
    for (const name of [m[1], m[2]]) if (name) found.push(name.replace(/^the /, ''));
  }
  return [...new Set(found)];
}

function parseHashtags(todo: string): string[] {
  return [...new Set([...todo.matchAll(/#([A-Za-z]\w+)/g)].map((m) => m[1] ?? ''))];
}

/** Links given inside a numbered to-do item whose bold title mentions a petition. */
function parsePetitionUrls(todo: string): string[] {
  const items = todo.split(/\s(?=\d+\. \*\*)/);
  return items
    .filter((item) => /^\d+\. \*\*[^*]*Petition/i.test(item))
    .flatMap((item) => [...item.matchAll(/\((https?:\/\/[^)\s]+)\)/g)].map((m) => m[1] ?? ''));
}

export function parseSeedText(file: string, raw: string): SeedReport {
  const text = raw.replace(/\r\n?/g, '\n');
  const lines = text.split('\n').map(clean);
  const nonEmpty = lines.filter(Boolean);
  const { headline, label, at } = findHeadline(nonEmpty);
  const time = nonEmpty.slice(0, 12).map((l) => parseSeedTime(l.split(' -- ')[1] ?? l)).find(Boolean);
  const categoriesLine = nonEmpty.slice(0, 12).find((l) => l.startsWith('Categories:'));
  const categories = categoriesLine?.slice('Categories:'.length).split(',').map((c) => c.trim()).filter(Boolean) ?? [];
  const headerEnd = Math.max(at, categoriesLine ? nonEmpty.indexOf(categoriesLine) : 0);
  const todo = toDoText(text);
  const site = parseSite(nonEmpty);
  return {
    file,
    headline,
    outlet: parseOutlet(nonEmpty, text, label),
    ...(time ?? {}),
    categories,
    body: parseBody(nonEmpty, headerEnd),
    ...(site ? { site } : {}),
    officials: parseOfficials(todo),
    organisations: parseOrganisations(todo),
    hashtags: parseHashtags(todo),
    petitionUrls: parsePetitionUrls(todo),
  };
}

function seedFiles(dir: string): { file: string; text: string }[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return files.map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

/** Every `.txt` seed in `dir`, in file-name order (000 first). */
export const readSeeds = (dir: string): SeedReport[] => seedFiles(dir).map((s) => parseSeedText(s.file, s.text));

/** The raw text of every seed, for the copy check. */
export const readSeedTexts = (dir: string): string[] => seedFiles(dir).map((s) => s.text);
