// Stories from the reader's feeds. Items of every subscribed feed are clustered by the engine's
// online clusterer into stories; each story takes its categories (and with them the categories'
// standing action steps) from the nearest labelled story of the installed packs. The result is a
// Pack, so the background stores, replaces and removes feed stories exactly like any other pack.
// Pure: the caller passes the feeds' latest items, the installed packs and the time.
import { MATCH_THRESHOLD, StoryIndex, StreamClusterer, type EngineDoc } from '../engine';
import type { Article, Category, Outlet, Pack, Story } from './model';
import { PACK_FORMAT } from './model';
import type { Feed, FeedItem } from './feeds';
import { displayHost, urlKey } from './url';

export interface FeedSnapshot {
  /** The address the reader subscribed to. */
  feedUrl: string;
  feed: Feed;
}

export interface FeedStoriesOptions {
  /** Packs whose categorised stories label the feed stories. */
  labelled: readonly Pack[];
  /** ISO time of this build: the pack's `updated` and `version`. */
  updated: string;
  packId?: string;
  /** Score a labelled story needs for its categories to be taken (default: the engine's match threshold). */
  categoryThreshold?: number;
}

export const FEEDS_PACK_ID = 'feeds';

interface Entry {
  article: Article;
  /** Whether it came from the outlet's own feed, which beats a copy in an aggregator's. */
  own: boolean;
  summary: string;
  ms: number | null;
}

/** "The Daily Meridian | World news" → "The Daily Meridian": feed titles often append a section. */
export function outletName(feedTitle: string | null, host: string): string {
  const name = feedTitle?.split(/\s+[|\-–—:»]\s+/)[0]?.trim();
  return name || host;
}

function collect(feeds: readonly FeedSnapshot[]): { entries: Map<string, Entry>; outlets: Map<string, Outlet> } {
  const entries = new Map<string, Entry>();
  const outlets = new Map<string, Outlet>();
  const sorted = [...feeds].sort((a, b) => (a.feedUrl < b.feedUrl ? -1 : a.feedUrl > b.feedUrl ? 1 : 0));
  for (const { feedUrl, feed } of sorted) {
    const feedHost = displayHost(feed.homeUrl ?? feedUrl) ?? 'feed';
    for (const item of feed.items) {
      // The same article in two feeds (a paper's front page and an aggregator) counts once.
      const id = (item.url && urlKey(item.url)) || `${urlKey(feedUrl) ?? feedUrl}#${item.id}`;
      const host = (item.url && displayHost(item.url)) || feedHost;
      const own = host === feedHost;
      const existing = entries.get(id);
      if (existing && (existing.own || !own)) continue;
      const known = outlets.get(host);
      if (!known || (own && known.name === host)) outlets.set(host, { id: host, name: own ? outletName(feed.title, host) : host, domain: host });
      entries.set(id, { article: toArticle(id, item, host), own, summary: item.summary, ms: item.published ? Date.parse(item.published) : null });
    }
  }
  return { entries, outlets };
}

function toArticle(id: string, item: FeedItem, outlet: string): Article {
  return {
    id,
    ...(item.url ? { url: item.url } : {}),
    title: item.title,
    outlet,
    ...(item.published ? { published: item.published } : {}),
    ...(item.summary ? { excerpt: item.summary } : {}),
    kind: item.kind,
  };
}

interface Labelled {
  pack: Pack;
  story: Story;
}

/** An index of the packs' categorised stories, and each indexed story by its index key. */
function labelIndex(packs: readonly Pack[]): { index: StoryIndex; byKey: Map<string, Labelled> } {
  const index = new StoryIndex();
  const byKey = new Map<string, Labelled>();
  for (const pack of packs) {
    for (const story of pack.stories) {
      if (!story.categories.length) continue;
      const key = `${pack.id}\u0000${story.id}`;
      byKey.set(key, { pack, story });
      const docs = story.articles.length ? story.articles : [{ id: '', title: story.title, excerpt: story.summary }];
      // Undated on purpose: categories are about the topic, which outlives the week of the event.
      for (const a of docs) index.addArticle(key, { id: `${key}\u0000${a.id}`, title: a.title, text: a.excerpt ?? null });
    }
  }
  return { index, byKey };
}

/** The labelled story nearest to any member of the cluster, if near enough. */
function nearestLabel(labels: ReturnType<typeof labelIndex>, members: Entry[], threshold: number): Labelled | null {
  let best: { score: number; key: string } | null = null;
  for (const { article, summary } of members) {
    const top = labels.index.match({ id: `q:${article.id}`, title: article.title, text: summary || null }, { limit: 1 }).candidates[0];
    if (top && top.score >= threshold && (!best || top.score > best.score)) best = { score: top.score, key: top.storyId };
  }
  return best ? (labels.byKey.get(best.key) ?? null) : null;
}

/** A copied category's id in the feeds pack: its pack's id keeps two packs' "world" apart. */
const copiedId = (packId: string, categoryId: string): string => `${packId}:${categoryId}`;

/** Copies a category and its ancestors (with their standing actions) into `into`. */
function copyCategory(pack: Pack, categoryId: string, into: Map<string, Category>): void {
  const category = pack.categories.find((c) => c.id === categoryId);
  const id = copiedId(pack.id, categoryId);
  if (!category || into.has(id)) return;
  if (category.parent !== undefined) copyCategory(pack, category.parent, into);
  into.set(id, { ...category, id, ...(category.parent === undefined ? {} : { parent: copiedId(pack.id, category.parent) }) });
}

function byTime(a: Entry, b: Entry): number {
  return (a.ms ?? Infinity) - (b.ms ?? Infinity) || (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0);
}

export function buildFeedStories(feeds: readonly FeedSnapshot[], opts: FeedStoriesOptions): Pack {
  const { entries, outlets } = collect(feeds);
  const ordered = [...entries.values()].sort(byTime);
  const clusterer = new StreamClusterer();
  for (const { article, summary, ms } of ordered) {
    const doc: EngineDoc = { id: article.id, title: article.title, text: summary || null, published: ms, outlet: article.outlet };
    clusterer.add(doc);
  }
  const labels = labelIndex(opts.labelled);
  const categories = new Map<string, Category>();
  const stories: Story[] = [];
  for (const [storyId, ids] of clusterer.clusters()) {
    const members = ids.map((id) => entries.get(id)).filter((e): e is Entry => e !== undefined).sort(byTime);
    const lead = members.find((m) => m.article.kind === 'report') ?? members[0];
    if (!lead) continue;
    const label = nearestLabel(labels, members, opts.categoryThreshold ?? MATCH_THRESHOLD);
    if (label) for (const c of label.story.categories) copyCategory(label.pack, c, categories);
    stories.push({
      id: storyId,
      title: lead.article.title,
      summary: lead.summary || lead.article.title,
      categories: label ? label.story.categories.map((c) => copiedId(label.pack.id, c)) : [],
      articles: members.map((m) => m.article),
      opinions: [],
      actions: [],
    });
  }
  stories.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    format: PACK_FORMAT,
    id: opts.packId ?? FEEDS_PACK_ID,
    publisher: 'Your feeds',
    version: opts.updated,
    updated: opts.updated,
    categories: [...categories.values()],
    outlets: [...outlets.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    stories,
  };
}
