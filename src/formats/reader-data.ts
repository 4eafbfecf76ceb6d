// Everything that belongs to the reader, as one JSON file: settings, the sources they added,
// reading history, ticked action steps, "Not this story" and "This page is about this story"
// answers, followed stories and the categories the reader chose for stories. Packs are not in it (they belong to their publishers
// and are installed again from them). The file is validated field by field before anything is
// stored; each error names its place.
import { isHttpUrl, isIsoDateTime, Issues, type Rec } from './pack-validate-fields';
import { parsePublicKey } from './pack-signature';
import type { Settings } from './settings';
import { settingsIn, sourcePrefsIn } from './reader-data-settings';
import { HISTORY_TEXT_CHARS, MAX_PAGE_KEY_CHARS } from './storage-schema';
import type { SourcePrefs } from './source-prefs';
import { MAX_SOURCE_URL, parseHttpUrl } from './url';

export const READER_DATA_FORMAT = 'storyline-reader-data';
export const READER_DATA_VERSION = 1;

export interface ReaderData {
  format: typeof READER_DATA_FORMAT;
  version: typeof READER_DATA_VERSION;
  exported: string;
  settings: Settings;
  sourcePrefs: SourcePrefs;
  subscriptions: { url: string; publicKey: string | null }[];
  feeds: { url: string }[];
  /** `kind` is absent for a report, and in files written before pages said what they are. */
  history: { pageKey: string; url: string; title: string; siteName: string | null; published: string | null; readAt: string; text: string; kind?: 'opinion' | 'analysis' }[];
  actions: { storyId: string; actionId: string; done: boolean; at: string }[];
  rejections: { pageKey: string; storyId: string; at: string }[];
  following: { storyId: string; at: string; seen: string[] }[];
  /** Absent in files written before readers could choose a story's categories. */
  categories?: { storyId: string; categories: string[]; at: string }[];
  /** "This page is about this story" answers; absent in files written before readers could give them. */
  confirmations?: { pageKey: string; storyId: string; at: string }[];
}

/** What an import added (things already there are kept as they are, not counted). */
export interface ReaderDataMerge {
  subscriptions: number;
  feeds: number;
  history: number;
  actions: number;
  rejections: number;
  following: number;
  categories: number;
  confirmations: number;
  /** History entries read before the days this machine keeps history: left out, as its next prune would drop them. */
  historyTooOld: number;
}

/** Files larger than this are refused before parsing: far above a long reading history. */
export const MAX_READER_DATA_CHARS = 50_000_000;
/** An import's receipt id, chosen by the options page (a UUID is one): background/import-receipts.ts. */
export const IMPORT_RECEIPT_ID = /^[A-Za-z0-9-]{8,64}$/;

type Shape<T> = (issues: Issues, item: Rec, path: string) => T | undefined;

function items<T>(issues: Issues, data: Rec, key: string, shape: Shape<T>): T[] {
  const out: T[] = [];
  issues.list(data, key, '', true).forEach((value, i) => {
    const path = `${key}[${i}]`;
    const item = issues.record(value, path);
    const parsed = item && shape(issues, item, path);
    if (parsed) out.push(parsed);
  });
  return out;
}

/**
 * The longest text each field may hold: what the extension itself stores there (a page report's
 * limits, contracts/page-report.ts; a page key is urlKey() of such an address, which can be longer
 * than it: storage-schema.ts). A file is untrusted input: a 50 MB title would otherwise be stored,
 * and read by the matcher at the next rejoin.
 */
const LONGEST = { address: 4_096, pageKey: MAX_PAGE_KEY_CHARS, title: 1_000, siteName: 500, id: 1_000 } as const;

function bounded(issues: Issues, item: Rec, key: string, path: string, longest: number): string | undefined {
  const value = issues.text(item, key, path);
  if (value === undefined || value.length <= longest) return value;
  issues.add(`${path}.${key}`, `longer than ${longest} characters`);
  return undefined;
}

const id = (issues: Issues, item: Rec, key: string, path: string): string | undefined => bounded(issues, item, key, path, LONGEST.id);

/**
 * A moment, as the extension writes them (UTC, toISOString): answers are compared by these strings
 * (the newer one stands), which holds only when every one is written the same way; a file may
 * give an offset or fractions of a second.
 */
