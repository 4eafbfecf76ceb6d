// A small private internet for end-to-end tests: outlets under their real host names (the feed
// addresses of the shipped directory are https://www.example-outlet.com/…), all served from this
// process on 127.0.0.1, so no test touches the internet.
//
// Both browsers reach it through one local proxy: plain http is answered by the proxy itself, and an
// https CONNECT to a known host is piped to a local TLS server whose certificate (made with openssl
// for this run) names every host. A request for any other host is refused, as the offline machine
// would. The browsers are told to accept the certificate (Chromium --ignore-certificate-errors,
// Firefox's WebDriver acceptInsecureCerts): it is a test certificate for hosts that do not exist here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Server } from 'node:net';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SiteResponse {
  status?: number;
  type?: string;
  body: string;
  /** Extra headers (a Location for redirects). */
  headers?: Record<string, string>;
  /** Answer only after this long (a stalled source). */
  delayMs?: number;
}

/** Answers a path of one host, or null for 404. */
export type Site = (path: string) => SiteResponse | null;

export interface OutletNetwork {
  /** `http://127.0.0.1:<port>`: the proxy both browsers are given. */
  proxyUrl: string;
  /** Requests each host received, in order (path only). */
  readonly requests: Map<string, string[]>;
  /** Most requests any one moment had in flight, over all hosts. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

function makeCertificate(hosts: readonly string[]): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-tls-'));
  try {
    const san = hosts.map((h) => `DNS:${h}`).join(',');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=storyline-test-outlets', '-addext', `subjectAltName=${san}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

export async function startOutletNetwork(sites: ReadonlyMap<string, Site>): Promise<OutletNetwork> {
  const requests = new Map<string, string[]>();
  let inFlight = 0;
  let maxInFlight = 0;

  const answer = (host: string, req: IncomingMessage, res: ServerResponse): void => {
    const site = sites.get(host);
    const path = new URL(req.url ?? '/', `http://${host}`).pathname + (new URL(req.url ?? '/', `http://${host}`).search || '');
    if (!site) {
      res.writeHead(502).end();
      return;
    }
    requests.set(host, [...(requests.get(host) ?? []), path]);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const found = site(path);
    const finish = (): void => {
      inFlight--;
      if (!found) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      else res.writeHead(found.status ?? 200, { 'content-type': found.type ?? 'text/html; charset=utf-8', ...found.headers }).end(found.body);
    };
    if (found?.delayMs) {
      const timer = setTimeout(finish, found.delayMs);
      res.on('close', () => clearTimeout(timer));
      req.on('close', () => {
        if (!res.writableEnded) {
          clearTimeout(timer);
          inFlight--;
        }
      });
    } else finish();
  };
  const hostOf = (req: IncomingMessage): string => (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();

  const tls = createHttpsServer(makeCertificate([...sites.keys()]), (req, res) => answer(hostOf(req), req, res));
  const tlsPort = await listen(tls);
  // The proxy: absolute-form http requests are answered here; CONNECT to a known host goes to `tls`.
  const proxy = createHttpServer((req, res) => {
    let host = '';
    try {
      host = new URL(req.url ?? '').hostname.toLowerCase();
    } catch {
      host = hostOf(req);
    }
    answer(host, req, res);
  });
  // A CONNECT socket leaves the HTTP server's own bookkeeping (closeAllConnections does not reach
  // it), yet the server's close waits for it: kept here, so close ends every tunnel itself.
  const tunnels = new Set<Duplex>();
  proxy.on('connect', (req: IncomingMessage, socket, head: Buffer) => {
    const [host = '', port = '443'] = (req.url ?? '').toLowerCase().split(':');
    if (!sites.has(host) || port !== '443') {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    const upstream = connect(tlsPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    const drop = (): void => {
      upstream.destroy();
      socket.destroy();
    };
    upstream.on('error', drop);
    socket.on('error', drop);
    socket.on('close', drop);
  });
  const proxyPort = await listen(proxy);
  return {
    proxyUrl: `http://127.0.0.1:${proxyPort}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    close: async () => {
      proxy.closeAllConnections();
      tls.closeAllConnections();
      for (const socket of tunnels) socket.destroy();
      await Promise.all([new Promise((r) => proxy.close(r)), new Promise((r) => tls.close(r))]);
    },
  };
}
