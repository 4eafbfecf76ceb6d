// The benchmark's feed server (scripts/lib/bench-feeds.ts, startFeedServer), on whichever thread
// asks for it. Its counters live in an Int32Array that may be shared with another thread, so the
// benchmark reads and sets them synchronously either way. Run as a worker thread's module (with
// `workerData`), it serves at once and reports its port to the thread that started it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { rss, Slot, type BenchFeeds } from './bench-feeds';

export interface Serving {
  port: number;
  close(): Promise<void>;
}

export async function serveFeeds(feeds: BenchFeeds, counters: Int32Array): Promise<Serving> {
  const cache = new Map<string, string>();
  let inFlight = 0;
  const server = createServer((req, res) => {
    const m = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
    const n = m ? Number(m[1]) : -1;
    const source = feeds.sources[n];
    if (!source) return void res.writeHead(404).end();
    inFlight++;
    if (inFlight > Atomics.load(counters, Slot.MaxInFlight)) Atomics.store(counters, Slot.MaxInFlight, inFlight);
    const served = Atomics.load(counters, Slot.Served);
    const key = `${n}:${served}`;
    const body = cache.get(key) ?? rss(source, n, source.items.slice(0, served));
    cache.set(key, body);
    const answer = (): void => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
      Atomics.add(counters, Slot.Sent, 1);
      Atomics.notify(counters, Slot.Sent);
    };
    const latency = Atomics.load(counters, Slot.Latency);
    if (latency > 0) setTimeout(answer, latency);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

// Started by startFeedServer({ ownThread: true }) only: another worker thread that imports this module
// (through bench-feeds.ts) with data of its own must not start a server.
const started = workerData as { feedServer?: { feeds: BenchFeeds; shared: Int32Array } } | null;
if (!isMainThread && parentPort && started?.feedServer) {
  const port = parentPort;
  const { feeds, shared } = started.feedServer;
  const serving = await serveFeeds(feeds, shared);
  port.on('message', (m) => {
    if (m === 'close') void serving.close().then(() => port.close());
  });
  port.postMessage({ port: serving.port });
}
