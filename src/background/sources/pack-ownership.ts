// Which source may install a pack id. A pack id belongs to whoever installed it first: the built-in
// pack and the reader's own data (feeds, history) are never replaced by a file or a subscription,
// and two subscriptions cannot fight over one id at every refresh.
import type { IDBPDatabase } from 'idb';
import type { Pack } from '../../formats/model';
import type { StorylineDB } from '../../formats/storage-schema';
import { RESERVED_PACK_IDS } from '../pack-store';

/** Why `pack` may not be installed from `from` (a subscription URL, or null for a file); null if it may. */
export async function packRefusal(database: IDBPDatabase<StorylineDB>, pack: Pack, from: string | null): Promise<string | null> {
  if (RESERVED_PACK_IDS.has(pack.id)) return `the pack id "${pack.id}" is reserved for your own data`;
  const installed = await database.get('packs', pack.id);
  if (installed?.origin === 'builtin') return `the pack id "${pack.id}" is the built-in pack's`;
  const owner = (await database.getAll('subscriptions')).find((s) => s.packId === pack.id && s.url !== from);
  if (owner) return `the pack "${pack.id}" comes from the subscription ${owner.url}`;
  // A file may bring a newer version, never an older one; a subscription's URL is the authority.
  if (from === null && installed && Date.parse(pack.updated) < Date.parse(installed.updated)) {
    return `this file is an older version (${pack.version}, ${pack.updated}) than the one installed (${installed.version})`;
  }
  return null;
}
