// Fetching many feeds at once: the first run's chosen sources (addFeeds) and the scheduled refresh
// (feeds.ts). At most six requests are in flight, each source has its own time limit (a stalled
// one is abandoned and reported, never holding up the others), and each answer's records are
// stored as it comes. The stories are clustered once, when every source has answered, from all
// the new items in order of publication: the stream clusterer's result depends on the order it
// meets items in, and the order answers arrive in is the network's. So the same sources give the
// same stories whichever answers first (bench:feeds in Chromium against its Node replica showed
// 5 % of pages matched differently before), and the stories are built once rather than once
// per answer. A source that fails changes nothing stored (a new one is not even added); its
// reason comes back as a FeedErrorCode.
import { FEEDS_PACK_ID } from '../feeds/feed-stories';
import { SOURCE_LIMITS } from '../../formats/source-request';
import { parseHttpUrl } from '../../formats/url';
import type { FeedRecord } from '../../formats/storage-schema';
import type { FeedErrorCode, FeedProgress } from '../../contracts/views';
import { packStoryCount } from '../pack-keys';
import { fetchFeed, type FetchedFeed } from './feed-fetch';
import { writeFeedRecords, writeFeeds, type FeedWrite } from './feed-store';
import { forgetFeedStore } from './feed-state';
import { NEVER_CHECKED, type SourceEnv } from './source-env';
import { noPermissionMessage } from './source-access';
import { readPrefs } from './source-prefs';

export const MAX_IN_FLIGHT = 6;
/** How long a store waits for more answers, and for how many at most (see `gather`). */
const GATHER_MS = 50;
const GATHER_SOURCES = 2 * MAX_IN_FLIGHT;

export interface BatchOptions {
  /** Per source (default 20 s). */
  timeoutMs?: number;
  /** Requests in flight at most (default and ceiling: 6). */
  concurrency?: number;
}

export interface BatchResult {
  /** Sources fetched and stored. */
  sources: number;
  /** Sources that could not be. */
  failed: number;
  /** Feed stories stored once all were. */
  stories: number;
}

export interface FeedJob {
  record: FeedRecord;
  /** Not stored yet: added only if its fetch succeeds. */
  fresh: boolean;
}

type Report = (progress: FeedProgress) => void;

