// Runs test files with Node's built-in runner (Node 20 takes no globs, so the files are listed here).
//   npx tsx scripts/run-tests.ts [unit|e2e|all] [--grep PATTERN]
// Files run one at a time: the e2e files each drive a Chromium, and the machine has two cores.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './build';

function testFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return testFiles(path);
      return name.endsWith('.test.ts') ? [path] : [];
    });
}

const [tier = 'all', ...rest] = process.argv.slice(2);
const grepAt = rest.indexOf('--grep');
const grep = grepAt >= 0 ? new RegExp(rest[grepAt + 1] ?? '') : null;
const dirs = tier === 'all' ? ['test/unit', 'test/e2e'] : [`test/${tier}`];
const files = dirs
  .flatMap((dir) => testFiles(join(ROOT, dir)))
  .map((file) => relative(ROOT, file))
  .filter((file) => !grep || grep.test(file));

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { cwd: ROOT, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
