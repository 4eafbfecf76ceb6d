// One feed's refresh: a conditional request, then a fresh answer parsed (no DOM: this runs in a
// service worker) and merged with the items kept from earlier refreshes, within the reader's
// window. Answers what to store (feed-store.ts stores it) and, on failure, why, as a code a page
// can put in plain words. A failed fetch or a malformed feed keeps the earlier items.
import { decodeFeedBytes, discoverFeeds, isHtmlPage, ItemMemo, mergeFeedItems, pageTitleOf, parseFeed, retainFeedItems, type DiscoveredFeed, type KnownItems } from '../../formats/feeds';
import { SOURCE_LIMITS, type SourceFetchResult, type SourceRequest } from '../../formats/source-request';
import type { FeedItemsRecord, FeedRecord } from '../../formats/storage-schema';
import type { FeedErrorCode } from '../../contracts/views';
import { validItems } from './feed-state';
import { HTTPS_TRY_MS, httpsFirst, triedInVain } from './https-first';
import { failedRecord } from './feed-failures';
import type { FeedWrite } from './feed-store';
import type { SourceEnv } from './source-env';
import { readPrefs } from './source-prefs';

export interface FetchedFeed {
  write: FeedWrite;
  error: FeedErrorCode | null;
  /** The technical reason behind `error`. */
  detail: string | null;
  /** The address answered with a web page, not a feed: its title and the feeds it names. */
  page?: { title: string | null; feeds: DiscoveredFeed[] };
}

export interface FeedFetchOptions {
  /** This source's time limit (default: the fetcher's, 20 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The reader's window in days (default: read from the preferences). */
  windowDays?: number;
  /** A place among the requests in flight (SourceRequest.slot). */
  slot?: () => Promise<() => void>;
}

/** The code for a failed request. */
export function fetchErrorCode(res: Extract<SourceFetchResult, { status: 'error' }>): FeedErrorCode {
  switch (res.reason) {
    case 'timeout':
      return 'timeout';
    case 'too-large':
      return 'too-large';
    case 'too-many-redirects':
      return 'redirect-loop';
    case 'network':
      return 'network';
    case 'http':
      if (res.httpStatus === 404 || res.httpStatus === 410) return 'not-found';
      if (res.httpStatus === 401 || res.httpStatus === 403) return 'no-access';
      // Too many requests, or unavailable for now: the next refresh tries again.
      if (res.httpStatus === 429 || res.httpStatus === 503) return 'busy';
      if (res.httpStatus !== undefined && res.httpStatus >= 500) return 'server-error';
      return 'http-error';
    case 'bad-url':
      return 'http-error';
  }
}

/** How far ahead of a server's clock the reader's may be before the server's is taken instead. */
const CLOCK_SLACK_MS = 86_400_000;
/** Beyond this, the server's clock is the wrong one: the most a feed is windowed back by it. */
export const MAX_CLOCK_AHEAD_MS = 400 * 86_400_000;

/**
 * The time an answer's items are windowed against (their dates are settled against the reader's
 * clock all the same: merge.ts): the reader's clock,
 * unless it is more than a day ahead of the server's when it answered (its Date header). A clock
 * set ahead, by hand or by a flat battery, takes items the feed no longer lists but that are days
 * old for older than the window, and they leave. The server's time can only keep more: one whose
 * clock is behind, or an answer from a cache (dated when first sent), windows later, never sooner.
 * Only an answer says what time it is: with none (the feeds not asked, or failing) the reader's
 * clock is all there is, and a long absence looks the same as a clock set ahead.
 */
export function windowTime(now: number, serverDate: string | null | undefined): number {
  const server = serverDate ? Date.parse(serverDate) : Number.NaN;
  // A server more than a year behind is its own clock's fault (a device reset to 1970), not ours.
  return Number.isNaN(server) || now - server <= CLOCK_SLACK_MS || now - server > MAX_CLOCK_AHEAD_MS ? now : server;
}

/**
 * How far the reader's clock was ahead of the server's at the feed's last answer, when windowTime
 * took the server's: the daily prune windows the feed's items by the same time, not undoing what
 * the answer kept. Null once an answer finds the clocks agree.
 */
const clockAhead = (now: number, windowAt: number): Pick<FeedRecord, 'clockAheadMs'> => ({ clockAheadMs: windowAt < now ? now - windowAt : null });

/**
 * Each feed's items as its last answer was converted (known-items.ts), while the worker lives: a
 * refresh converts only the items that changed. Bounded: a feed removed leaves its entry until
 * the next worker, or until this many feeds have been parsed.
 */
const knownItems = new Map<string, KnownItems>();
const MAX_KNOWN_FEEDS = 500;

/** The stored items of `url`, as far as they can be trusted. */
async function storedItems(env: SourceEnv, url: string): Promise<FeedItemsRecord | null> {
  const record = await env.database.get('feedItems', url);
  return record ? validItems(record) : null;
}

/** A fresh answer read as a feed, or why it is not one. */
type Answer =
  | { res: Exclude<SourceFetchResult, { status: 'fresh' }> }
  | { res: Extract<SourceFetchResult, { status: 'fresh' }>; text: string; parsed: ReturnType<typeof parseFeed>; memo: ItemMemo };

