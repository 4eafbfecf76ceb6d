// Background handlers for story sources (packs, subscriptions, feeds, network log) and reading
// history, from the options and welcome pages (who may call what: contracts/messages-sources.ts);
// refreshes run one at a time (runtime-env.ts).
import { CallError } from '../../contracts/call-result';
import type { Handlers } from '../../contracts/dispatch';
import type { sourceCalls } from '../../contracts/messages-sources';
import type { ImportProgress } from '../../contracts/source-events';
import type { BackgroundBrowser } from '../browser-api';
import { db } from '../db';
import { currentTopStories } from '../top-stories';
import type { CallContext } from '../handler-types';
import { logProblem } from '../log';
import { invalidateStoryIndex, storyIndex } from '../matcher';
import { countPageAnswers, forgetPageAnswers } from '../page-match';
import { removePack } from '../pack-store';
import type { SourceAlarms } from './alarms';
import { discoverInCurrentTab } from './discover-tab';
import { addFeedBatch } from './feed-batch-progress';
import { feedStoreView } from './feed-store';
import { addFeed, feedViews, pruneFeeds, refreshFeed, removeFeed } from './feeds';
import { clearHistory, forgetAnswerAbout, historyNewestFirst, pruneHistory, removeFromHistory } from './history';
import { answersWithoutHistory, findInHistory, historyViews, newestHistory } from './history-list';
import { clearNetworkLog, networkLog } from './network-log';
import { importPackText } from './pack-import';
import type { Serially } from './runtime-env';
import type { SourceEnv } from './source-env';
import { readPrefs, writePrefs } from './source-prefs';
import { addSubscription, refreshSubscription, removeSubscription, subscriptionViews } from './subscriptions';

/** What the source handlers need of the running background (start.ts). */
export interface SourceDeps {
  browser: Pick<BackgroundBrowser, 'runtime' | 'tabs' | 'scripting'>;
  serially: Serially;
  alarms: SourceAlarms;
}

/** Removes the history past the keep stored when it runs (a later change may have lengthened it). */
async function pruneHistoryNow({ database, now }: SourceEnv): Promise<void> {
  if (await pruneHistory(database, (await readPrefs(database)).retentionDays, now())) invalidateStoryIndex();
}

export function sourceHandlers({ browser, serially, alarms }: SourceDeps): Handlers<typeof sourceCalls, CallContext> {
  /** Heard by every options tab: the page's id for the import tells whose it is. */
  const sendProgress = (importId: string | undefined, done: number, total: number): void => {
    const message: ImportProgress = { type: 'import/progress', ...(importId === undefined ? {} : { importId }), done, total };
    // Not awaited: the pack's transaction must not wait on anything but IndexedDB.
    browser.runtime.sendMessage(message).catch(() => undefined);
  };

  return {
    async 'pack/remove'({ packId }) {
      return serially(async (env) => {
        const pack = await env.database.get('packs', packId);
        if (!pack) throw new CallError('not-found', 'no such pack');
        if (pack.origin === 'builtin') throw new CallError('refused', 'the built-in pack cannot be removed');
        if (pack.origin === 'feeds') throw new CallError('refused', 'remove the feeds these stories come from instead');
        const sub = (await env.database.getAll('subscriptions')).find((s) => s.packId === packId);
        // A subscribed pack would come back at the next refresh: removing it ends the subscription.
        if (sub) return removeSubscription(env, sub.url).then(() => null);
        await removePack(env.database, packId);
        await env.packsChanged();
        return null;
      });
    },

    async 'pack/import'({ text, importId }) {
      return serially((env) => importPackText(env, text, (done, total) => sendProgress(importId, done, total)));
    },

    async 'sources/state'() {
      return serially(async (env) => {
        const { database } = env;
        return {
          subscriptions: await subscriptionViews(env),
          feeds: await feedViews(env),
          history: await newestHistory(database),
          historyTotal: await database.count('history'),
          pageAnswers: await countPageAnswers(database),
          answersAway: await answersWithoutHistory(database),
          networkLog: await networkLog(database),
          prefs: await readPrefs(database),
          feedStore: await feedStoreView(env),
          scheduled: alarms.scheduled,
        };
      }, { reads: true });
    },

    async 'sources/prefs'(change) {
      const database = await db();
      const before = await readPrefs(database);
      const prefs = await writePrefs(database, change);
      await alarms.schedule();
      // A shorter keep or window takes effect now, not at the next daily pass: queued, as that pass
      // is (a rejoin under way would write back history it had read), so the page's next read of
      // its state, queued after, lists no entry past the new limit. Queued even when nothing gets
      // shorter: when it is done, open pages hear sources changed, and another options tab shows
      // the new values.
      serially(async (env) => {
        if (prefs.retentionDays < before.retentionDays) await pruneHistoryNow(env).catch((error: unknown) => logProblem('history retention', error));
        if (prefs.feedRetentionDays < before.feedRetentionDays) await pruneFeeds(env).catch((error: unknown) => logProblem('feed retention', error));
      }).catch((error: unknown) => logProblem('source prefs', error));
      return prefs;
    },

    async 'subscription/add'({ url, publicKey }) {
      return serially((env) => addSubscription(env, url, publicKey));
    },
    async 'subscription/refresh'({ url }) {
      return serially((env) => refreshSubscription(env, url));
    },
    async 'subscription/remove'({ url }) {
      return serially((env) => removeSubscription(env, url).then(() => null));
    },

    async 'feed/add'({ url }) {
      return serially((env) => addFeed(env, url));
    },
    async 'feed/refresh'({ url }) {
      return serially((env) => refreshFeed(env, url));
    },
    async 'feed/remove'({ url }) {
      return serially((env) => removeFeed(env, url).then(() => null));
    },
    async 'feed/discover'() {
      return discoverInCurrentTab(browser);
    },

    async 'history/export'() {
      const history = await historyNewestFirst(await db());
      return history.map(({ url, title, siteName, published, readAt }) => ({ url, title, siteName, published, readAt }));
    },
    async 'history/clear'() {
      // Queued: a rejoin under way (after a feed refresh) would write back entries it had read.
      return serially(async ({ database }) => {
        await clearHistory(database);
        invalidateStoryIndex();
        return null;
      });
    },
    async 'history/find'({ query }) {
      const database = await db();
      const { found, matched } = await findInHistory(database, query);
      return { entries: await historyViews(database, found), matched };
    },
    async 'history/remove'({ pageKey }) {
      return serially(async ({ database }) => {
        await removeFromHistory(database, await storyIndex(), pageKey);
        return null;
      });
    },
    async 'answers/clear'() {
      await forgetPageAnswers(await db());
      return null;
    },
    async 'answers/forget'({ pageKey }) {
      return serially(async ({ database }) => {
        await forgetAnswerAbout(database, await storyIndex(), pageKey);
        return null;
      });
    },
    async 'welcome/state'() {
      const database = await db();
      return { feeds: (await database.getAllKeys('feeds')).map(String), stories: await database.count('stories') };
    },

    async 'welcome/top-stories'() {
      return currentTopStories(await db(), new Date());
    },

    async 'feeds/add-many'({ urls }) {
      return addFeedBatch(browser.runtime, serially, urls);
    },

    async 'network/clear'() {
      // Queued: a refresh under way appends its requests after the log is cleared, not before.
      return serially(async (env) => {
        await clearNetworkLog(env.database);
        return null;
      });
    },
  };
}
