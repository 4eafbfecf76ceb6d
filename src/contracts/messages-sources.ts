// Calls about story sources (packs, subscriptions, feeds, the network log) and reading history,
// from the options page (and the welcome page). Part of backgroundCalls; kept apart because the
// sources grow on their own.
import { answer, call, empty, oneString, type CallsOf } from './call';
import { int, isRecord, optStr, str } from '../formats/guards';
import { parsePublicKey } from '../formats/pack-signature';
import { parseHttpUrl } from '../formats/url';
import { IMPORT_ID, MAX_BATCH_FEEDS, MAX_PACK_TEXT, MAX_URL } from './source-events';
import type { DiscoveryView, FeedAddView, FeedBatchResult, FeedView, HistoryExportEntry, HistoryView, SourcesState, SubscriptionView, TopStory } from './views';
import { SOURCE_PREF_BOUNDS, type SourcePrefs } from '../formats/source-prefs';

function httpUrl(p: unknown): string | undefined {
  const raw = isRecord(p) ? str(p['url'], MAX_URL) : undefined;
  return raw === undefined ? undefined : parseHttpUrl(raw)?.href;
}

const urlOnly = (p: unknown): { url: string } | undefined => {
  const url = httpUrl(p);
  return url === undefined ? undefined : { url };
};

/** Stored source URLs are taken as stored (a parse would not change them, but must not refuse them). */
const storedUrl = oneString('url', MAX_URL);

const OPTIONS = ['options'] as const;
/** A search of reading history is a few words typed in the options page. */
export const MAX_HISTORY_QUERY = 200;

export const sourceCalls = {
  /** Options: remove an installed pack (never the built-in one); the reader's own data stays. */
  'pack/remove': call({
    senders: OPTIONS,
    parse: oneString('packId', 200),
    answer: answer<null>(),
  }),
  /**
   * Options: install a pack file's text (all or nothing). Progress arrives as ImportProgress
   * messages, carrying `importId` when the page gave one.
   */
  'pack/import': call({
    senders: OPTIONS,
    parse: (p): { text: string; importId?: string } | undefined => {
      const text = isRecord(p) ? str(p['text'], MAX_PACK_TEXT) : undefined;
      if (!isRecord(p) || text === undefined) return undefined;
      if (p['importId'] === undefined) return { text };
      const importId = str(p['importId'], 64);
      return importId !== undefined && IMPORT_ID.test(importId) ? { text, importId } : undefined;
    },
    answer: answer<{ packId: string; publisher: string; stories: number }>(),
  }),
  /** Options: subscriptions, feeds, reading history, the network log and their settings. */
  'sources/state': call({ senders: OPTIONS, parse: empty, answer: answer<SourcesState>() }),
  /** Options: change how often sources refresh and how long history is kept. */
  'sources/prefs': call({
    senders: OPTIONS,
    parse: (p) => {
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
    answer: answer<SourcePrefs>(),
  }),
  /** Options: subscribe to a pack URL, pinning the publisher's key when given; fetched at once. */
  'subscription/add': call({
    senders: OPTIONS,
    parse: (p) => {
      const url = httpUrl(p);
      const key = isRecord(p) ? optStr(p['publicKey'], 100) : undefined;
      if (url === undefined || key === undefined) return undefined;
      const publicKey = key?.trim() || null;
      if (publicKey !== null && !parsePublicKey(publicKey)) return undefined;
      return { url, publicKey };
    },
    answer: answer<SubscriptionView>(),
  }),
  'subscription/refresh': call({ senders: OPTIONS, parse: storedUrl, answer: answer<SubscriptionView>() }),
  /** Options: unsubscribe and remove the pack it installed. */
  'subscription/remove': call({ senders: OPTIONS, parse: storedUrl, answer: answer<null>() }),
  /** Options: add a feed (RSS, Atom, JSON Feed); fetched at once. A web page's address adds nothing and answers the feeds it names. */
  'feed/add': call({ senders: OPTIONS, parse: urlOnly, answer: answer<FeedAddView>() }),
  'feed/refresh': call({ senders: OPTIONS, parse: storedUrl, answer: answer<FeedView>() }),
  'feed/remove': call({ senders: OPTIONS, parse: storedUrl, answer: answer<null>() }),
  /** Options: the feeds the reader's current tab declares (`<link rel="alternate">`). */
  'feed/discover': call({ senders: OPTIONS, parse: empty, answer: answer<DiscoveryView>() }),
  'history/export': call({ senders: OPTIONS, parse: empty, answer: answer<HistoryExportEntry[]>() }),
  'history/clear': call({ senders: OPTIONS, parse: empty, answer: answer<null>() }),
  /**
   * Options: the reading history entries whose headline, site, address or story has every word of `query`
   * (newest first, as many as the page lists), and how many there are in all.
   */
  'history/find': call({ senders: OPTIONS, parse: oneString('query', MAX_HISTORY_QUERY), answer: answer<{ entries: HistoryView[]; matched: number }>() }),
  /** Options: remove one page from reading history (its entry's key), with the answers about it. */
  'history/remove': call({ senders: OPTIONS, parse: oneString('pageKey', MAX_URL), answer: answer<null>() }),
  /** Options: forget the reader's answers about pages (each holds the page's address). */
  'answers/clear': call({ senders: OPTIONS, parse: empty, answer: answer<null>() }),
  /** Options: forget the reader's answer about one page (its history entry's key). */
  'answers/forget': call({ senders: OPTIONS, parse: oneString('pageKey', MAX_URL), answer: answer<null>() }),
  /** Options: forget every request the network log holds. */
  'network/clear': call({ senders: OPTIONS, parse: empty, answer: answer<null>() }),
  /** Welcome page: the feeds the reader takes already, and how many stories are stored. */
  'welcome/state': call({ senders: ['welcome'], parse: empty, answer: answer<{ feeds: string[]; stories: number }>() }),
  /** Welcome page, once the first fetch is done: the stories most of the reader's sources cover now. */
  'welcome/top-stories': call({ senders: ['welcome'], parse: empty, answer: answer<TopStory[]>() }),
  /**
   * Welcome page (or options): add many feeds at once (the reader's first choice of sources). Answers
   * when every source is fetched or has failed; per-source progress arrives as FeedBatchProgress messages.
   */
  'feeds/add-many': call({
    senders: ['welcome', 'options'],
    parse: (p) => {
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
    answer: answer<FeedBatchResult>(),
  }),
};

export type SourceCalls = CallsOf<typeof sourceCalls>;
