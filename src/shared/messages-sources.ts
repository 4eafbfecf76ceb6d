// Calls about story sources (packs, subscriptions, feeds, the network log), from the options page
// and the popup. Part of BackgroundCalls; kept apart because the sources grow on their own.
import type { Call, Parsers } from './call';

export interface SourceCalls {
  /** Options: remove an installed pack (never the built-in one); the reader's own data stays. */
  'pack/remove': Call<{ packId: string }, null>;
}

export const sourceParsers: Parsers<SourceCalls> = {
  'pack/remove': (p) => {
    const packId = typeof p === 'object' && p !== null ? (p as Record<string, unknown>)['packId'] : undefined;
    return typeof packId === 'string' && packId.length <= 200 ? { packId } : undefined;
  },
};
