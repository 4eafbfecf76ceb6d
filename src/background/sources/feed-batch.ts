// Fetching many feeds at once: the first run's chosen sources (addFeeds) and the scheduled refresh
// (feeds.ts). At most six requests are in flight, each source has its own time limit (a stalled
// one is abandoned and reported, never holding up the others). What came is stored in one
// transaction once every source has answered: the stories are clustered from all the new items in
// order of publication. The stream clusterer's result depends on the order it meets items in, and
// the order answers arrive in is the network's: storing each answer as it came made the same
// sources give other stories from one run to the next (bench:feeds in Chromium matched 5 % of
// pages differently from its Node replica). One transaction also keeps a batch that a stopped
// worker cuts short from leaving feeds stored whose items no story holds. A source that fails
// changes nothing stored but its record's last attempt (a new one is removed again); its reason
// comes back as a FeedErrorCode.
// A slow source does not hold the others' stories back: when no answer has come for `settleMs`
// (or the first answer not yet stored has waited `holdMs`), what came is stored as one wave, and
// the sources still out make the next. On a network that answers promptly that is one wave, as
// above; a reader whose one outlet stalls sees the others' stories seconds after Save, not at the
// stalled source's time limit (20 s).
import { FEEDS_PACK_ID } from '../feeds/feed-stories';
import { SOURCE_LIMITS } from '../../formats/source-request';
import { parseHttpUrl } from '../../formats/url';
import type { FeedRecord } from '../../formats/storage-schema';
import type { FeedErrorCode, FeedProgress } from '../../contracts/views';
import { packStoryCount } from '../pack-keys';
import { failedRecord } from './feed-failures';
import { fetchFeed, type FetchedFeed } from './feed-fetch';
import { readFeedAhead, writeFeeds, type FeedWrite } from './feed-store';
import { withFeatureMemo } from '../../engine';
import { Slices } from '../feeds/slices';
import { NEVER_CHECKED, type SourceEnv } from './source-env';
import { noPermissionMessage } from './source-access';
import { readPrefs } from './source-prefs';
import { RequestSlots } from './request-slots';
import { WAVE_HOLD_MS, WAVE_SETTLE_MS, WaveTimer } from './wave-timer';

export const MAX_IN_FLIGHT = 6;

export interface BatchOptions {
  /** Per source (default 20 s). */
  timeoutMs?: number;
  /** Requests in flight at most (default and ceiling: 6). */
  concurrency?: number;
  /** With sources still out, what came is stored once no answer has come for this long (default 2 s)... */
  settleMs?: number;
  /** ...or once the first answer not yet stored has waited this long (default 10 s). */
  holdMs?: number;
  /** After a wave is stored while sources are still out: the sources stored and failed so far, and the stories. */
  onWave?: (soFar: BatchResult) => void;
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
  /** Added by this batch: kept only if its fetch succeeds. */
  fresh: boolean;
}

type Report = (progress: FeedProgress) => void;

/**
 * One source's fetch, its request in one of `slots`, or a timeout of our own should the request
 * not end by itself (it is abandoned and its place given to the next). The time limit runs from
 * the request's start, not from the wait for a place: a source is not failed for the others' time.
 */
async function fetchWithin(env: SourceEnv, job: FeedJob, limits: { timeoutMs: number; windowDays: number }, slots: RequestSlots, started: () => void): Promise<FetchedFeed> {
  const { timeoutMs, windowDays } = limits;
  if (!(await env.hasAccess(job.record.url))) {
    const message = noPermissionMessage(job.record.url);
    return { write: { url: job.record.url, record: failedRecord(job.record, env.now().toISOString(), message, 'no-access') }, error: 'no-access', detail: message };
  }
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let release = (): void => undefined;
  let expire: (timedOut: FetchedFeed) => void = () => undefined;
  const deadline = new Promise<FetchedFeed>((resolve) => (expire = resolve));
  const slot = async (): Promise<() => void> => {
    release = await slots.take();
    started();
    // A little after the request's own limit: that one normally ends it first, with its log entry.
    timer = setTimeout(() => {
      controller.abort();
      release();
      const detail = `no complete answer within ${timeoutMs} ms`;
      expire({ write: { url: job.record.url, record: failedRecord(job.record, env.now().toISOString(), `fetch failed: ${detail}`, 'timeout') }, error: 'timeout', detail });
    }, timeoutMs + 1_000);
    return release;
  };
  try {
    return await Promise.race([fetchFeed(env, job.record, { timeoutMs, signal: controller.signal, windowDays, slot }), deadline]);
  } finally {
    clearTimeout(timer);
    release();
  }
}

/** What a batch did. */
export interface BatchOutcome {
  done: number;
  failed: number;
  /** The sources whose fresh answer (or 304) was stored: their items are already within the window. */
  answered: Set<string>;
}