function when(issues: Issues, item: Rec, key: string, path: string): string | undefined {
  const value = issues.checked(item, key, path, isIsoDateTime, 'not an ISO 8601 date-time with offset');
  if (value === undefined) return undefined;
  const utc = utcOf(value);
  if (utc !== null) return utc;
  issues.add(`${path}.${key}`, 'not an ISO 8601 date-time with offset');
  return undefined;
}

/**
 * A date-time as toISOString writes it, or null: also when an offset carries it out of the years
 * 0000–9999 (toISOString then writes `+010000-…`, which the next export's import would refuse).
 */
function utcOf(value: string): string | null {
  const ms = Date.parse(value);
  const utc = Number.isFinite(ms) ? new Date(ms).toISOString() : '';
  return isIsoDateTime(utc) ? utc : null;
}

function nullableText(issues: Issues, item: Rec, key: string, path: string): string | null | undefined {
  if (item[key] === null || item[key] === undefined) return null;
  return bounded(issues, item, key, path, LONGEST.siteName);
}

/**
 * When the page said it was published: the page's word, not the reader's, and optional. One this
 * version cannot read is no date, and the entry is kept: refusing it would refuse the reader's
 * whole file for a page's odd date (an export of an older version kept what pages stated).
 */
function statedDate(value: unknown): string | null {
  return typeof value === 'string' && value.length <= 64 && isIsoDateTime(value) && Number.isFinite(Date.parse(value)) ? value : null;
}

const history: Shape<ReaderData['history'][number]> = (issues, item, path) => {
  const pageKey = bounded(issues, item, 'pageKey', path, LONGEST.pageKey);
  const url = bounded(issues, item, 'url', path, LONGEST.address) && issues.checked(item, 'url', path, isHttpUrl, 'not an http(s) URL');
  const title = bounded(issues, item, 'title', path, LONGEST.title);
  const siteName = nullableText(issues, item, 'siteName', path);
  const published = statedDate(item['published']);
  const readAt = when(issues, item, 'readAt', path);
  const text = typeof item['text'] === 'string' ? item['text'].slice(0, HISTORY_TEXT_CHARS) : '';
  // Anything but a known kind reads as a report: the entry is kept, only the label is not.
  const kind = item['kind'] === 'opinion' || item['kind'] === 'analysis' ? item['kind'] : undefined;
  if (!pageKey || !url || !title || siteName === undefined || !readAt) return undefined;
  return { pageKey, url, title, siteName, published, readAt, text, ...(kind ? { kind } : {}) };
};

/**
 * A source's address as the options page stores one it is given: parsed (so "HTTPS://Feeds.Example/a"
 * is the "https://feeds.example/a" already here, not a second feed) and no longer than an address
 * the options page can send back to remove it.
 */
function sourceUrl(issues: Issues, item: Rec, path: string): string | undefined {
  const raw = bounded(issues, item, 'url', path, MAX_SOURCE_URL);
  if (raw === undefined) return undefined;
  const href = isHttpUrl(raw) ? parseHttpUrl(raw)?.href : undefined;
  if (href && href.length <= MAX_SOURCE_URL) return href;
  issues.add(`${path}.url`, 'not an http(s) URL');
  return undefined;
}

const subscription: Shape<ReaderData['subscriptions'][number]> = (issues, item, path) => {
  const url = sourceUrl(issues, item, path);
  const key = item['publicKey'] ?? null;
  if (key !== null && (typeof key !== 'string' || !parsePublicKey(key))) {
    issues.add(`${path}.publicKey`, 'not a base64 Ed25519 public key');
    return undefined;
  }
  return url ? { url, publicKey: key } : undefined;
};

const feed: Shape<ReaderData['feeds'][number]> = (issues, item, path) => {
  const url = sourceUrl(issues, item, path);
  return url ? { url } : undefined;
};

const action: Shape<ReaderData['actions'][number]> = (issues, item, path) => {
  const storyId = id(issues, item, 'storyId', path);
  const actionId = id(issues, item, 'actionId', path);
  const at = when(issues, item, 'at', path);
  if (typeof item['done'] !== 'boolean') issues.add(`${path}.done`, 'must be true or false');
  return storyId && actionId && at && typeof item['done'] === 'boolean' ? { storyId, actionId, done: item['done'], at } : undefined;
};

