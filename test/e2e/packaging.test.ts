// The store packages: `npm run package` twice gives the same bytes, each zip names its browser and the
// package.json version, holds manifest.json at its root with that version, and unpacks to exactly
// the files of the build it was made from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { packageAll } from '../../scripts/package';
import { ROOT } from './harness';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

test('npm run package is reproducible and each zip is its browser’s build', async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'storyline-package-'));
  try {
    const first = await packageAll(join(scratch, 'a'));
    const second = await packageAll(join(scratch, 'b'));
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    assert.deepEqual(first.map((file) => basename(file)), [`storyline-chrome-${version}.zip`, `storyline-firefox-${version}.zip`]);
    assert.deepEqual(first.map(sha256), second.map(sha256));
    for (const [i, target] of (['chrome', 'firefox'] as const).entries()) {
      const unpacked = join(scratch, `unpacked-${target}`);
      // Debian's unzip checks every CRC and the central directory on the way.
      execFileSync('unzip', ['-q', first[i]!, '-d', unpacked]);
      assert.deepEqual(files(unpacked), files(join(scratch, 'a', target)));
      assert.equal(JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')).version, version);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
