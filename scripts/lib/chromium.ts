// Launches Debian's Chromium with the built extension, for the demo, the e2e suite and the
// benchmarks. The flags keep the browser's own services off the network, and tests and benchmarks
// run offline: no test touches the internet. The demo is a browser for a person, whose links to the
// outlets' real pages work when the machine is online.
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Where nothing listens: a proxy that refuses every request at once. */
const DEAD_PROXY = 'http://127.0.0.1:9';

export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The demo's browser goes online for a person: its sandbox stays on, unless the machine runs it as
 * root (a container, CI), where Chromium refuses to start with one.
 */
function readerFlags(): string[] {
  const root = process.getuid?.() === 0;
  return root ? QUIET_FLAGS : QUIET_FLAGS.filter((flag) => flag !== '--no-sandbox');
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** The profile folder (removed by close() unless the caller gave it). */
  userDataDir: string;
  close(): Promise<void>;
  /**
   * Kills the browser's main process with SIGKILL, as a crash or a power cut would, and resolves
   * once it is gone: nothing is flushed or closed first. The profile stays for a relaunch.
   */
  kill(): Promise<void>;
}

/** The browser's main process for a profile: the one with its --user-data-dir and no --type (Linux). */
function mainProcess(userDataDir: string): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    if (args.includes(`--user-data-dir=${userDataDir}`) && !args.some((arg) => arg.startsWith('--type='))) return Number(entry);
  }
  return undefined;
}

export async function launchWithExtension(
  extensionDir: string,
  options: { headless?: boolean; colorScheme?: 'light' | 'dark'; proxy?: string; online?: boolean; userDataDir?: string; backForwardCache?: boolean; restoreSession?: boolean } = {},
): Promise<ExtensionBrowser> {
  // A test's private network of outlets (scripts/lib/outlet-network.ts): every host but loopback goes
  // through its proxy, which serves a few named hosts with a certificate made for the run. Without
  // one, every host but loopback goes to a proxy where nothing listens (Chromium never proxies
  // loopback): refused at once, in the browser, as Firefox's prefs do (scripts/lib/firefox.ts).
  // Routing each request through Playwright to abort it cost a round trip to Node per request.
  const network = options.proxy
    ? [`--proxy-server=${options.proxy}`, '--ignore-certificate-errors']
    : options.online
      ? []
      : [`--proxy-server=${DEAD_PROXY}`];
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'storyline-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    // Playwright turns the back-forward cache off; a reader's Chromium has it on (`backForwardCache`).
    ignoreDefaultArgs: ['--disable-extensions', ...(options.backForwardCache ? ['--disable-back-forward-cache'] : [])],
    // `restoreSession`: the tabs of the profile's last run come back, as a reader's restart brings them.
    args: [...(options.online ? readerFlags() : QUIET_FLAGS), ...network, ...(options.restoreSession ? ['--restore-last-session'] : []), `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    viewport: { width: 1280, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    userDataDir,
    close: async () => {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
    kill: async () => {
      const pid = mainProcess(userDataDir);
      if (pid === undefined) throw new Error(`no browser process for ${userDataDir}`);
      const closed = new Promise((resolve) => context.once('close', resolve));
      process.kill(pid, 'SIGKILL');
      // Playwright sees its pipe close, and the process leaves the table (a relaunch needs the profile free).
      await closed;
      const alive = (): boolean => {
        try {
          return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
        } catch {
          return false;
        }
      };
      while (alive()) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}
