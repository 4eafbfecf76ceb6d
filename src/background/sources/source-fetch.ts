// Fetching a source the reader added (a feed, a pack, a pack's signature). Conditional requests keep
// refreshes cheap; redirects are followed by hand so each hop is capped and logged; a size cap
// aborts huge bodies while they stream; one timeout covers the whole exchange (the fetcher's, or
// the request's own), and the caller can abandon a request at any time. Every request made
// is reported as a NetworkLogEntry so the options page can list all traffic the extension causes.
import { SOURCE_LIMITS, type FetchErrorReason, type NetworkLogEntry, type SourceFetchResult, type SourcePurpose, type SourceRequest } from '../../formats/source-request';
import { parseHttpUrl } from '../../formats/url';

export interface SourceFetchOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  log?: (entry: NetworkLogEntry) => void;
}

const ACCEPT: Record<SourcePurpose, string> = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  pack: 'application/json, */*;q=0.5',
  'pack-signature': 'text/plain, */*;q=0.5',
};
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

class Failure extends Error {
  constructor(readonly reason: FetchErrorReason, message: string, readonly httpStatus?: number) {
    super(message);
  }
}

/** Reads the body, aborting as soon as it passes `maxBytes` (a Content-Length is not trusted alone). */
async function readCapped(response: Response, maxBytes: number, abort: () => void): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(response.headers.get('content-length'));
  const tooLarge = (): Failure => new Failure('too-large', `larger than ${maxBytes} bytes`);
  if (declared > maxBytes) {
    abort();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      abort();
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) body.set(c, (offset += c.byteLength) - c.byteLength);
  return body;
}


interface Exchange {
  req: SourceRequest;
  doFetch: typeof fetch;
  headers: Record<string, string>;
  signal: AbortSignal;
  maxBytes: number;
  abort: () => void;
  log: (entry: NetworkLogEntry) => void;
}

type Hop = SourceFetchResult | { status: 'redirect'; next: string | null };

/** One request; a redirect answers with the next URL (null: let the browser follow it). */
async function hop(x: Exchange, url: string, follow: boolean): Promise<Hop> {
  const started = Date.now();
  let status: number | null = null;
  let bytes = 0;
  // Where the answer came from: a redirect the browser followed (its hops hidden from us) ends at
  // another address, which the log names, so the reader sees every host a source led to.
  let answeredBy = url;
  const log = (outcome: NetworkLogEntry['outcome'], error?: string): void =>
    x.log({ at: new Date(started).toISOString(), method: 'GET', url: answeredBy, purpose: x.req.purpose, status, outcome, bytes, durationMs: Date.now() - started, ...(error ? { error } : {}) });
  try {
    // Cookies are never sent: a feed request must not identify the reader to the publisher.
    const init: RequestInit = { headers: x.headers, redirect: follow ? 'follow' : 'manual', credentials: 'omit', cache: 'no-store', signal: x.signal };
    const response = await x.doFetch(url, init);
    status = response.status;
    if (response.url) answeredBy = response.url;
    // Browsers hide a manual redirect's Location (an opaque redirect): the browser follows it, capped by itself.
    if (response.type === 'opaqueredirect') {
      log('redirect');
      return { status: 'redirect', next: null };
    }
    const location = response.headers.get('location');
    if (REDIRECTS.has(response.status) && location) {
      await response.body?.cancel();
      log('redirect');
      const next = parseHttpUrl(location, url)?.href;
      if (!next) throw new Failure('bad-url', `redirected to a non-http(s) URL: ${location}`);
      return { status: 'redirect', next };
    }
    if (response.status === 304) {
      log('not-modified');
      return { status: 'not-modified', finalUrl: response.url || url, date: response.headers.get('date') };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Failure('http', `HTTP ${response.status} ${response.statusText}`.trim(), response.status);
    }
    const body = await readCapped(response, x.maxBytes, x.abort);
    bytes = body.byteLength;
    log('fresh');
    const header = (name: string): string | null => response.headers.get(name);
    return { status: 'fresh', body, contentType: header('content-type'), etag: header('etag'), lastModified: header('last-modified'), finalUrl: response.url || url, date: header('date') };
  } catch (err) {
    const failure = err instanceof Failure ? err : x.signal.aborted ? new Failure('timeout', 'timed out') : new Failure('network', err instanceof Error ? err.message : String(err));
    log('error', failure.message);
    throw failure;
  }
}

/**
 * GETs a source; never throws: failures come back as `{ status: 'error' }` with a reason. With a
 * `slot`, the request goes out once it holds one, and its time limit starts then.
 */
export async function fetchSource(req: SourceRequest, opts: SourceFetchOptions = {}): Promise<SourceFetchResult> {
  const release = req.slot ? await req.slot() : undefined;
  try {
    return await request(req, opts);
  } finally {
    release?.();
  }
}

async function request(req: SourceRequest, opts: SourceFetchOptions): Promise<SourceFetchResult> {
  const { maxBytes, maxRedirects } = { ...SOURCE_LIMITS, ...opts };
  const timeoutMs = req.timeoutMs ?? opts.timeoutMs ?? SOURCE_LIMITS.timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const abandon = (): void => controller.abort();
  req.signal?.addEventListener('abort', abandon, { once: true });
  if (req.signal?.aborted) controller.abort();
  const headers: Record<string, string> = { accept: ACCEPT[req.purpose] };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  // The global fetch called as a method of another object throws "Illegal invocation" in a service
  // worker: the default is a closure that calls it on the global scope.
  const x: Exchange = {
    req, headers, maxBytes, signal: controller.signal, doFetch: opts.fetch ?? ((input, init) => fetch(input, init)),
    abort: () => controller.abort(), log: opts.log ?? (() => undefined),
  };
  try {
    let url = parseHttpUrl(req.url)?.href;
    if (!url) throw new Failure('bad-url', `not an http(s) URL: ${req.url}`);
    let follow = false;
    for (let redirects = 0; ; ) {
      const result = await hop(x, url, follow);
      if (result.status !== 'redirect') return result;
      if (result.next === null) follow = true;
      else if (++redirects > maxRedirects) throw new Failure('too-many-redirects', `more than ${maxRedirects} redirects`);
      else url = result.next;
    }
  } catch (err) {
    const f = err instanceof Failure ? err : new Failure('network', String(err));
    // A size-cap abort also aborts the signal; only a failure without its own reason is the timer's.
    const message = f.reason === 'timeout' ? `no complete answer within ${timeoutMs} ms` : f.message;
    return { status: 'error', reason: f.reason, message, ...(f.httpStatus === undefined ? {} : { httpStatus: f.httpStatus }) };
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', abandon);
  }
}
