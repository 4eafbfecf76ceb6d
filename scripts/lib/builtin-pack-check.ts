// The built-in packs are validated when the extension is built: a pack file that fails fails the
// build, rather than shipping a file the extension would refuse to install.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePack } from '../../src/formats/pack-validate';

/** Every problem of the packs among `copies` ([from, to] pairs; packs go to `packs/`), by file. */
export function builtinPackErrors(root: string, copies: readonly (readonly [string, string])[]): string[] {
  const errors: string[] = [];
  for (const [from, to] of copies) {
    if (!to.startsWith('packs/')) continue;
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(join(root, from), 'utf8'));
    } catch (error) {
      errors.push(`${from}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const result = validatePack(value);
    if (!result.ok) errors.push(...result.errors.map((e) => `${from}: ${e}`));
  }
  return errors;
}
