// The extension service worker's JS heap, read through DevTools (Chromium), for the benchmarks:
// `used()` after a garbage collection (what stays); `peakDuring(work)`, the largest heap seen while
// `work` runs, sampled without collecting (garbage not yet collected counts too); and
// `livePeakDuring(work)`, the largest heap seen right after a collection, sampled between the
// worker's tasks while `work` runs (what it holds at once; a peak inside one synchronous step, such
// as JSON.parse, is not seen, but what that step leaves behind is). `profile(work)`: a V8 CPU
// profile of the worker while `work` runs (the same format Node's profiler writes).
import type { BrowserContext } from 'playwright-core';

export interface WorkerHeap {
  used(): Promise<number>;
  peakDuring<T>(work: () => Promise<T>, everyMs?: number): Promise<{ result: T; peak: number }>;
  livePeakDuring<T>(work: () => Promise<T>, everyMs?: number): Promise<{ result: T; peak: number; samples: number }>;
  profile<T>(work: () => Promise<T>): Promise<{ result: T; profile: unknown }>;
}

export async function workerHeap(context: BrowserContext, extensionId: string): Promise<WorkerHeap> {
  const cdp = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; targetId: string; url: string }[] };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
  if (!target) throw new Error('no service worker target');
  // Not flattened: Playwright's own session to the worker stays as it is.
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let id = 0;
  const call = <R = Record<string, number>>(method: string, params?: Record<string, unknown>): Promise<R> =>
    new Promise((resolve) => {
      const mine = ++id;
      const on = (event: { message: string }): void => {
        const message = JSON.parse(event.message) as { id?: number; result?: R };
        if (message.id !== mine) return;
        cdp.off('Target.receivedMessageFromTarget', on);
        resolve(message.result ?? ({} as R));
      };
      cdp.on('Target.receivedMessageFromTarget', on);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method, params }) });
    });
  const usage = async (): Promise<number> => (await call('Runtime.getHeapUsage'))['usedSize'] ?? NaN;
  const live = async (): Promise<number> => {
    await call('HeapProfiler.collectGarbage');
    return usage();
  };
  return {
    used: live,
    async profile(work) {
      await call('Profiler.enable');
      await call('Profiler.setSamplingInterval', { interval: 100 });
      await call('Profiler.start');
      const result = await work();
      const { profile } = await call<{ profile: unknown }>('Profiler.stop');
      return { result, profile };
    },
    async livePeakDuring(work, everyMs = 250) {
      let peak = 0;
      let samples = 0;
      let running = true;
      const sampling = (async () => {
        while (running) {
          peak = Math.max(peak, await live());
          samples++;
          await new Promise((resolve) => setTimeout(resolve, everyMs));
        }
      })();
      try {
        const result = await work();
        return { result, peak, samples };
      } finally {
        running = false;
        await sampling;
      }
    },
    async peakDuring(work, everyMs = 100) {
      let peak = await usage();
      let running = true;
      const sampling = (async () => {
        while (running) {
          peak = Math.max(peak, await usage());
          await new Promise((resolve) => setTimeout(resolve, everyMs));
        }
      })();
      try {
        const result = await work();
        return { result, peak: Math.max(peak, await usage()) };
      } finally {
        running = false;
        await sampling;
      }
    },
  };
}
