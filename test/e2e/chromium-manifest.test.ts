/// <reference types="chrome" />
// Chromium loads dist/chrome with no manifest warnings and no errors: read where chrome://extensions
// reads them (chrome.developerPrivate, available to that page only). A copy of the build with one
// Firefox-only key is loaded beside it, so the check is shown to see a warning when there is one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, QUIET_FLAGS } from '../../scripts/lib/chromium';
import { BROWSERS, ROOT, poll } from './harness';

interface ExtensionInfo {
  id: string;
  name: string;
  path: string;
  installWarnings: { message: string }[];
  manifestErrors: { message: string }[];
  runtimeErrors: { message: string }[];
}

interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  getExtensionsInfo(): Promise<ExtensionInfo[]>;
  reload(id: string, options: { failQuietly: boolean }): Promise<void>;
}

const shipped = join(ROOT, 'dist/chrome');

async function launchBoth(scratch: string, flawed: string): Promise<BrowserContext> {
  cpSync(shipped, flawed, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(flawed, 'manifest.json'), 'utf8'));
  writeFileSync(join(flawed, 'manifest.json'), JSON.stringify({ ...manifest, sidebar_action: { default_panel: 'sidebar.html' } }));
  return chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...QUIET_FLAGS, `--disable-extensions-except=${shipped},${flawed}`, `--load-extension=${shipped},${flawed}`],
  });
}

async function startedWorkers(context: BrowserContext, count: number): Promise<void> {
  await poll(`${count} extension workers`, async () => context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://')).length >= count);
}

test('chrome://extensions shows no warning or error for dist/chrome', { skip: !BROWSERS.includes('chromium') }, async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'storyline-manifest-'));
  const flawed = join(scratch, 'flawed');
  const context = await launchBoth(scratch, flawed);
  try {
  const page = await context.newPage();
  // Warnings of a fresh load are there at once; runtime errors need the workers to have started.
  await startedWorkers(context, 2);
  await page.goto('chrome://extensions');
  // Manifest warnings are recorded only in developer mode (where chrome://extensions shows them), for
  // extensions loaded after it is on: turn it on, then reload each unpacked extension, and wait for
  // both workers to start again.
  let restarted = 0;
  context.on('serviceworker', () => restarted++);
  await page.evaluate(async () => {
    const api = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
    await api.updateProfileConfiguration({ inDeveloperMode: true });
    for (const info of await api.getExtensionsInfo()) if (info.path) await api.reload(info.id, { failQuietly: true });
  });
  await poll('both workers restarted', async () => restarted >= 2);
  const read = () => page.evaluate(() => (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate.getExtensionsInfo());
  // The flawed copy's warning is the sign that the reloads' warnings are recorded.
  const infos = await poll('the flawed copy\'s warning', async () => {
    const now = await read();
    return now.some((info) => info.path === flawed && info.manifestErrors.length > 0) ? now : undefined;
  });
  const byPath = (path: string) => infos.find((info) => info.path === path);
  const ours = byPath(shipped);
  assert.ok(ours, `not loaded: ${JSON.stringify(infos.map((i) => i.path))}`);
  assert.deepEqual([...ours.installWarnings, ...ours.manifestErrors, ...ours.runtimeErrors], []);
  const check = byPath(flawed);
  assert.match(JSON.stringify(check?.manifestErrors), /Unrecognized manifest key 'sidebar_action'/);
  } finally {
    await context.close();
    rmSync(scratch, { recursive: true, force: true });
  }
});
