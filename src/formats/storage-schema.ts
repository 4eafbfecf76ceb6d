// The IndexedDB schema: store names, record shapes and indexes. Migrations that create and change
// it live in src/background/migrations.ts, one numbered step per version.
import type { DBSchema } from 'idb';
import type { Feed } from './feeds';
import type { Article, Category, Outlet, Story } from './model';
import type { NetworkLogEntry } from './source-request';
import { MAX_URL_CHARS } from './url';

export const DB_NAME = 'storyline';

/** A pack as installed: its header only; its stories, categories and outlets carry `packId`. */
export interface PackRecord {
  id: string;
  publisher: string;
  version: string;
  updated: string;
  installedAt: string;
  /** Where it came from: the built-in starter pack, a file, a subscription URL, or the reader's feeds. */
  origin: 'builtin' | 'file' | 'url' | 'feeds';
}

/** A report as stored inside its story's record. */
export interface ReportRecord extends Article {
  /** urlKey() of the article's URL, for identity; absent when the URL is unknown. */
  urlKey?: string;
  outletName: string;
}

/**
 * A story with its pack's reports in the one record: a pack is written with one request per story
 * rather than one per report (what an import's time goes on). `urlKeys` lists the reports' URL
 * keys for the byUrlKey index (multiEntry), so a page still finds the story it is a report of.
 */
export interface StoryRecord extends Omit<Story, 'articles'> {
  packId: string;
  reports: ReportRecord[];
  urlKeys: string[];
}

/** A report seen with its story: a pack's report read out of its story, or a joined report. */
export interface ArticleRecord extends ReportRecord {
  storyId: string;
  packId: string;
}

export interface CategoryRecord extends Category {
  packId: string;
}

export interface OutletRecord extends Outlet {
  packId: string;
}

/** The reader's own state: never removed with a pack. */
export type UserStateRecord =
  | { key: string; kind: 'action-done'; storyId: string; actionId: string; done: boolean; at: string }
  | { key: string; kind: 'rejected'; pageKey: string; storyId: string; at: string }
  /** The story the reader said a page is about ("This page is about this story", offered among the
   * stories that came closest to it): the page's story from then on. One per page. */
  | { key: string; kind: 'confirmed'; pageKey: string; storyId: string; at: string }
  /** A story the reader follows; `seen` holds the ids of the reports they have been shown. */
  | { key: string; kind: 'follow'; storyId: string; at: string; seen: string[] }
  /** The categories the reader chose for a story with no curated ones (civic category ids, scoped):
   * they replace the classifier's; empty when the reader took every category away. */
  | { key: string; kind: 'categories'; storyId: string; categories: string[]; at: string };

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** How a source's last refresh went: shown on the options page, never thrown away on failure. */
export interface RefreshState {
  /** ISO time of the last attempt; null before the first. */
  checkedAt: string | null;
  /** ISO time of the last attempt that succeeded (fresh or not modified). */
  okAt: string | null;
  /** Why the last attempt failed; null when it succeeded. */
  error: string | null;
  /** Validators of the last good answer, for conditional requests. */
  etag: string | null;
  lastModified: string | null;
}

/** A pack the reader subscribed to by URL. */
export interface SubscriptionRecord extends RefreshState {
  url: string;
  /** The publisher key pinned when subscribing (base64, raw Ed25519); null: signatures not checked. */
  publicKey: string | null;
  /** Id of the pack this URL installed, once one was. */
  packId: string | null;
  addedAt: string;
}

/** A feed the reader added; its items live in `feedItems` so listing feeds stays cheap. */
export interface FeedRecord extends RefreshState {
  url: string;
  title: string | null;
  addedAt: string;
  itemCount: number;
  /**
   * The kind of the last failure (a FeedErrorCode), which the options page puts in the reader's
   * words beside `error`; null after a success, absent in records of older versions.
   */
  failure?: string | null;
  /**
   * ISO time of the first failed attempt since the last success: a feed failing for longer than
   * the reader's window is taken for gone, and its items leave (feed-failures.ts). Null after a
   * success. Absent in records of older versions: read with failingSince(), never directly.
   */
  failingSince?: string | null;
  /**
   * Milliseconds the reader's clock was ahead of the feed server's at its last answer, when more
   * than a day (feed-fetch.ts windowTime): its items are windowed by the server's time, at the
   * answer and at the daily prune. Null or absent: the clocks agreed.
   */
  clockAheadMs?: number | null;
}

