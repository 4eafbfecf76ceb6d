// What the refresh code needs from its surroundings, passed in so it runs the same in the
// extension and in Node tests against a local server.
import type { IDBPDatabase } from 'idb';
import type { StorylineDB } from '../../formats/storage-schema';
import type { RefreshView } from '../../contracts/views';
import type { StoryChange } from '../story-delta';
import type { Fetcher } from './source-access';

export interface SourceEnv {
  database: IDBPDatabase<StorylineDB>;
  fetch: Fetcher;
  /** Whether the host permission a source URL needs is granted (the reader can withdraw it). */
  hasAccess: (url: string) => Promise<boolean>;
  now: () => Date;
  /** After packs were installed or removed: the engine's index and history joins follow. */
  packsChanged: () => Promise<void>;
  /**
   * Stories changed in place (the feeds pack): `write` queues the change and answers its delta
   * and commit (null: nothing changed); the engine's index, loaded before, takes the delta while
   * the change commits, and once it is stored only the history joins the delta concerns are
   * redone. Rejects when the change is not stored.
   */
  changeStories: (write: () => Promise<StoryChange | null>) => Promise<void>;
}

export const refreshView = (r: RefreshView): RefreshView => ({ checkedAt: r.checkedAt, okAt: r.okAt, error: r.error });

export const NEVER_CHECKED = { checkedAt: null, okAt: null, error: null, etag: null, lastModified: null } as const;