/**
 * Fetches every job, `concurrency` requests at a time, reporting each source's progress, and
 * stores what came in one transaction per wave (see the top of this file). Each answer is read
 * into the model as it comes (readFeedAhead), while the network brings the others: the work the
 * store would do after the last answer, done in the time spent waiting for it. Rejects only if
 * storing fails, once every fetch has ended.
 */
export function fetchFeeds(env: SourceEnv, jobs: readonly FeedJob[], report: Report, opts: BatchOptions = {}): Promise<BatchOutcome> {
  // The features read ahead are kept (in the memo) until the batch's writes have used them.
  return withFeatureMemo(() => fetchAll(env, jobs, report, opts));
}

interface Answer {
  job: FeedJob;
  fetched: FetchedFeed;
}

async function fetchAll(env: SourceEnv, jobs: readonly FeedJob[], report: Report, opts: BatchOptions): Promise<BatchOutcome> {
  const timeoutMs = opts.timeoutMs ?? SOURCE_LIMITS.timeoutMs;
  const slots = new RequestSlots(Math.max(1, Math.min(MAX_IN_FLIGHT, opts.concurrency ?? MAX_IN_FLIGHT)));
  const { feedRetentionDays } = await readPrefs(env.database);
  const progress = (record: FeedRecord, state: FeedProgress['state'], error: FeedErrorCode | null = null, detail: string | null = null): void =>
    report({ url: record.url, state, items: state === 'done' ? record.itemCount : 0, error, detail });
  for (const job of jobs) progress(job.record, 'waiting');

  let out = jobs.length;
  let wave: Answer[] = [];
  const storedOk: Answer[] = [];
  let failed = 0;
  /** Why a wave could not be stored: the first reason is the batch's. */
  const failures: unknown[] = [];
  let storing = Promise.resolve();
  const storeWave = async (answers: Answer[]): Promise<void> => {
    // A new source that failed is removed (addFeeds kept the reader's choice meanwhile); a known
    // one records the failed attempt. In one canonical order (by address); the clusterer takes
    // the new items by publication time.
    const writes = answers
      .map(({ job, fetched }): FeedWrite => (fetched.error && job.fresh ? { url: job.record.url, record: null } : fetched.write))
      .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    const ok = answers.filter(({ fetched }) => fetched.error === null);
    try {
      await writeFeeds(env, writes);
    } catch (error) {
      // Nothing of this wave is stored: its sources reported fetched are not, after all (new ones
      // stay as addFeeds kept them, never checked, for the next refresh to try again).
      for (const { job } of ok) progress(job.record, 'failed', 'storage', String(error));
      failed += answers.length;
      failures.push(error);
      return;
    }
    storedOk.push(...ok);
    failed += answers.length - ok.length;
    if (out > 0 && opts.onWave) opts.onWave({ sources: storedOk.length, failed, stories: await packStoryCount(env.database, FEEDS_PACK_ID) });
  };
  const flush = (): void => {
    timer.clear();
    const answers = wave;
    wave = [];
    if (answers.length > 0) storing = storing.then(() => storeWave(answers));
  };
  const timer = new WaveTimer(opts.settleMs ?? WAVE_SETTLE_MS, opts.holdMs ?? WAVE_HOLD_MS, flush);

  // Reading ahead gives way often: the other answers' callbacks and pages' messages come first.
  const slices = new Slices();
  await Promise.all(
    jobs.map(async (job) => {
      const fetched = await fetchWithin(env, job, { timeoutMs, windowDays: feedRetentionDays }, slots, () => progress(job.record, 'fetching'));
      if (fetched.error !== null) progress(job.record, 'failed', fetched.error, fetched.detail);
      else {
        progress(fetched.write.record ?? job.record, 'done');
        await slices.turn();
        await readFeedAhead(env, fetched.write);
      }
      wave.push({ job, fetched });
      out--;
      if (out === 0) flush();
      else timer.answered();
    }),
  );
  await storing;
  if (failures.length > 0) throw failures[0];
  return { done: storedOk.length, failed, answered: new Set(storedOk.map(({ job }) => job.record.url)) };
}

/**
 * Adds many feeds at once (the first run's chosen sources); a feed already added is refreshed.
 * `onProgress` hears each source go waiting → fetching → done or failed; `opts.onWave` hears of
 * the stories stored while slow sources are still out.
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
  // The reader's choice is kept before anything is fetched: a batch cut short (the browser closed
  // meanwhile) stores nothing else, and these sources, never checked, are fetched at the next
  // refresh. Those that fail leave in the batch's transaction (fetchFeeds).
  const tx = database.transaction('feeds', 'readwrite');
  for (const job of jobs) if (job.fresh) void tx.store.put(job.record);
  await tx.done;
  const onWave = opts.onWave;
  const { done, failed } = await fetchFeeds(env, jobs, onProgress, { ...opts, ...(onWave ? { onWave: (soFar: BatchResult) => onWave({ ...soFar, failed: soFar.failed + invalid }) } : {}) });
  return { sources: done, failed: failed + invalid, stories: await packStoryCount(database, FEEDS_PACK_ID) };
}
