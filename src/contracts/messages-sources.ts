// Calls about story sources (packs, subscriptions, feeds, the network log) and reading history,
// from the options page. Part of BackgroundCalls; kept apart because the sources grow on their own.
import { empty, type Call, type Parsers } from './call';
import { int, isRecord, optStr, str } from '../formats/guards';
import { parsePublicKey } from '../formats/pack-signature';
import { parseHttpUrl } from '../formats/url';
import { FEED_ERROR_CODES, type DiscoveryView, type FeedBatchResult, type FeedProgress, type FeedView, type HistoryExportEntry, type SourcesState, type SubscriptionView } from './views';
import { SOURCE_PREF_BOUNDS, type SourcePrefs } from '../formats/source-prefs';

/** The largest pack file the options page sends (a 10k-story pack is some 15 MB). */
export const MAX_PACK_TEXT = 40_000_000;
const MAX_URL = 2_048;

export interface SourceCalls {
  /** Options: remove an installed pack (never the built-in one); the reader's own data stays. */
  'pack/remove': Call<{ packId: string }, null>;
  /** Options: install a pack file's text (all or nothing). Progress arrives as ImportProgress messages. */
  'pack/import': Call<{ text: string }, { packId: string; publisher: string; stories: number }>;
  /** Options: subscriptions, feeds, reading history, the network log and their settings. */
  'sources/state': Call<Record<string, never>, SourcesState>;
  /** Options: change how often sources refresh and how long history is kept. */
  'sources/prefs': Call<Partial<SourcePrefs>, SourcePrefs>;
  /** Options: subscribe to a pack URL, pinning the publisher's key when given; fetched at once. */
  'subscription/add': Call<{ url: string; publicKey: string | null }, SubscriptionView>;
  'subscription/refresh': Call<{ url: string }, SubscriptionView>;
  /** Options: unsubscribe and remove the pack it installed. */
  'subscription/remove': Call<{ url: string }, null>;
  /** Options: add a feed (RSS, Atom, JSON Feed); fetched at once. */
  'feed/add': Call<{ url: string }, FeedView>;
  'feed/refresh': Call<{ url: string }, FeedView>;
  'feed/remove': Call<{ url: string }, null>;
  /** Options: the feeds the reader's current tab declares (`<link rel="alternate">`). */
  'feed/discover': Call<Record<string, never>, DiscoveryView>;
  'history/export': Call<Record<string, never>, HistoryExportEntry[]>;
  'history/clear': Call<Record<string, never>, null>;
  /** Options: forget every request the network log holds. */
  'network/clear': Call<Record<string, never>, null>;
  /** Welcome page: the feeds the reader takes already, and how many stories are stored. */
  'welcome/state': Call<Record<string, never>, { feeds: string[]; stories: number }>;
  /**
   * Welcome page: add many feeds at once (the reader's first choice of sources). Answers when every
   * source is fetched or has failed; per-source progress arrives as FeedBatchProgress messages.
   */
  'feeds/add-many': Call<{ urls: string[] }, FeedBatchResult>;
}

/** Background → options page, while a pack is written: not a call, nobody answers it. */
export interface ImportProgress {
  type: 'import/progress';
  done: number;
  total: number;
}

/**
 * Background → extension pages, after any change to sources (a feed added or refreshed, a pack
 * updated, a scheduled refresh): pages that list sources read them again. Carries nothing, so a
 * forged one can at most cause a reload; receivers still check it came from the extension itself.
 */
export interface SourcesChanged {
  type: 'sources/changed';
}

export function isSourcesChanged(message: unknown): message is SourcesChanged {
  return isRecord(message) && message['type'] === 'sources/changed' && Object.keys(message).length === 1;
}

export function isImportProgress(message: unknown): message is ImportProgress {
  return isRecord(message) && message['type'] === 'import/progress' && int(message['done'], 0) !== undefined && int(message['total'], 0) !== undefined;
}

