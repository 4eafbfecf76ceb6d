// A feed at an http: address is asked for over https first, as the browsers' own HTTPS-First modes
// ask for pages: fetched in the clear, the reader's list of feeds (and that they use Storyline)
// is read by anyone on their network. Only the same address upgraded is tried, never a guess at
// another one; what does not answer with a feed there within a few seconds is asked for as the
// reader gave it. A host that failed is asked for in the clear for the rest of the worker's life,
// so a site without https costs one failed try per wake, not one per refresh.
import { parseHttpUrl } from '../../formats/url';

/** How long the https try may take before the plain address is asked (Chromium's HTTPS-First waits 3 s). */
export const HTTPS_TRY_MS = 3_000;

const MAX_PLAIN_HOSTS = 500;
const plainHosts = new Set<string>();

/**
 * The https: address to try first for `url`, or null: not an http: address, or one with its own
 * port (a server on port 8080 answers no TLS on it), an address literal or a `localhost` name,
 * which have no certificate to check, or a host that failed the try before.
 */
export function httpsFirst(url: string): string | null {
  const parsed = parseHttpUrl(url);
  if (!parsed || parsed.protocol !== 'http:' || parsed.port !== '') return null;
  const host = parsed.hostname;
  if (isLiteralOrLocal(host) || plainHosts.has(host)) return null;
  parsed.protocol = 'https:';
  return parsed.href;
}

/** The try at `httpsUrl` gave no feed: its host is asked in the clear until the worker ends. */
export function triedInVain(httpsUrl: string): void {
  const host = parseHttpUrl(httpsUrl)?.hostname;
  if (!host) return;
  if (plainHosts.size >= MAX_PLAIN_HOSTS) plainHosts.clear();
  plainHosts.add(host);
}

/** For tests: every host is tried over https again. */
export function forgetPlainHosts(): void {
  plainHosts.clear();
}

function isLiteralOrLocal(host: string): boolean {
  if (host.startsWith('[')) return true;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)) return true;
  return host === 'localhost' || host.endsWith('.localhost');
}
