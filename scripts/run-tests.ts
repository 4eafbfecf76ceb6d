// Runs test files with Node's built-in runner (Node 20 takes no globs, so the files are listed here).
//   npx tsx scripts/run-tests.ts [unit|e2e|all|quick] [--grep PATTERN] [--jobs N]
// Each file is its own `node --test` process, and `--jobs` files run at once (TEST_JOBS, or the
// machine's cores, at most 2): most of an e2e file's time is a browser waiting on its pages, so two
// files share two cores well. Each e2e file drives its own browser, profile, free ports and demo
// server, so files cannot see each other. A file's output is printed whole when it ends (two files'
// lines never interleave), and the run ends with each file's duration. The slowest files of the
// last run start first (test-results/durations.json), so a long file does not start last.
// quick (npm run test:quick): the unit tests and one smoke e2e file (the whole reading path:
// launcher, sidebar, popup) in Chromium only, for a check in a few minutes before the full run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
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
const option = (name: string): string | undefined => {
  const at = rest.indexOf(name);
  return at >= 0 ? rest[at + 1] : undefined;
};
const grep = option('--grep') !== undefined ? new RegExp(option('--grep')!) : null;
const jobs = Math.max(1, Number(option('--jobs') ?? process.env['TEST_JOBS'] ?? Math.min(2, availableParallelism())) || 1);
const SMOKE = 'test/e2e/storyline.test.ts';
const DURATIONS = join(ROOT, 'test-results/durations.json');
const dirs = tier === 'all' ? ['test/unit', 'test/e2e'] : tier === 'quick' ? ['test/unit'] : [`test/${tier}`];
const files = [...dirs.flatMap((dir) => testFiles(join(ROOT, dir))).map((file) => relative(ROOT, file)), ...(tier === 'quick' ? [SMOKE] : [])].filter(
  (file) => !grep || grep.test(file),
);
const env = tier === 'quick' ? { ...process.env, E2E_BROWSERS: 'chromium' } : process.env;

const previous: Record<string, number> = existsSync(DURATIONS) ? (JSON.parse(readFileSync(DURATIONS, 'utf8')) as Record<string, number>) : {};
// Slowest first by the last run; files never timed keep their order, after those timed.
const queue = [...files].sort((a, b) => (previous[b] ?? -1) - (previous[a] ?? -1));

interface Finished {
  file: string;
  ms: number;
  ok: boolean;
  /** The runner's own counts for the file (its summary lines: tests, pass, fail, skipped, …). */
  counts: Record<string, number>;
}

/**
 * A file whose test waits forever (a browser call that never answers) is stopped after this long
 * and reported as failed, with what it printed so far (the spec reporter names each test as it
 * ends, so the last one named is where it stood), instead of holding the whole run. The slowest
 * file takes about two minutes.
 */
const FILE_TIMEOUT_MS = 600_000;

function runFile(file: string): Promise<Finished> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', file], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    let stopping: NodeJS.Timeout | undefined;
    const limit = setTimeout(() => {
      output.push(Buffer.from(`\n${file}: stopped after ${FILE_TIMEOUT_MS / 60_000} minutes\n`));
      // The runner stops the file's own process on SIGTERM; SIGKILL if that does not end it.
      child.kill('SIGTERM');
      stopping = setTimeout(() => child.kill('SIGKILL'), 10_000);
    }, FILE_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(limit);
      clearTimeout(stopping);
      const ms = Date.now() - started;
      const text = Buffer.concat(output).toString();
      process.stdout.write(`\n━━ ${file} (${(ms / 1000).toFixed(1)} s, ${code === 0 ? 'passed' : 'FAILED'})\n${text}`);
      const counts = Object.fromEntries([...text.matchAll(/^ℹ (tests|pass|fail|skipped|todo|cancelled) (\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
      resolve({ file, ms, ok: code === 0, counts });
    });
  });
}

const started = Date.now();
const finished: Finished[] = [];
await Promise.all(
  Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) finished.push(await runFile(file));
  }),
);

mkdirSync(join(ROOT, 'test-results'), { recursive: true });
writeFileSync(DURATIONS, `${JSON.stringify({ ...previous, ...Object.fromEntries(finished.map((f) => [f.file, f.ms])) }, null, 2)}\n`);
console.log(`\nper file (${jobs} at a time), slowest first:`);
for (const f of [...finished].sort((a, b) => b.ms - a.ms)) console.log(`${(f.ms / 1000).toFixed(1).padStart(8)} s  ${f.ok ? '   ' : 'FAILED '}${f.file}`);
const failed = finished.filter((f) => !f.ok);
const total = (key: string): number => finished.reduce((sum, f) => sum + (f.counts[key] ?? 0), 0);
console.log(['tests', 'pass', 'fail', 'skipped', 'todo', 'cancelled'].map((key) => `${key} ${total(key)}`).join(', '));
console.log(`${files.length} files in ${((Date.now() - started) / 1000).toFixed(0)} s; ${failed.length ? `${failed.length} FAILED: ${failed.map((f) => f.file).join(', ')}` : 'all passed'}`);
process.exit(failed.length ? 1 : 0);