/** A feed as last parsed, with every item kept across refreshes (mergeFeedItems). */
export interface FeedItemsRecord {
  feedUrl: string;
  feed: Feed;
  /**
   * Ids of the items its latest fresh answer listed: those stay whatever their age (the feed
   * presents them as current); the others leave once older than the reader's window. Absent in
   * records of older versions: every item then counts as listed until the next fresh answer.
   */
  listed?: string[];
}

/**
 * An article the reader opened: metadata and the headline and lead (at most HISTORY_TEXT_CHARS),
 * never the full text. The engine's term vectors are internal to it, so the text it needs is kept.
 */
export interface HistoryRecord {
  /** urlKey() of the page. */
  pageKey: string;
  url: string;
  title: string;
  siteName: string | null;
  published: string | null;
  readAt: string;
  text: string;
  /** The story it joined when read, if any. */
  storyId: string | null;
  /** An opinion or analysis piece, as the page said (absent: a report): it joins its story as one. */
  kind?: 'opinion' | 'analysis';
}

export const HISTORY_TEXT_CHARS = 500;

/**
 * The longest page key (`pageKey` of history and of the reader's answers): urlKey() of an address
 * of at most MAX_URL_CHARS. The key re-encodes path and query, so it can outgrow the address: a
 * `(` becomes `%28`, and one UTF-16 unit of a BMP character three `%XX` bytes, nine characters.
 * A reader-data file is read up to this, so every key the extension stored imports again.
 */
export const MAX_PAGE_KEY_CHARS = 9 * MAX_URL_CHARS;

export interface NetworkLogRecord extends NetworkLogEntry {
  /** Auto-incremented; gives the order requests were made in. */
  seq?: number;
}

export interface StorylineDB extends DBSchema {
  packs: { key: string; value: PackRecord };
  // Records of a pack are keyed `packId/localId`: a pack's records are a key range (pack-keys.ts).
  stories: { key: string; value: StoryRecord; indexes: { byUrlKey: string } };
  /** Reports joined to a story from outside its pack: the reader's history (sources/history.ts). */
  joinedReports: { key: string; value: ArticleRecord; indexes: { byStory: string; byUrlKey: string } };
  categories: { key: string; value: CategoryRecord };
  outlets: { key: string; value: OutletRecord };
  userState: { key: string; value: UserStateRecord; indexes: { byStory: string } };
  meta: { key: string; value: MetaRecord };
  subscriptions: { key: string; value: SubscriptionRecord };
  feeds: { key: string; value: FeedRecord };
  feedItems: { key: string; value: FeedItemsRecord };
  history: { key: string; value: HistoryRecord; indexes: { byReadAt: string } };
  networkLog: { key: number; value: NetworkLogRecord };
}

export const actionStateKey = (storyId: string, actionId: string): string => `action:${storyId}:${actionId}`;
export const followKey = (storyId: string): string => `follow:${storyId}`;
export const categoriesKey = (storyId: string): string => `categories:${storyId}`;
/** The reader's answers about pages are keyed by these prefixes, then the page's key. */
export const REJECTION_PREFIX = 'reject:';
export const CONFIRMATION_PREFIX = 'confirm:';
export const rejectionKey = (pageKey: string, storyId: string): string => `${REJECTION_PREFIX}${pageKey}:${storyId}`;
export const confirmationKey = (pageKey: string): string => `${CONFIRMATION_PREFIX}${pageKey}`;
/** The reserved pack of the reports reading history joined to stories (`joinedReports`). */
export const HISTORY_PACK_ID = 'history';
/** The id of a page read as one of a story's reports (its copy in `joinedReports`). */
export const historyArticleId = (pageKey: string): string => `${HISTORY_PACK_ID}/${pageKey}`;

export const TAB_STATE_PREFIX = 'tab:';
/**
 * The storage.session key of a tab's state (written by the background only). The side panel watches
 * it to follow its tab without a message of its own.
 */
export const tabStateKey = (tabId: number): string => `${TAB_STATE_PREFIX}${tabId}`;
