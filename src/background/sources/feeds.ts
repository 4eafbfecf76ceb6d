// Feeds the reader added. Each refresh is a conditional request; a fresh answer is parsed (no DOM:
// this runs in a service worker) and merged with the items kept from earlier refreshes. The items of
// all feeds are then clustered into stories and installed as the 'feeds' pack, replacing the last.
// A failed fetch or a malformed feed keeps the earlier items and records why.
import { FEEDS_PACK_ID, buildFeedStories } from '../../shared/feed-stories';
import { decodeFeedBytes, mergeFeedItems, parseFeed } from '../../shared/feeds';
import type { FeedRecord } from '../../shared/storage-schema';
import type { FeedView } from '../../shared/views';
import { installPack, removePack } from '../pack-store';
import { labelledPacks } from './installed-packs';
import { NEVER_CHECKED, refreshView, type SourceEnv } from './source-env';

const feedView = async (env: SourceEnv, f: FeedRecord): Promise<FeedView> => ({
  ...refreshView(f),
  url: f.url,
  access: await env.hasAccess(f.url),
  title: f.title,
  itemCount: f.itemCount,
});

/** Fetches one feed and stores its items; answers whether the items changed. */
async function fetchFeed(env: SourceEnv, feed: FeedRecord): Promise<{ record: FeedRecord; changed: boolean }> {
  const { database } = env;
  const at = env.now().toISOString();
  const stored = await database.get('feedItems', feed.url);
  const validators = stored ? { etag: feed.etag, lastModified: feed.lastModified } : {};
  const res = await env.fetch({ url: feed.url, purpose: 'feed', ...validators });
  if (res.status === 'error') return { record: { ...feed, checkedAt: at, error: `fetch failed: ${res.message}` }, changed: false };
  if (res.status === 'not-modified') return { record: { ...feed, checkedAt: at, okAt: at, error: null }, changed: false };
  const parsed = parseFeed(decodeFeedBytes(res.body, res.contentType), { url: res.finalUrl });
  if (!parsed.ok) return { record: { ...feed, checkedAt: at, error: parsed.error }, changed: false };
  const items = mergeFeedItems(stored?.feed.items ?? [], parsed.feed.items, { now: env.now().getTime() });
  await database.put('feedItems', { feedUrl: feed.url, feed: { ...parsed.feed, items } });
  const record = { ...feed, title: parsed.feed.title, itemCount: items.length, checkedAt: at, okAt: at, error: null, etag: res.etag, lastModified: res.lastModified };
  return { record, changed: true };
}

/** Clusters every feed's items into stories and installs them as the 'feeds' pack. */
export async function rebuildFeedStories(env: SourceEnv): Promise<void> {
  const { database } = env;
  const snapshots = (await database.getAll('feedItems')).map((r) => ({ feedUrl: r.feedUrl, feed: r.feed }));
  if (snapshots.length === 0) {
    if (await database.get('packs', FEEDS_PACK_ID)) await removePack(database, FEEDS_PACK_ID);
  } else {
    const labelled = await labelledPacks(database, (p) => p.origin !== 'feeds');
    const updated = env.now().toISOString();
    await installPack(database, buildFeedStories(snapshots, { labelled, updated }), 'feeds', updated);
  }
  await env.packsChanged();
}

export async function refreshFeed(env: SourceEnv, url: string): Promise<FeedView> {
  const feed = await env.database.get('feeds', url);
  if (!feed) throw new Error('no such feed');
  const { record, changed } = await fetchFeed(env, feed);
  await env.database.put('feeds', record);
  if (changed) await rebuildFeedStories(env);
  return feedView(env, record);
}

/** The scheduled refresh: every feed, then one rebuild if any changed. */
export async function refreshAllFeeds(env: SourceEnv): Promise<void> {
  let changed = false;
  for (const feed of await env.database.getAll('feeds')) {
    const result = await fetchFeed(env, feed);
    await env.database.put('feeds', result.record);
    changed ||= result.changed;
  }
  if (changed) await rebuildFeedStories(env);
}

export async function addFeed(env: SourceEnv, url: string): Promise<FeedView> {
  if (await env.database.get('feeds', url)) throw new Error('this feed is already added');
  await env.database.put('feeds', { url, title: null, addedAt: env.now().toISOString(), itemCount: 0, ...NEVER_CHECKED });
  return refreshFeed(env, url);
}

export async function removeFeed(env: SourceEnv, url: string): Promise<void> {
  if (!(await env.database.get('feeds', url))) throw new Error('no such feed');
  await env.database.delete('feeds', url);
  await env.database.delete('feedItems', url);
  await rebuildFeedStories(env);
}

export async function feedViews(env: SourceEnv): Promise<FeedView[]> {
  return Promise.all((await env.database.getAll('feeds')).map((f) => feedView(env, f)));
}
