// Importing a pack file: validated whole before anything is written, then installed in one
// transaction, so a bad file changes nothing and a good one lands completely.
import { CallError } from '../../contracts/call-result';
import { openPackText } from '../../formats/pack-signature';
import { installPack, type InstallProgress } from '../pack-store';
import { packRefusal } from './pack-ownership';
import type { SourceEnv } from './source-env';

export async function importPackText(env: SourceEnv, text: string, onProgress?: InstallProgress): Promise<{ packId: string; publisher: string; stories: number }> {
  const opened = openPackText(text);
  if (!opened.ok) throw new CallError('invalid', opened.error);
  const { pack } = opened;
  const refusal = await packRefusal(env.database, pack, null);
  if (refusal) throw new CallError('invalid', refusal);
  await installPack(env.database, pack, 'file', env.now().toISOString(), onProgress);
  await env.packsChanged();
  return { packId: pack.id, publisher: pack.publisher, stories: pack.stories.length };
}