/** Background → welcome page while a batch of feeds is fetched: every source's state, each time. */
export interface FeedBatchProgress {
  type: 'feeds/progress';
  sources: FeedProgress[];
}

/** The most feeds one batch may add: the directory's every outlet with its opinion feed, and room. */
export const MAX_BATCH_FEEDS = 300;
const PROGRESS_STATES: readonly FeedProgress['state'][] = ['waiting', 'fetching', 'done', 'failed'];

function progressEntry(value: unknown): boolean {
  if (!isRecord(value) || str(value['url'], MAX_URL) === undefined || int(value['items'], 0) === undefined) return false;
  const state = value['state'];
  const error = value['error'];
  const detail = optStr(value['detail'], 1_000);
  return PROGRESS_STATES.includes(state as FeedProgress['state']) && (error === null || FEED_ERROR_CODES.includes(error as never)) && detail !== undefined;
}

export function isFeedBatchProgress(message: unknown): message is FeedBatchProgress {
  if (!isRecord(message) || message['type'] !== 'feeds/progress') return false;
  const sources = message['sources'];
  return Array.isArray(sources) && sources.length <= MAX_BATCH_FEEDS && sources.every(progressEntry);
}

function httpUrl(p: unknown): string | undefined {
  const raw = isRecord(p) ? str(p['url'], MAX_URL) : undefined;
  return raw === undefined ? undefined : parseHttpUrl(raw)?.href;
}

const urlOnly = (p: unknown): { url: string } | undefined => {
  const url = httpUrl(p);
  return url === undefined ? undefined : { url };
};

/** Stored source URLs are taken as stored (a parse would not change them, but must not refuse them). */
const storedUrl = (p: unknown): { url: string } | undefined => {
  const url = isRecord(p) ? str(p['url'], MAX_URL) : undefined;
  return url === undefined ? undefined : { url };
};

export const sourceParsers: Parsers<SourceCalls> = {
  'pack/remove': (p) => {
    const packId = isRecord(p) ? str(p['packId'], 200) : undefined;
    return packId === undefined ? undefined : { packId };
  },
  'pack/import': (p) => {
    const text = isRecord(p) ? str(p['text'], MAX_PACK_TEXT) : undefined;
    return text === undefined ? undefined : { text };
  },
  'sources/state': empty,
  'sources/prefs': (p) => {
    if (!isRecord(p)) return undefined;
    const out: Partial<SourcePrefs> = {};
    for (const key of Object.keys(SOURCE_PREF_BOUNDS) as (keyof SourcePrefs)[]) {
      if (!(key in p)) continue;
      const value = int(p[key], ...SOURCE_PREF_BOUNDS[key]);
      if (value === undefined) return undefined;
      out[key] = value;
    }
    return Object.keys(p).length === Object.keys(out).length ? out : undefined;
  },
  'subscription/add': (p) => {
    const url = httpUrl(p);
    const key = isRecord(p) ? optStr(p['publicKey'], 100) : undefined;
    if (url === undefined || key === undefined) return undefined;
    const publicKey = key?.trim() || null;
    if (publicKey !== null && !parsePublicKey(publicKey)) return undefined;
    return { url, publicKey };
  },
  'subscription/refresh': storedUrl,
  'subscription/remove': storedUrl,
  'feed/add': urlOnly,
  'feed/refresh': storedUrl,
  'feed/remove': storedUrl,
  'feed/discover': empty,
  'history/export': empty,
  'history/clear': empty,
  'network/clear': empty,
  'welcome/state': empty,
  'feeds/add-many': (p) => {
    const raw = isRecord(p) ? p['urls'] : undefined;
    if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_BATCH_FEEDS) return undefined;
    const urls = new Set<string>();
    for (const item of raw) {
      const url = typeof item === 'string' && item.length <= MAX_URL ? parseHttpUrl(item)?.href : undefined;
      if (url === undefined) return undefined;
      urls.add(url);
    }
    return { urls: [...urls] };
  },
};
