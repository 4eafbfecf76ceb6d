// A tiny HTTP server on 127.0.0.1 for the demo and the end-to-end tests: in-memory pages plus
// optional folders mounted under a prefix. Never listens beyond loopback.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  origin: string;
  server: Server;
  close(): Promise<void>;
}

export async function startStaticServer(
  pages: Map<string, string>,
  mounts: Record<string, string> = {},
  port = 0,
): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const page = pages.get(path);
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? TYPES['.html']! });
      response.end(page);
      return;
    }
    // Chromium asks every site for its icon and logs a 404 in the page's console, where the tests
    // look for errors; these sites have none.
    if (path === '/favicon.ico') {
      response.writeHead(204);
      response.end();
      return;
    }
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      // Refuse anything that climbs out of the mounted folder.
      if (!file.startsWith(normalize(dir) + sep) || !existsSync(file) || !statSync(file).isFile()) break;
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