/** Asks `url` for the feed and reads a fresh answer with the feed's memo of known items. */
async function ask(env: SourceEnv, feed: FeedRecord, url: string, request: Omit<SourceRequest, 'url' | 'purpose'>): Promise<Answer> {
  const res = await env.fetch({ url, purpose: 'feed', ...request });
  if (res.status !== 'fresh') return { res };
  const memo = new ItemMemo(knownItems.get(feed.url));
  const text = decodeFeedBytes(res.body, res.contentType);
  return { res, text, parsed: parseFeed(text, { url: res.finalUrl, memo }), memo };
}

/**
 * The feed's answer: over https first when the reader's address is http: (https-first.ts), then
 * as given when that brought no feed. Both tries hold one place among the requests in flight (a
 * batch's slot, taken once: given back between them, the second would wait behind every other
 * source while the batch's deadline, set when the place was first taken, ran on), and the
 * source's time limit, counted from when that place was taken, covers both.
 */
async function answer(env: SourceEnv, feed: FeedRecord, request: Omit<SourceRequest, 'url' | 'purpose'>): Promise<Answer> {
  const secure = httpsFirst(feed.url);
  if (secure === null) return ask(env, feed, feed.url, request);
  const { slot, ...rest } = request;
  const release = slot ? await slot() : undefined;
  try {
    const started = Date.now();
    const limit = rest.timeoutMs ?? SOURCE_LIMITS.timeoutMs;
    const tried = await ask(env, feed, secure, { ...rest, timeoutMs: Math.min(HTTPS_TRY_MS, limit) });
    if (tried.res.status === 'not-modified' || ('parsed' in tried && tried.parsed.ok)) return tried;
    // Given up on by the batch (the reader's cancel, its deadline): no second try.
    if (rest.signal?.aborted) return tried;
    const plain = await ask(env, feed, feed.url, { ...rest, timeoutMs: Math.max(1_000, limit - (Date.now() - started)) });
    // Remembered only when the address as given answered with the feed: with neither answering
    // (the reader offline), or a captive portal's page given for every http request (its https
    // refused for the portal's certificate), it says nothing of the host's https.
    if (plain.res.status === 'not-modified' || ('parsed' in plain && plain.parsed.ok)) triedInVain(secure);
    return plain;
  } finally {
    release?.();
  }
}

export async function fetchFeed(env: SourceEnv, feed: FeedRecord, opts: FeedFetchOptions = {}): Promise<FetchedFeed> {
  const now = env.now();
  const at = now.toISOString();
  const windowDays = opts.windowDays ?? (await readPrefs(env.database)).feedRetentionDays;
  const stored = await storedItems(env, feed.url);
  const validators = stored ? { etag: feed.etag, lastModified: feed.lastModified } : {};
  const got = await answer(env, feed, {
    ...validators,
    ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.slot ? { slot: opts.slot } : {}),
  });
  const failed = (error: FeedErrorCode, detail: string, shown: string): FetchedFeed => ({ write: { url: feed.url, record: failedRecord(feed, at, shown, error) }, error, detail });
  if (!('parsed' in got)) {
    const { res } = got;
    if (res.status === 'error') return failed(fetchErrorCode(res), res.message, `fetch failed: ${res.message}`);
    // Nothing new, but items may have aged out of the window since the last answer.
    const windowAt = windowTime(now.getTime(), res.date);
    const kept = stored && retainFeedItems(stored.feed.items, stored.listed, { now: windowAt, windowDays });
    const items = kept && stored ? { ...stored, feed: { ...stored.feed, items: kept } } : undefined;
    const record = { ...feed, checkedAt: at, okAt: at, error: null, failure: null, failingSince: null, ...clockAhead(now.getTime(), windowAt), itemCount: items?.feed.items.length ?? feed.itemCount };
    return { write: { url: feed.url, record, ...(items ? { items } : {}) }, error: null, detail: null };
  }
  const { res, text, parsed, memo } = got;
  if (!parsed.ok) {
    // A site's page given for its feed (its home page, a section): feed readers look for the feeds it names.
    const page = isHtmlPage(text) ? { title: pageTitleOf(text), feeds: discoverFeeds(text, res.finalUrl) } : undefined;
    return { ...failed('not-a-feed', parsed.error, parsed.error), ...(page ? { page } : {}) };
  }
  if (knownItems.size >= MAX_KNOWN_FEEDS && !knownItems.has(feed.url)) knownItems.clear();
  knownItems.set(feed.url, memo.known);
  const windowAt = windowTime(now.getTime(), res.date);
  const items = mergeFeedItems(stored?.feed.items ?? [], parsed.feed.items, { now: now.getTime(), windowAt, windowDays });
  const record: FeedRecord = { ...feed, title: parsed.feed.title, itemCount: items.length, checkedAt: at, okAt: at, error: null, failure: null, failingSince: null, ...clockAhead(now.getTime(), windowAt), etag: res.etag, lastModified: res.lastModified };
  const listed = parsed.feed.items.map((i) => i.id);
  return { write: { url: feed.url, record, items: { feedUrl: feed.url, feed: { ...parsed.feed, items }, listed } }, error: null, detail: null };
}
