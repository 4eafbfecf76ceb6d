// The IndexedDB schema: store names, record shapes and indexes. Migrations that create and change
// it live in src/background/migrations.ts, one numbered step per version.
import type { DBSchema } from 'idb';
import type { Article, Category, Outlet, Story } from './model';

export const DB_NAME = 'storyline';

/** A pack as installed: its header only; its stories, categories and outlets carry `packId`. */
export interface PackRecord {
  id: string;
  publisher: string;
  version: string;
  updated: string;
  installedAt: string;
  /** Where it came from: the built-in starter pack, a file, or a subscription URL. */
  origin: 'builtin' | 'file' | 'url';
}

/** A story without its articles (they live in `articles`, so history and feeds can join a story). */
export interface StoryRecord extends Omit<Story, 'articles'> {
  packId: string;
}

export interface ArticleRecord extends Article {
  storyId: string;
  packId: string;
  /** urlKey() of the article's URL, for identity; absent when the URL is unknown. */
  urlKey?: string;
  outletName: string;
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
  | { key: string; kind: 'rejected'; pageKey: string; storyId: string; at: string };

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface StorylineDB extends DBSchema {
  packs: { key: string; value: PackRecord };
  stories: { key: string; value: StoryRecord; indexes: { byPack: string } };
  articles: { key: string; value: ArticleRecord; indexes: { byStory: string; byPack: string; byUrlKey: string } };
  categories: { key: string; value: CategoryRecord; indexes: { byPack: string } };
  outlets: { key: string; value: OutletRecord; indexes: { byPack: string } };
  userState: { key: string; value: UserStateRecord; indexes: { byStory: string } };
  meta: { key: string; value: MetaRecord };
}

export const actionStateKey = (storyId: string, actionId: string): string => `action:${storyId}:${actionId}`;
export const rejectionKey = (pageKey: string, storyId: string): string => `reject:${pageKey}:${storyId}`;
