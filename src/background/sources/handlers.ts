// Background handlers for story sources (packs, subscriptions, feeds, network log).
import type { SourceCalls } from '../../shared/messages-sources';
import { db } from '../db';
import type { Handler } from '../handler-types';
import type { SenderKind } from '../sender';
import { invalidateStoryIndex } from '../matcher';
import { removePack } from '../pack-store';

export const SOURCE_SENDERS: { [K in keyof SourceCalls]: readonly SenderKind[] } = {
  'pack/remove': ['options'],
};

export const sourceHandlers: { [K in keyof SourceCalls]: Handler<K> } = {
  async 'pack/remove'({ packId }) {
    const database = await db();
    const pack = await database.get('packs', packId);
    if (!pack) throw new Error('no such pack');
    if (pack.origin === 'builtin') throw new Error('the built-in pack cannot be removed');
    await removePack(database, packId);
    invalidateStoryIndex();
    return null;
  },
};