/** A page's answer about a story: "Not this story", or "This page is about this story". */
const rejection: Shape<ReaderData['rejections'][number]> = (issues, item, path) => {
  const pageKey = bounded(issues, item, 'pageKey', path, LONGEST.pageKey);
  const storyId = id(issues, item, 'storyId', path);
  const at = when(issues, item, 'at', path);
  return pageKey && storyId && at ? { pageKey, storyId, at } : undefined;
};

const follow: Shape<ReaderData['following'][number]> = (issues, item, path) => {
  const storyId = id(issues, item, 'storyId', path);
  const at = when(issues, item, 'at', path);
  const seen = issues.list(item, 'seen', path, true).filter((seenId): seenId is string => typeof seenId === 'string' && seenId.length <= LONGEST.id);
  return storyId && at ? { storyId, at, seen } : undefined;
};

/** At most this many categories chosen for one story (the sidebar offers no more). */
export const MAX_CHOSEN_CATEGORIES = 5;

const chosen: Shape<NonNullable<ReaderData['categories']>[number]> = (issues, item, path) => {
  const storyId = id(issues, item, 'storyId', path);
  const at = when(issues, item, 'at', path);
  const ids = issues.list(item, 'categories', path);
  const categories = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 200))];
  if (categories.length !== ids.length || categories.length > MAX_CHOSEN_CATEGORIES) {
    issues.add(`${path}.categories`, `must be at most ${MAX_CHOSEN_CATEGORIES} different category ids`);
    return undefined;
  }
  return storyId && at ? { storyId, categories, at } : undefined;
};

/** An imported file as read: settings and source preferences only as far as the file gives them. */
export type ImportedReaderData = Omit<ReaderData, 'settings' | 'sourcePrefs'> & { settings: Partial<Settings>; sourcePrefs?: Partial<SourcePrefs> };
/** A failure names its first errors (`errors`) and counts them all (`total`). */
export type ReaderDataParse = { ok: true; data: ImportedReaderData } | { ok: false; errors: string[]; total?: number };

/** Reads an exported file (text); every problem is reported, and nothing is half-read. */
export function parseReaderData(text: string): ReaderDataParse {
  if (text.length > MAX_READER_DATA_CHARS) return { ok: false, errors: ['the file is too large to be Storyline reader data'] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, errors: ['not a JSON file'] };
  }
  const issues = new Issues();
  const data = issues.record(raw, 'file');
  if (!data) return { ok: false, errors: issues.errors, total: issues.count };
  if (data['format'] !== READER_DATA_FORMAT) return { ok: false, errors: [`format: not '${READER_DATA_FORMAT}' (is this a Storyline data export?)`] };
  // The value is shown only when it is a plain number or short string: String() of an object whose
  // `toString` is not a function throws, and a file must never make the reader throw.
  const version = data['version'];
  const shown = typeof version === 'number' || (typeof version === 'string' && version.length <= 20) ? JSON.stringify(version) : typeof version;
  if (version !== READER_DATA_VERSION) return { ok: false, errors: [`version: ${shown} is not a version this Storyline reads`] };
  const parsed = {
    format: READER_DATA_FORMAT,
    version: READER_DATA_VERSION,
    exported: typeof data['exported'] === 'string' ? data['exported'] : '',
    settings: settingsIn(data['settings']),
    subscriptions: items(issues, data, 'subscriptions', subscription),
    feeds: items(issues, data, 'feeds', feed),
    history: items(issues, data, 'history', history),
    actions: items(issues, data, 'actions', action),
    rejections: items(issues, data, 'rejections', rejection),
    following: items(issues, data, 'following', follow),
    categories: items(issues, data, 'categories', chosen),
    confirmations: items(issues, data, 'confirmations', rejection),
  } as const;
  const sourcePrefs = sourcePrefsIn(issues, data);
  if (issues.count > 0) return { ok: false, errors: issues.errors, total: issues.count };
  return { ok: true, data: { ...parsed, ...(sourcePrefs ? { sourcePrefs } : {}) } };
}