/** The fetch, or a timeout of our own should the request not end by itself (it is abandoned). */
async function fetchWithin(env: SourceEnv, job: FeedJob, timeoutMs: number, windowDays: number): Promise<FetchedFeed> {
  if (!(await env.hasAccess(job.record.url))) {
    const message = noPermissionMessage(job.record.url);
    return { write: { url: job.record.url, record: { ...job.record, checkedAt: env.now().toISOString(), error: message } }, error: 'no-access', detail: message };
  }
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<FetchedFeed>((resolve) => {
    // A little after the request's own limit: that one normally ends it first, with its log entry.
    timer = setTimeout(() => {
      controller.abort();
      const detail = `no complete answer within ${timeoutMs} ms`;
      resolve({ write: { url: job.record.url, record: { ...job.record, checkedAt: env.now().toISOString(), error: `fetch failed: ${detail}` } }, error: 'timeout', detail });
    }, timeoutMs + 1_000);
  });
  try {
    return await Promise.race([fetchFeed(env, job.record, { timeoutMs, signal: controller.signal, windowDays }), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Fetches every job, `concurrency` at a time, storing each answer's records as it comes (serially)
 * and then the stories, once; reports each source's progress. Rejects only if storing fails, once
 * every fetch has ended.
 */
export async function fetchFeeds(env: SourceEnv, jobs: readonly FeedJob[], report: Report, opts: BatchOptions = {}): Promise<{ done: number; failed: number }> {
  const timeoutMs = opts.timeoutMs ?? SOURCE_LIMITS.timeoutMs;
  const concurrency = Math.max(1, Math.min(MAX_IN_FLIGHT, opts.concurrency ?? MAX_IN_FLIGHT));
  const { feedRetentionDays } = await readPrefs(env.database);
  const progress = (record: FeedRecord, state: FeedProgress['state'], error: FeedErrorCode | null = null, detail: string | null = null): void =>
    report({ url: record.url, state, items: state === 'done' ? record.itemCount : 0, error, detail });
  for (const job of jobs) progress(job.record, 'waiting');

  let done = 0;
  let failed = 0;
  const waiting: { job: FeedJob; fetched: FetchedFeed }[] = [];
  /** Records stored, whose items the stories have not taken yet. */
  const landed: FeedWrite[] = [];
  let storing: Promise<void> = Promise.resolve();
  let storeError: unknown = null;
  let fetching = 0;
  let arrived: (() => void) | null = null;
  /**
   * Each store has a fixed cost (a transaction): answers arriving close together (a fast
   * network, a refresh where most feeds answer 304 at once) are stored together,
   * waiting up to GATHER_MS for more while fetches are under way.
   */
  const gather = async (): Promise<void> => {
    const until = Date.now() + GATHER_MS;
    while (fetching > 0 && waiting.length < GATHER_SOURCES && Date.now() < until) {
      await new Promise<void>((resolve) => {
        arrived = resolve;
        setTimeout(resolve, until - Date.now());
      });
    }
    arrived = null;
  };
  const store = async (): Promise<void> => {
    await gather();
    const batch = waiting.splice(0);
    // A new source that failed stores nothing; a known one records the failed attempt.
    const writes: FeedWrite[] = batch.flatMap(({ job, fetched }) => (fetched.error && job.fresh ? [] : [fetched.write]));
    try {
      if (storeError === null) await writeFeedRecords(env, writes);
      landed.push(...writes);
    } catch (error) {
      storeError = error;
    }
    for (const { job, fetched } of batch) {
      if (fetched.error === null && storeError === null) {
        done++;
        progress(fetched.write.record ?? job.record, 'done');
      } else {
        failed++;
        progress(job.record, 'failed', fetched.error ?? 'network', fetched.detail ?? String(storeError));
      }
    }
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      progress(job.record, 'fetching');
      fetching++;
      const fetched = await fetchWithin(env, job, timeoutMs, feedRetentionDays);
      fetching--;
      waiting.push({ job, fetched });
      arrived?.();
      // One store at a time; answers that come meanwhile join the next one.
      if (waiting.length === 1) storing = storing.then(store);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  await storing;
  try {
    if (storeError !== null) throw storeError;
    // In one canonical order (by address): the clusterer takes the new items by publication time.
    landed.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    await writeFeeds(env, landed, { recordsStored: true });
  } catch (error) {
    // Records may be stored that the model has not taken: the next use loads it from the database.
    forgetFeedStore(env.database);
    throw error;
  }
  return { done, failed };
}

/**
 * Adds many feeds at once (the first run's chosen sources); a feed already added is refreshed.
 * `onProgress` hears each source go waiting → fetching → done or failed.
 */
export async function addFeeds(env: SourceEnv, urls: readonly string[], onProgress: Report = () => undefined, opts: BatchOptions = {}): Promise<BatchResult> {
  const { database } = env;
  const known = new Map((await database.getAll('feeds')).map((f) => [f.url, f]));
  const addedAt = env.now().toISOString();
  const jobs: FeedJob[] = [];
  let invalid = 0;
  for (const raw of new Set(urls)) {
    const url = parseHttpUrl(raw)?.href;
    if (!url) {
      invalid++;
      onProgress({ url: raw, state: 'failed', items: 0, error: 'not-found', detail: `not an http(s) address: ${raw}` });
      continue;
    }
    if (jobs.some((j) => j.record.url === url)) continue;
    const stored = known.get(url);
    jobs.push({ record: stored ?? { url, title: null, addedAt, itemCount: 0, ...NEVER_CHECKED }, fresh: !stored });
  }
  const { done, failed } = await fetchFeeds(env, jobs, onProgress, opts);
  return { sources: done, failed: failed + invalid, stories: await packStoryCount(database, FEEDS_PACK_ID) };
}
