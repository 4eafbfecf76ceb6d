// The feed server's own thread (scripts/lib/bench-feeds.ts, startFeedServer): the benchmark times
// the background's work, and in a Node run the background is this process's main thread. A server
// on that thread would add its own work (rendering a hundred feeds, answering their requests) to
// every figure; in the browser runs the server was already another process. The counters live in
// memory shared with the main thread, so reading them there stays synchronous.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { rss, Slot, type BenchFeeds } from './bench-feeds';

const { feeds, shared } = workerData as { feeds: BenchFeeds; shared: Int32Array };
const cache = new Map<string, string>();
let inFlight = 0;

const server = createServer((req, res) => {
  const m = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
  const n = m ? Number(m[1]) : -1;
  const source = feeds.sources[n];
  if (!source) return void res.writeHead(404).end();
  inFlight++;
  if (inFlight > Atomics.load(shared, Slot.MaxInFlight)) Atomics.store(shared, Slot.MaxInFlight, inFlight);
  const served = Atomics.load(shared, Slot.Served);
  const key = `${n}:${served}`;
  const body = cache.get(key) ?? rss(source, n, source.items.slice(0, served));
  cache.set(key, body);
  const answer = (): void => {
    inFlight--;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
    Atomics.add(shared, Slot.Sent, 1);
    Atomics.notify(shared, Slot.Sent);
  };
  const latency = Atomics.load(shared, Slot.Latency);
  if (latency > 0) setTimeout(answer, latency);
  else answer();
});

server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ port: (server.address() as AddressInfo).port }));
parentPort!.on('message', (m) => {
  if (m === 'close') {
    server.closeAllConnections();
    server.close(() => parentPort!.close());
  }
});
