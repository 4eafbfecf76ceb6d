// Runs test files with Node's built-in runner (Node 20 takes no globs, so the files are listed here).
//   npx tsx scripts/run-tests.ts [unit|e2e|all|quick] [--grep PATTERN]
// Files run one at a time: the e2e files each drive a Chromium, and the machine has two cores.
// quick (npm run test:quick): the unit tests and one smoke e2e file (the whole reading path:
// launcher, sidebar, popup) in Chromium only, for a check in a few minutes before the full run.
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
const SMOKE = 'test/e2e/storyline.test.ts';
const dirs = tier === 'all' ? ['test/unit', 'test/e2e'] : tier === 'quick' ? ['test/unit'] : [`test/${tier}`];
const files = [...dirs.flatMap((dir) => testFiles(join(ROOT, dir))).map((file) => relative(ROOT, file)), ...(tier === 'quick' ? [SMOKE] : [])].filter(
  (file) => !grep || grep.test(file),
);
const env = tier === 'quick' ? { ...process.env, E2E_BROWSERS: 'chromium' } : process.env;

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { cwd: ROOT, stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
