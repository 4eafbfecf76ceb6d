// Builds the starter pack with the general pack builder (scripts/pack.ts): the seed pages are the
// input (headlines, outlets, times, categories, names, hashtags and links are read from them), and
// every sentence comes from the hand-written editorial file, checked with --own-words. The output
// is deterministic, so a rebuild gives the committed assets/packs/starter.json byte for byte.
//   npm run pack:starter [-- --in DIR --editorial FILE --out FILE]
// The seed pages are test data beside the repository (../shared/seed-stories); the built pack is
// committed, so only a rebuild needs them.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Pack } from '../src/formats/model';
import { buildFromFiles, runBuilder, runCli } from './pack';

const REPO = fileURLToPath(new URL('..', import.meta.url));
export const STARTER = {
  in: resolve(REPO, '../shared/seed-stories'),
  editorial: resolve(REPO, 'assets/starter/editorial.json'),
  out: resolve(REPO, 'assets/packs/starter.json'),
};

/** The builder's arguments for the starter pack; the defaults can be overridden. */
export function starterArgs(overrides: Partial<typeof STARTER> = {}): string[] {
  const paths = { ...STARTER, ...overrides };
  return ['--in', paths.in, '--editorial', paths.editorial, '--out', paths.out, '--own-words'];
}

/** The starter pack as `npm run pack:starter` writes it, without writing it. */
export function buildStarterPack(overrides: Partial<Omit<typeof STARTER, 'out'>> = {}): Pack {
  return buildFromFiles({ in: overrides.in ?? STARTER.in, editorial: overrides.editorial ?? STARTER.editorial, ownWords: true });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCli('pack:starter', () => {
    const { values } = parseArgs({ options: { in: { type: 'string' }, editorial: { type: 'string' }, out: { type: 'string' } } });
    if (!values.in && !existsSync(STARTER.in)) throw new Error('needs the seed pages in ../shared/seed-stories (test data beside the repository, not part of it); --in DIR reads another folder');
    return runBuilder(starterArgs(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined))));
  });
}
