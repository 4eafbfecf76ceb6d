// Feeds the reader added, one at a time from the options page or all at once on a schedule. Every
// path ends in feed-store.ts: the feeds' new items join or leave the stories incrementally, and
// only the stories that changed are stored. A failed fetch or a malformed feed keeps the earlier
// items and records why; items older than the reader's window leave at each refresh and daily.
import { CallError } from '../../contracts/call-result';
import { retainFeedItems } from '../../formats/feeds';
import type { FeedRecord } from '../../formats/storage-schema';
import { FEED_ERROR_CODES, type FeedAddView, type FeedErrorCode, type FeedProgress, type FeedView } from '../../contracts/views';
import { fetchFeeds } from './feed-batch';
import { noPermissionMessage } from './source-access';
import { isGone, offlinePass } from './feed-failures';
import { fetchFeed, MAX_CLOCK_AHEAD_MS } from './feed-fetch';
import { validItems } from './feed-state';
import { writeFeeds, type FeedWrite } from './feed-store';
import { NEVER_CHECKED, refreshView, type SourceEnv } from './source-env';
import { readPrefs } from './source-prefs';

/** A stored failure's kind, as far as it is one: records are read as untrusted. */
const reasonOf = (f: FeedRecord): FeedErrorCode | null =>
  f.error !== null && FEED_ERROR_CODES.includes(f.failure as FeedErrorCode) ? (f.failure as FeedErrorCode) : null;

const feedView = async (env: SourceEnv, f: FeedRecord): Promise<FeedView> => ({
  ...refreshView(f),
  reason: reasonOf(f),
  url: f.url,
  access: await env.hasAccess(f.url),
  title: f.title,
  itemCount: f.itemCount,
});

export async function refreshFeed(env: SourceEnv, url: string): Promise<FeedView> {
  const feed = await env.database.get('feeds', url);
  if (!feed) throw new CallError('not-found', 'no such feed');
  const { write } = await fetchFeed(env, feed);
  await writeFeeds(env, [write]);
  return feedView(env, write.record ?? feed);
}

/**
 * The scheduled refresh: every feed, six at a time, stored together once all have answered; then
 * the window, for the feeds that did not answer (an answer was windowed as it was stored). A pass
 * in which no feed got any answer may be the reader's connection as much as the feeds
 * (feed-failures.ts): its failures are recorded as any (a run of failures is counted from its
 * first, so one such pass after a long sleep gets no feed judged gone), but nothing leaves in it,
 * and `offline` says so, for the caller to ask again soon. A host that refuses every connection
 * for longer than the window is judged gone at the daily prune, even when it is the reader's only one.
 */
export async function refreshAllFeeds(env: SourceEnv): Promise<{ offline: boolean }> {
  const records = await env.database.getAll('feeds');
  const failures: FeedErrorCode[] = [];
  // A feed Storyline may not reach (its host's access withdrawn) was not asked: it says nothing
  // either way. (A server's 401 or 403, also 'no-access', did answer.)
  let unasked = 0;
  const heard = (progress: FeedProgress): void => {
    if (progress.state !== 'failed' || progress.error === null) return;
    if (progress.error === 'no-access' && progress.detail === noPermissionMessage(progress.url)) unasked++;
    else failures.push(progress.error);
  };
  const { answered } = await fetchFeeds(env, records.map((record) => ({ record, fresh: false })), heard);
  if (offlinePass(records.length - unasked, failures)) return { offline: true };
  await pruneFeeds(env, answered);
  return { offline: false };
}

/**
 * Adds the feed at `url` and fetches it. An address that answers with a web page is not added: the
 * answer is the page and the feeds it names, for the reader to choose from (a feed reader's
 * "this is a page; it has these feeds"), where a broken feed was added before.
 */
export async function addFeed(env: SourceEnv, url: string): Promise<FeedAddView> {
  if (await env.database.get('feeds', url)) throw new CallError('exists', 'this feed is already added');
  const feed: FeedRecord = { url, title: null, addedAt: env.now().toISOString(), itemCount: 0, ...NEVER_CHECKED };
  await env.database.put('feeds', feed);
  const fetched = await fetchFeed(env, feed);
  if (fetched.page) {
    // Nothing but this record was stored for it.
    await env.database.delete('feeds', url);
    return { page: { pageTitle: fetched.page.title ?? url, pageUrl: url, feeds: fetched.page.feeds } };
  }
  await writeFeeds(env, [fetched.write]);
  return feedView(env, fetched.write.record ?? feed);
}

export async function removeFeed(env: SourceEnv, url: string): Promise<void> {
  if (!(await env.database.get('feeds', url))) throw new CallError('not-found', 'no such feed');
  await writeFeeds(env, [{ url, record: null }]);
}

/**
 * Items older than the reader's window leave their stories (unless their feed still lists them);
 * stories left with no member go. Answers how many items left. The feeds in `skip` are not read
 * (the refresh has just windowed them).
 */
export async function pruneFeeds(env: SourceEnv, skip: ReadonlySet<string> = new Set()): Promise<number> {
  const { database } = env;
  const { feedRetentionDays } = await readPrefs(database);
  const records = new Map((await database.getAll('feeds')).map((f) => [f.url, f]));
  const writes: FeedWrite[] = [];
  let gone = 0;
  // A hundred feeds' items are megabytes to read and check: only those of the feeds not skipped.
  const left = [...records.keys()].filter((url) => !skip.has(url));
  const held = skip.size === 0 ? await database.getAll('feedItems') : (await Promise.all(left.map((url) => database.get('feedItems', url)))).filter((r) => r !== undefined);
  for (const raw of held) {
    const stored = validItems(raw);
    const record = records.get(raw.feedUrl);
    if (!stored || !record) continue;
    // By the feed server's clock when the reader's was far ahead of it at its last answer (a
    // record is untrusted: only a finite, positive offset is taken).
    const ahead = record.clockAheadMs;
    const clock = env.now().getTime();
    const now = clock - (typeof ahead === 'number' && Number.isFinite(ahead) && ahead > 0 ? Math.min(ahead, MAX_CLOCK_AHEAD_MS) : 0);
    // What a feed listed at its last answer holds its items, unless it has failed every time it was
    // asked for longer than the reader's window, counted from its first failure (feed-failures.ts:
    // its server gone): those would stay for good. A feed not asked meanwhile (the browser closed
    // for weeks), or failing for less long (woken offline), keeps them.
    // Failures are stamped by the reader's clock: judged by it, and a gone feed's items leave by it.
    const dead = isGone(record, clock, feedRetentionDays);
    const kept = retainFeedItems(stored.feed.items, dead ? [] : stored.listed, { now: dead ? clock : now, windowDays: feedRetentionDays });
    if (!kept) continue;
    gone += stored.feed.items.length - kept.length;
    writes.push({ url: raw.feedUrl, record: { ...record, itemCount: kept.length }, items: { ...stored, feed: { ...stored.feed, items: kept } } });
  }
  await writeFeeds(env, writes);
  return gone;
}

export async function feedViews(env: SourceEnv): Promise<FeedView[]> {
  return Promise.all((await env.database.getAll('feeds')).map((f) => feedView(env, f)));
}
