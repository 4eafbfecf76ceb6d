/// <reference types="chrome" />
// A stopped service worker answers a page that is itself a stored report from the URL-key index,
// without loading the engine's index; a page the engine has to match does load it. Chromium only:
// stopping a service worker on demand is Chrome DevTools Protocol (`ServiceWorker.stopAllWorkers`);
// Firefox's background is an event page that automation cannot put to sleep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { launchWithExtension } from '../../scripts/lib/chromium';
import { coldPack } from '../../scripts/lib/cold-pack';
import { BROWSERS, LAUNCHER, ROOT } from './harness';
import { E2E_BUILD } from '../../scripts/build';

const html = (title: string, lead: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><meta property="og:type" content="article"></head><body><main><article><h1>${title}</h1>${`<p>${`${lead} ${title}. `.repeat(3)}</p>`.repeat(6)}</article></main></body></html>`;

test('a cold worker answers a stored report by its URL without loading the engine', { skip: BROWSERS.includes('chromium') ? false : 'Chromium only: stopping the worker is a CDP call' }, async () => {
  const browser = await launchWithExtension(join(ROOT, E2E_BUILD, 'chrome'));
  try {
    const pack = coldPack(300);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('[data-testid="import"]');
    const call = (type: string, payload: unknown): Promise<unknown> =>
      options.evaluate(async ([t, p]) => {
        const answer = (await chrome.runtime.sendMessage({ type: t, payload: p })) as { ok: boolean; error?: unknown; value?: unknown };
        if (!answer.ok) throw new Error(`${t}: ${JSON.stringify(answer.error)}`);
        return answer.value;
      }, [type, payload] as const);
    await call('pack/import', { text: JSON.stringify(pack) });
    await call('sources/state', {}); // after the queued index rebuild: its snapshot is saved

    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    const open = async (url: string, report: { title: string; excerpt?: string }): Promise<Page> => {
      const tab = await browser.context.newPage();
      await tab.route(/^https?:\/\//, (route) => (route.request().url() === url ? route.fulfill({ contentType: 'text/html', body: html(report.title, report.excerpt ?? '') }) : route.abort()));
      await tab.goto(url);
      await tab.locator(LAUNCHER).waitFor({ timeout: 20_000 });
      return tab;
    };
    /** The running worker (a new one after a stop) and how often it has loaded the index. */
    const loads = async (): Promise<number> => {
      for (;;) {
        const workers = browser.context.serviceWorkers();
        const worker: Worker | undefined = workers[workers.length - 1];
        const count = await worker?.evaluate(() => (globalThis as unknown as { storyline: { indexLoads(): number } }).storyline.indexLoads()).catch(() => undefined);
        if (count !== undefined) return count;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    await cdp.send('ServiceWorker.stopAllWorkers');
    const stored = pack.stories[123]!.articles[1]!;
    const reportTab = await open(stored.url!, stored);
    assert.match((await reportTab.locator(LAUNCHER).textContent()) ?? '', /2/, 'the two other reports of its story');
    assert.equal(await loads(), 0, 'the stored report was answered without the engine');

    // The same worker then matches a copy of a report at an unknown address: through the engine.
    const copy = pack.stories[45]!.articles[0]!;
    await open('https://mirror.example/syndicated/45', copy);
    assert.equal(await loads(), 1);

    // And a cold worker loads the index (from its snapshot) for such a page.
    await cdp.send('ServiceWorker.stopAllWorkers');
    const other = pack.stories[201]!.articles[2]!;
    await open('https://mirror.example/syndicated/201', other);
    assert.equal(await loads(), 1);
  } finally {
    await browser.close();
  }
});
