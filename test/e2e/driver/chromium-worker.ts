// Stopping and starting the extension's service worker in Chromium the way the browser itself does
// (an idle worker stopped, then started by the next event), through DevTools' ServiceWorker domain.
// That domain lists an extension's worker only on a session of one of the extension's own pages (a
// web page's session sees the web's workers): the driver opens one, a static file of the extension
// with no script of ours, at the first stop.
//
// Why not `Target.closeTarget` on the worker's target: a worker stopped that way is not started
// again by a DevTools evaluation, so the second stop of a run left every later `background` call
// waiting for ever (measured: stop, evaluate, stop, evaluate hung 3 of 3; the popup, an event,
// still started it). Here the driver starts it itself, as an event would.
import type { BrowserContext, CDPSession } from 'playwright-core';

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';
interface Version {
  versionId: string;
  scriptURL: string;
  runningStatus: RunningStatus;
}

export interface WorkerControl {
  /** Stops the worker; resolves once the browser reports it stopped. */
  stop(): Promise<void>;
  /** Starts the worker if it is not running (an event may have started it already). */
  ensureRunning(): Promise<void>;
}

export function workerControl(context: BrowserContext, extensionId: string): WorkerControl {
  const scope = `chrome-extension://${extensionId}/`;
  let version: Version | undefined;
  const waiting = new Set<() => void>();
  const status = (want: RunningStatus | 'known'): Promise<Version> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (version && (want === 'known' || version.runningStatus === want)) {
          waiting.delete(check);
          resolve(version);
        }
      };
      waiting.add(check);
      check();
    });

  // Opened at the first stop and kept, so that a stop is one command: tests stop the worker at a
  // given point of its work.
  let opened: Promise<CDPSession> | undefined;
  const session = (): Promise<CDPSession> =>
    (opened ??= (async () => {
      const page = await context.newPage();
      await page.goto(`${scope}manifest.json`);
      const cdp = await context.newCDPSession(page);
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Version[] }) => {
        for (const v of versions) if (v.scriptURL.startsWith(scope)) version = v;
        for (const check of waiting) check();
      });
      // Enabling reports every version there is at once.
      await cdp.send('ServiceWorker.enable');
      await status('known');
      return cdp;
    })());

  return {
    async stop() {
      const cdp = await session();
      const { versionId } = await status('known');
      await cdp.send('ServiceWorker.stopWorker', { versionId });
      await status('stopped');
    },
    async ensureRunning() {
      // Never stopped by the driver: nothing to watch, nothing to start.
      if (!opened) return;
      const cdp = await opened;
      if ((await status('known')).runningStatus !== 'running') await cdp.send('ServiceWorker.startWorker', { scopeURL: scope });
      await status('running');
    },
  };
}
