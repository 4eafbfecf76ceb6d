// Launches Debian's Firefox ESR with the built extension, for the e2e suite: puppeteer-core drives
// the web pages over WebDriver BiDi, and Firefox's own remote debugging server is opened on a local
// port for the extension's documents. BiDi leaves every moz-extension document out on purpose (the
// background page, the popup, and the sidebar iframe inside a page: Mozilla bug 1755014), so
// test/e2e/driver/firefox-rdp.ts reaches those the way about:debugging does.
// puppeteer-core never downloads a browser; the prefs below keep Firefox itself off the network.
import puppeteer, { type Browser } from 'puppeteer-core';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIREFOX = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

/** Any address but 127.0.0.1 goes to this proxy, where nothing listens: refused at once, offline. */
const DEAD_PROXY = { host: '127.0.0.1', port: 9 };

export const OFFLINE_PREFS: Record<string, unknown> = {
  'app.update.disabledForTesting': true,
  'app.update.auto': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.page': 0,
  'browser.newtabpage.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.search.update': false,
  'browser.region.update.enabled': false,
  'browser.region.network.url': '',
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'services.settings.server': `http://${DEAD_PROXY.host}:${DEAD_PROXY.port}/`,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'media.gmp-manager.updateEnabled': false,
  'geo.provider.network.url': '',
  // Firefox never proxies 127.0.0.1 (network.proxy.allow_hijacking_localhost is false), so the
  // served pages load and every request that leaves loopback fails, as Chromium's route does.
  'network.proxy.type': 1,
  'network.proxy.http': DEAD_PROXY.host,
  'network.proxy.http_port': DEAD_PROXY.port,
  'network.proxy.ssl': DEAD_PROXY.host,
  'network.proxy.ssl_port': DEAD_PROXY.port,
};

export interface FirefoxWithExtension {
  browser: Browser;
  /** The moz-extension:// host, fixed by a pref so pages can be named before install. */
  uuid: string;
  /** Port of Firefox's remote debugging server (the about:debugging protocol), on 127.0.0.1. */
  debuggerPort: number;
  geckoId: string;
  close(): Promise<void>;
  /**
   * Kills Firefox's parent process with SIGKILL, as a crash or a power cut would, and resolves once
   * it has exited: nothing is flushed or closed first. A kept profile stays for a relaunch.
   */
  kill(): Promise<void>;
}

/**
 * The extension's moz-extension:// host for a profile. A kept profile keeps it across launches
 * (written beside the profile's files): the extension is installed anew at each launch, as a
 * temporary add-on, and its IndexedDB and storage belong to that host.
 */
function uuidFor(userDataDir: string | undefined): string {
  if (!userDataDir) return crypto.randomUUID();
  const file = join(userDataDir, 'storyline-test-uuid');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const uuid = crypto.randomUUID();
  writeFileSync(file, uuid);
  return uuid;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Prefs that send every host but loopback to a test's outlet network (scripts/lib/outlet-network.ts). */
function proxyPrefs(proxy: string): Record<string, unknown> {
  const { hostname, port } = new URL(proxy);
  return { 'network.proxy.http': hostname, 'network.proxy.http_port': Number(port), 'network.proxy.ssl': hostname, 'network.proxy.ssl_port': Number(port) };
}

/** `userDataDir`: a profile folder the caller keeps (not removed by close), for a relaunch on it. */
export async function launchFirefoxWithExtension(extensionDir: string, options: { proxy?: string; userDataDir?: string } = {}): Promise<FirefoxWithExtension> {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
  const geckoId = manifest.browser_specific_settings.gecko.id as string;
  const uuid = uuidFor(options.userDataDir);
  const debuggerPort = await freePort();
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'storyline-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir,
    defaultViewport: { width: 1280, height: 860 },
    // The outlet network's certificate is made for the run: accepted only when a test brings one.
    acceptInsecureCerts: options.proxy !== undefined,
    args: [`--start-debugger-server=${debuggerPort}`],
    extraPrefsFirefox: {
      ...OFFLINE_PREFS,
      ...(options.proxy ? proxyPrefs(options.proxy) : {}),
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'devtools.debugger.remote-enabled': true,
      'devtools.debugger.prompt-connection': false,
      'devtools.chrome.enabled': true,
    },
  });
  await browser.installExtension(extensionDir);
  return {
    browser,
    uuid,
    debuggerPort,
    geckoId,
    close: async () => {
      await browser.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
    kill: async () => {
      const child = browser.process();
      if (!child || child.exitCode !== null) throw new Error('no Firefox process to kill');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      // puppeteer's connection ends with the process; its own cleanup must not wait on it.
      browser.disconnect().catch(() => undefined);
      // On the exit, puppeteer puts back the prefs files it backed up at launch (`<file>.puppeteer`),
      // by itself and without a handle to await: a launch on the profile meanwhile would race it.
      const backups = ['user.js.puppeteer', 'prefs.js.puppeteer'].map((file) => join(userDataDir, file));
      for (const deadline = Date.now() + 10_000; backups.some((file) => existsSync(file)); ) {
        if (Date.now() > deadline) throw new Error(`puppeteer did not restore the prefs in ${userDataDir}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}
