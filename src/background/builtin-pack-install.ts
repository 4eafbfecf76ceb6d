// Installing the packs built into the extension, apart from how their files are read: the
// extension fetches them from its own package, Node tests read the committed files.
import type { IDBPDatabase } from 'idb';
import type { Pack } from '../formats/model';
import { validatePack } from '../formats/pack-validate';
import type { StorylineDB } from '../formats/storage-schema';
import { installPack } from './pack-store';

/**
 * The built-in packs, as paths inside the extension package (scripts/build.ts copies them there):
 * the starter pack's curated story, and the civic taxonomy whose categories bring standing steps to
 * every story the classifier files under them. Origin 'builtin': the reader cannot remove them.
 */
export const BUILTIN_PACK_FILES = ['packs/starter.json', 'packs/civic.json'] as const;

/** Reads one packaged file as JSON. */
export type ReadPackFile = (path: string) => Promise<unknown>;

export interface BuiltinInstall {
  /** Ids of the packs written: new, or a version other than the stored one. */
  written: string[];
  /** One line per file that could not be read, validated or stored. */
  failed: string[];
}

async function readPack(read: ReadPackFile, path: string): Promise<Pack> {
  const checked = validatePack(await read(path));
  if (!checked.ok) throw new Error(`invalid: ${checked.errors.slice(0, 3).join('; ')}`);
  return checked.pack;
}

/**
 * Stores each built-in pack unless that version is already stored, so calling it at every start
 * costs one read per pack. A pack that fails does not keep the others out.
 */
export async function installBuiltinPacks(database: IDBPDatabase<StorylineDB>, read: ReadPackFile): Promise<BuiltinInstall> {
  const result: BuiltinInstall = { written: [], failed: [] };
  for (const path of BUILTIN_PACK_FILES) {
    try {
      const pack = await readPack(read, path);
      const installed = await database.get('packs', pack.id);
      const current = installed?.origin === 'builtin' && installed.version === pack.version && installed.updated === pack.updated;
      if (current) continue;
      await installPack(database, pack, 'builtin');
      result.written.push(pack.id);
    } catch (error) {
      result.failed.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return result;
}
