// URL identity: one article must never count twice because it was reached through a tracking link,
// an AMP mirror or a `www.` alias. Pure functions, used by the content script, the background,
// the engine's identity keys and the pack builder.

/**
 * The longest URL the extension keys or reports, in characters: a page or feed may state any
 * address, and one this long is no article's.
 */
export const MAX_URL_CHARS = 4_096;

// Parameters that identify a campaign or a click, never the document.
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_hsenc',
  '_hsmi',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  'rb_clickid',
  's_cid',
  'cmpid',
  'ncid',
  'ocid',
  'sr_share',
  'share',
  'smid',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'amp',
  'outputtype',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'at_', 'ga_', 'itm_'];

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * The query's name/value pairs. forEach, not the iterators: in a Firefox content script the page's
 * URLSearchParams reaches us through an Xray wrapper whose keys()/entries() are not iterable.
 */
function searchParams(url: URL): [string, string][] {
  const pairs: [string, string][] = [];
  url.searchParams.forEach((value, name) => pairs.push([name, value]));
  return pairs;
}

/** The longest address of a source (a feed, a pack subscription) Storyline stores. */
export const MAX_SOURCE_URL = 2_048;

/** Parses an http(s) URL, resolving it against `base` when given; null for anything else. */
export function parseHttpUrl(raw: string, base?: string): URL | null {
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The URL to show and link to: tracking parameters and the fragment removed, everything else kept.
 * Returns null for URLs that are not http(s).
 */
export function cleanUrl(raw: string, base?: string): string | null {
  return cleanedUrl(raw, base)?.href ?? null;
}

/** cleanUrl's address as parsed: for a caller that reads its parts too, without parsing it again. */
export function cleanedUrl(raw: string, base?: string): URL | null {
  const url = parseHttpUrl(raw, base);
  if (!url) return null;
  url.hash = '';
  // One rewrite of the query, not a delete per parameter: each delete re-serialises the whole query.
  const pairs = searchParams(url);
  const kept = pairs.filter(([name]) => !isTrackingParam(name));
  if (kept.length < pairs.length) url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  return url;
}

/**
 * The identity key of a URL: two addresses of the same document give the same key. Scheme and
 * `www.`/`m.`/`amp.` host prefixes are dropped, AMP path variants folded, tracking parameters and
 * fragments removed, remaining parameters sorted, and a trailing slash or `index.html` ignored.
 */
export function urlKey(raw: string, base?: string): string | null {
  return keyOf(raw, base, true);
}

/**
 * urlKey and displayHost of one address, parsed once: a feed's every item needs both (a refresh
 * reads thousands). `key` is null where urlKey's is.
 */
export function keyAndHost(raw: string): { key: string | null; host: string } | null {
  const url = parseHttpUrl(raw);
  if (!url) return null;
  return { key: raw.length > MAX_URL_CHARS ? null : keyOfParsed(url, true), host: hostOf(url) };
}

function keyOf(raw: string, base: string | undefined, unwrapAmp: boolean): string | null {
  // Refused before parsing: parsing and the rewrites below cost the URL's length, and no
  // address longer than this reaches the background from a page (contracts/page-report.ts).
  if (raw.length > MAX_URL_CHARS) return null;
  const url = parseHttpUrl(raw, base);
  return url ? keyOfParsed(url, unwrapAmp) : null;
}

function keyOfParsed(url: URL, unwrapAmp: boolean): string | null {
  const host = url.hostname.toLowerCase().replace(/^(?:www\d*|m|mobile|amp)\./, '');
  let path = url.pathname
    .replace(/\/amp(?:\.html)?\/?$/i, '/')
    .replace(/\.amp(\.html?)?$/i, '$1')
    .replace(/\/index\.html?$/i, '/');
  // Trailing slashes by hand: /\/+$/ retries from every slash of a long run of them.
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end--;
  path = path.slice(0, end);
  // The AMP cache serves /c/s/host/path (or /v/, /i/): the original lives inside the path.
  const ampCache = /^\/(?:[a-z]\/)?s\/([^/]+)(\/.*)?$/.exec(path);
  if (unwrapAmp && /(^|\.)cdn\.ampproject\.org$/.test(host) && ampCache) {
    // A cache path whose host is not one (`/s/%`) is keyed as the cache's own URL, never as none.
    // Unwrapped once: a cache URL inside a cache URL is no article's address, and unwrapping each
    // level re-parsed the rest of the URL (quadratic, then a stack overflow).
    const original = keyOf(`https://${ampCache[1]}${ampCache[2] ?? '/'}`, undefined, false);
    if (original !== null) return original;
  }
  const params = searchParams(url)
    .filter(([name]) => !isTrackingParam(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  if (path === '') path = '/';
  return `${host}${url.port ? `:${url.port}` : ''}${path}${query}`;
}

/** The host without `www.`, for display and outlet lookup. */
export function displayHost(raw: string): string | null {
  const url = parseHttpUrl(raw);
  return url ? hostOf(url) : null;
}

const hostOf = (url: URL): string => url.hostname.toLowerCase().replace(/^www\d*\./, '');
