// What a source request is and what it answers, as the background's fetcher (background/sources/
// source-fetch.ts), the stored network log and the options page share them: types and pure helpers only.
import { parseHttpUrl } from './url';

export type SourcePurpose = 'feed' | 'pack' | 'pack-signature';

export interface NetworkLogEntry {
  /** ISO time the request started. */
  at: string;
  method: 'GET';
  url: string;
  purpose: SourcePurpose;
  /** HTTP status; null when no response arrived. */
  status: number | null;
  outcome: 'fresh' | 'not-modified' | 'redirect' | 'error';
  /** Body bytes received. */
  bytes: number;
  durationMs: number;
  error?: string;
}

export interface SourceRequest {
  url: string;
  purpose: SourcePurpose;
  /** Validators from the last fresh answer, sent back as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  /** This request's own time limit (a batch gives each source one), instead of the fetcher's. */
  timeoutMs?: number;
  /** Abandons the request (reported as a timeout: the caller gave up waiting). */
  signal?: AbortSignal;
  /**
   * Waits for a place among the requests in flight (a batch allows six) and answers the function
   * that gives it back: the fetcher takes it just before the request goes out and gives it back
   * once the answer is read, so checks and logging around the request hold no place.
   */
  slot?: () => Promise<() => void>;
}

export type FetchErrorReason = 'bad-url' | 'network' | 'timeout' | 'too-large' | 'too-many-redirects' | 'http';

/**
 * An answer's `date` is its Date header, the server's clock when it answered (absent where a
 * fetcher does not say): feed-fetch.ts windows items by it when the reader's clock is far ahead.
 */
export type SourceFetchResult =
  | { status: 'fresh'; body: Uint8Array<ArrayBuffer>; contentType: string | null; etag: string | null; lastModified: string | null; finalUrl: string; date?: string | null }
  | { status: 'not-modified'; finalUrl: string; date?: string | null }
  | { status: 'error'; reason: FetchErrorReason; message: string; httpStatus?: number };

export const SOURCE_LIMITS = { timeoutMs: 20_000, maxBytes: 5_000_000, maxRedirects: 5 };

/**
 * The host permission a source needs (`https://host/*`), to request through
 * `optional_host_permissions` when the reader adds it; null for anything but http(s).
 */
export function sourcePermission(url: string): string | null {
  const parsed = parseHttpUrl(url);
  return parsed ? `${parsed.protocol}//${parsed.hostname}/*` : null;
}
