// An HTTP server on 127.0.0.1 for the source tests. Routes are plain node:http handlers so a test
// can answer conditionally, redirect, stream a huge body slowly or hold the first byte back.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface LocalServer {
  url: (path: string) => string;
  /** Every request received, in order. */
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close: () => Promise<void>;
}

export async function startServer(routes: Record<string, Route>): Promise<LocalServer> {
  const requests: LocalServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    // A browser tab asks every site for its icon; the 404 it would get lands in the page's console,
    // which the e2e tests read as the page's errors. It is no request a test makes, so not logged.
    if (path === '/favicon.ico' && !routes[path]) return void res.writeHead(204).end();
    requests.push({ path, headers: req.headers });
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A route that answers once with a fixed status, headers and body. */
export const answer =
  (status: number, headers: Record<string, string>, body = ''): Route =>
  (_req, res) => {
    res.writeHead(status, headers).end(body);
  };
