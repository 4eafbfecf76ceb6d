// Builds the extension for both browsers: dist/chrome and dist/firefox from the one manifest.json.
//   npx tsx scripts/build.ts [--dev] [--bench] [--out DIR]
// --dev keeps code readable with inline source maps; --bench makes an instrumented build that never
// ships: the gate and content script leave performance marks in the page (timings for npm run
// bench:content, and each look's outcome, src/content/timing.ts).
// Without --bench or --out, the instrumented build the e2e suite loads is made too, in build/e2e
// (E2E_BUILD), from the same sources at the same moment, so `npm run build` readies both.
import { build as esbuild } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builtinPackErrors } from './lib/builtin-pack-check';
import { manifestFor, type TargetBrowser } from './lib/manifest';
import { staleGenerated } from './lib/schema-codegen';
import { libraryRewritesPlugin } from './lib/library-rewrites';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The instrumented build the e2e tests load (test/e2e/harness.ts). */
export const E2E_BUILD = 'build/e2e';

const ENTRIES: Record<string, string> = {
  // gate.js runs on every page (manifest content_scripts); content.js is injected on articles only.
  gate: 'src/gate/index.ts',
  content: 'src/content/index.ts',
  background: 'src/background/index.ts',
  sidebar: 'src/sidebar/index.tsx',
  popup: 'src/popup/index.tsx',
  options: 'src/options/index.tsx',
  welcome: 'src/welcome/index.tsx',
};
const PAGES = ['src/sidebar/sidebar.html', 'src/popup/popup.html', 'src/options/options.html', 'src/welcome/welcome.html'];
/** Files copied into each browser's build as they are: [from, to]. */
export const COPIES: [string, string][] = [
  ['assets/_locales', '_locales'],
  ['assets/icons', 'icons'],
  ['assets/packs/starter.json', 'packs/starter.json'],
  ['assets/packs/civic.json', 'packs/civic.json'],
  ['assets/directory/outlets.json', 'directory/outlets.json'],
  ['assets/officials/us-congress.json', 'officials/us-congress.json'],
  ['THIRD_PARTY_NOTICES.md', 'THIRD_PARTY_NOTICES.md'],
  // Storyline's own licence (MPL-2.0) goes with the code it covers.
  ['LICENSE', 'LICENSE'],
];

export interface BuildOptions {
  dev?: boolean;
  bench?: boolean;
  outDir?: string;
  quiet?: boolean;
}

export interface BuildResult {
  dirs: Record<TargetBrowser, string>;
  /** Bytes of each emitted script and stylesheet (same for both browsers). */
  sizes: Record<string, number>;
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const packErrors = builtinPackErrors(ROOT, COPIES);
  if (packErrors.length > 0) throw new Error(`a built-in pack is invalid:\n  ${packErrors.slice(0, 10).join('\n  ')}`);
  // The validators are generated from schemas/ and committed: a schema edited without them would ship the old rules.
  const stale = staleGenerated(ROOT);
  if (stale.length > 0) throw new Error(`generated from schemas/ and out of date: ${stale.join(', ')} (run npm run gen:validators)`);
  const outRoot = resolve(ROOT, options.outDir ?? 'dist');
  const staging = join(outRoot, '.bundle');
  rmSync(outRoot, { recursive: true, force: true });
  await esbuild({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).filter(([, file]) => existsSync(join(ROOT, file)))),
    outdir: staging,
    bundle: true,
    format: 'iife',
    target: ['chrome123', 'firefox128'],
    // esbuild would rewrite every regex with a Unicode property escape (\p{Lu}) as
    // `new RegExp("…", "u")` where it stands: both targets support them, and a pattern string
    // parsed again at each call made the engine's tokenizer (one such test per word) a tenth of a
    // feed refresh in the worker. The same regexes, kept as literals.
    supported: { 'regexp-unicode-property-escapes': true },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: !options.dev,
    sourcemap: options.dev ? 'inline' : false,
    legalComments: 'none',
    define: { __STORYLINE_BENCH__: options.bench ? 'true' : 'false' },
    logLevel: 'warning',
    plugins: [libraryRewritesPlugin],
  });
  const sizes: Record<string, number> = {};
  const dirs = { chrome: join(outRoot, 'chrome'), firefox: join(outRoot, 'firefox') };
  const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
  for (const target of ['chrome', 'firefox'] as const) {
    const dir = dirs[target];
    mkdirSync(dir, { recursive: true });
    cpSync(staging, dir, { recursive: true });
    for (const page of PAGES) if (existsSync(join(ROOT, page))) cpSync(join(ROOT, page), join(dir, page.split('/').pop()!));
    for (const [from, to] of COPIES) cpSync(join(ROOT, from), join(dir, to), { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifestFor(source, target, version), null, 2)}\n`);
  }
  for (const name of Object.keys(ENTRIES)) {
    for (const ext of ['js', 'css']) {
      const file = join(staging, `${name}.${ext}`);
      if (existsSync(file)) sizes[`${name}.${ext}`] = statSync(file).size;
    }
  }
  rmSync(staging, { recursive: true, force: true });
  if (!options.quiet) {
    for (const [file, bytes] of Object.entries(sizes)) console.log(`${file.padEnd(16)} ${(bytes / 1024).toFixed(1).padStart(7)} KiB`);
    console.log(`built ${dirs.chrome} and ${dirs.firefox}`);
  }
  return { dirs, sizes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const bench = args.includes('--bench');
  const outDir = outIndex >= 0 ? args[outIndex + 1] : undefined;
  await build({ dev: args.includes('--dev'), bench, ...(outDir ? { outDir } : {}) });
  if (!bench && !outDir) {
    await build({ dev: args.includes('--dev'), bench: true, outDir: E2E_BUILD, quiet: true });
    console.log(`built the e2e suite's instrumented copy in ${join(ROOT, E2E_BUILD)}`);
  }
}
