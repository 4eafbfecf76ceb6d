// The directory of news sources shipped in the extension (assets/directory/outlets.json, schema
// schemas/directory.schema.json, choices in docs/directory.md): its types, its validator, and what
// a page offering it needs: search, the recommended set, feed addresses, host permission patterns.
// Pure (no browser API) and self-contained: its one import, ./directory-search, moves with it.
// The shipped file is checked by a unit test; validateDirectory guards whatever is read at run time.

export const DIRECTORY_FORMAT = 1;
/** Where the build puts the file: `fetch(runtime.getURL(DIRECTORY_PATH))`. */
export const DIRECTORY_PATH = 'directory/outlets.json';
export const OUTLET_KINDS = ['wire', 'newspaper', 'broadcaster', 'magazine', 'digital'] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];
export const FEED_ROLES = ['top', 'opinion'] as const;
export type FeedRole = (typeof FEED_ROLES)[number];

/**
 * Feed services that fetch or rewrite other sites' feeds: a request to them tells a third party what
 * the reader follows. An outlet whose feed lives on one must name it in `via`.
 */
export const PROXY_HOSTS = ['openrss.org', 'news.google.com', 'feedburner.com', 'reddit.com', 'rsshub.app', 'rss.app', 'fetchrss.com', 'feed43.com', 'politepol.com', 'hnrss.org'];

export interface DirectoryOutlet {
  /** The outlet's registrable domain, or its own host where that domain is shared (abcnews.go.com). */
  id: string;
  name: string;
  /** Host of the outlet's article pages without `www.`: `id` or a host under it. */
  domain: string;
  /** ISO 3166-1 alpha-2 code of the country the newsroom is based in. */
  country: string;
  kind: OutletKind;
  /** `top`: the outlet's main news feed; `opinion`: its opinion section's feed, where it has one. */
  feeds: { top: string; opinion?: string };
  /** Where each feed address came from: `kite-core:<section>`, `kite:<category>` or `outlet`. */
  from: { top: string; opinion?: string };
  /** The third-party feed service the feeds go through (then never recommended). */
  via?: string;
}

export interface Directory {
  format: typeof DIRECTORY_FORMAT;
  /** The day the list was assembled (YYYY-MM-DD); `note` says against what. */
  checked: string;
  note?: string;
  /** Ids of a balanced starter set, in the order to show them. */
  recommended: string[];
  outlets: DirectoryOutlet[];
}

export type DirectoryValidation = { ok: true; directory: Directory } | { ok: false; errors: string[] };

// ISO 3166-1 alpha-2, all 249 assigned codes (Debian iso-codes); the schema's enum holds the same list.
export const COUNTRY_CODES: ReadonlySet<string> = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
    'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
    'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
    'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
    'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
    'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '),
);

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FROM = /^(?:kite-core:\S.*|kite:\S.*|outlet)$/;
const FEED_URL = /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9](?:[/?#]\S*)?$/;
const NOT_FEED_URL = 'not an http(s) URL with a lower-case domain name';
const MAX_URL = 2048;
const ROOT_KEYS = new Set(['$schema', 'format', 'checked', 'note', 'recommended', 'outlets']);
const OUTLET_KEYS = new Set(['id', 'name', 'domain', 'country', 'kind', 'feeds', 'from', 'via']);
const ROLE_KEYS: ReadonlySet<string> = new Set(FEED_ROLES);

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const under = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);

function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The feed URL parsed, or why it is refused. Written as fetched: scheme and host in lower case, a
 * domain name (no IP address, port or trailing dot), so a proxy's host cannot hide behind a spelling.
 */
function parseFeedUrl(value: unknown): URL | string {
  if (!isText(value)) return 'must be a non-empty string';
  if (/^https?:\/\/[^/?#]*@/i.test(value)) return 'must not carry a user name or password';
  if (value.length > MAX_URL || !FEED_URL.test(value)) return NOT_FEED_URL;
  try {
    return new URL(value);
  } catch {
    return NOT_FEED_URL;
  }
}

class Walk {
  readonly errors: string[] = [];
  add(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }
  unknownKeys(obj: Rec, allowed: ReadonlySet<string>, path: string): void {
    for (const key of Object.keys(obj)) if (!allowed.has(key)) this.add(path ? `${path}.${key}` : key, 'unknown field');
  }
  text(obj: Rec, key: string, path: string, optional = false): string | undefined {
    const value = obj[key];
    if (value === undefined && optional) return undefined;
    if (isText(value)) return value;
    this.add(`${path}.${key}`, 'must be a non-empty string');
    return undefined;
  }
}

interface Seen {
  ids: Map<string, number>;
  domains: Map<string, number>;
  /** Feed URL as parsed, without its scheme (`HTTPS://X.com/a` is `//x.com/a`) → where first seen. */
  urls: Map<string, string>;
}

function validateFeeds(walk: Walk, outlet: Rec, path: string, seen: Seen): [FeedRole, URL][] {
  const feeds = outlet['feeds'];
  const from = isRecord(outlet['from']) ? outlet['from'] : undefined;
  if (from) walk.unknownKeys(from, ROLE_KEYS, `${path}.from`);
  else walk.add(`${path}.from`, 'must be an object');
  if (!isRecord(feeds)) {
    walk.add(`${path}.feeds`, 'must be an object');
    return [];
  }
  walk.unknownKeys(feeds, ROLE_KEYS, `${path}.feeds`);
  const urls: [FeedRole, URL][] = [];
  for (const role of FEED_ROLES) {
    const place = `${path}.feeds.${role}`;
    if (feeds[role] === undefined) {
      if (role === 'top') walk.add(place, 'must be a non-empty string');
      else if (from?.[role] !== undefined) walk.add(`${path}.from.${role}`, `says where a feed came from, but feeds.${role} is absent`);
      continue;
    }
    const parsed = parseFeedUrl(feeds[role]);
    if (typeof parsed === 'string') walk.add(place, parsed);
    else {
      // One feed under http and https is still one feed.
      const key = parsed.href.slice(parsed.protocol.length);
      const first = seen.urls.get(key);
      if (first) walk.add(place, `duplicate feed URL (also ${first})`);
      else seen.urls.set(key, place);
      urls.push([role, parsed]);
    }
    const origin = from?.[role];
    if (from && !(typeof origin === 'string' && FROM.test(origin))) {
      walk.add(`${path}.from.${role}`, "must be 'kite-core:<section>', 'kite:<category>' or 'outlet'");
    }
  }
  return urls;
}

function validateOutlet(walk: Walk, value: unknown, index: number, seen: Seen): void {
  const path = `outlets[${index}]`;
  if (!isRecord(value)) return walk.add(path, 'must be an object');
  walk.unknownKeys(value, OUTLET_KEYS, path);
  const id = walk.text(value, 'id', path);
  if (id !== undefined) {
    if (!HOSTNAME.test(id)) walk.add(`${path}.id`, 'not a lower-case domain name');
    const first = seen.ids.get(id);
    if (first !== undefined) walk.add(`${path}.id`, `duplicate id '${id}' (also outlets[${first}])`);
    else seen.ids.set(id, index);
  }
  walk.text(value, 'name', path);
  const domain = walk.text(value, 'domain', path);
  if (domain !== undefined) {
    const first = seen.domains.get(domain);
    if (!HOSTNAME.test(domain)) walk.add(`${path}.domain`, 'not a lower-case domain name');
    else if (id !== undefined && HOSTNAME.test(id) && !under(domain, id)) walk.add(`${path}.domain`, `'${domain}' is neither the id '${id}' nor a host under it`);
    if (first !== undefined) walk.add(`${path}.domain`, `duplicate domain '${domain}' (also outlets[${first}])`);
    else seen.domains.set(domain, index);
  }
  if (!(typeof value['country'] === 'string' && COUNTRY_CODES.has(value['country']))) walk.add(`${path}.country`, 'must be an ISO 3166-1 alpha-2 code');
  if (!(OUTLET_KINDS as readonly unknown[]).includes(value['kind'])) walk.add(`${path}.kind`, `must be one of ${OUTLET_KINDS.join(', ')}`);
  const urls = validateFeeds(walk, value, path, seen);
  const via = walk.text(value, 'via', path, true);
  if (via !== undefined && !HOSTNAME.test(via)) walk.add(`${path}.via`, 'not a lower-case domain name');
  for (const [role, url] of urls) {
    const proxy = PROXY_HOSTS.find((host) => under(url.hostname, host));
    if (via === undefined && proxy) walk.add(`${path}.feeds.${role}`, `goes through ${proxy}, a third party: name it in "via"`);
    if (via !== undefined && HOSTNAME.test(via) && !under(url.hostname, via)) walk.add(`${path}.feeds.${role}`, `host ${url.hostname} is not the "via" service ${via}`);
  }
}

function validateRecommended(walk: Walk, value: unknown, outlets: unknown[], ids: Map<string, number>): void {
  if (!Array.isArray(value)) return walk.add('recommended', 'must be an array');
  const chosen = new Set<string>();
  value.forEach((id, i) => {
    const path = `recommended[${i}]`;
    if (!isText(id)) return walk.add(path, 'must be a non-empty string');
    if (chosen.has(id)) return walk.add(path, `duplicate id '${id}'`);
    chosen.add(id);
    const at = ids.get(id);
    if (at === undefined) return walk.add(path, `unknown outlet '${id}'`);
    const outlet = outlets[at];
    if (isRecord(outlet) && outlet['via'] !== undefined) walk.add(path, `'${id}' is fetched through ${String(outlet['via'])}; the recommended set holds outlets' own feeds only`);
  });
}

/** Checks a directory read from anywhere; every error names its place (`outlets[3].feeds.top: …`). Linear time. */
export function validateDirectory(value: unknown): DirectoryValidation {
  const walk = new Walk();
  if (!isRecord(value)) return { ok: false, errors: ['directory: must be an object'] };
  walk.unknownKeys(value, ROOT_KEYS, '');
  if (value['format'] !== DIRECTORY_FORMAT) walk.add('format', `must be ${DIRECTORY_FORMAT}`);
  if (!(typeof value['checked'] === 'string' && isRealDate(value['checked']))) walk.add('checked', 'must be a date YYYY-MM-DD');
  if (value['note'] !== undefined && !isText(value['note'])) walk.add('note', 'must be a non-empty string');
  if (value['$schema'] !== undefined && typeof value['$schema'] !== 'string') walk.add('$schema', 'must be a string');
  const outlets = value['outlets'];
  const seen: Seen = { ids: new Map(), domains: new Map(), urls: new Map() };
  if (!Array.isArray(outlets) || outlets.length === 0) walk.add('outlets', 'must be a non-empty array');
  else outlets.forEach((outlet, i) => validateOutlet(walk, outlet, i, seen));
  validateRecommended(walk, value['recommended'], Array.isArray(outlets) ? outlets : [], seen.ids);
  // Every field read above has the type Directory declares and no other field exists.
  return walk.errors.length ? { ok: false, errors: walk.errors } : { ok: true, directory: value as unknown as Directory };
}

/** The recommended outlets, in the file's order. */
export function recommendedOutlets(directory: Directory): DirectoryOutlet[] {
  const byId = new Map(directory.outlets.map((o) => [o.id, o]));
  return directory.recommended.flatMap((id) => byId.get(id) ?? []);
}

/** The feed addresses to subscribe to for `outlets`: each top feed, and opinion feeds when asked; no repeats. */
export function feedUrlsOf(outlets: readonly DirectoryOutlet[], options: { opinion: boolean }): string[] {
  const urls = new Set<string>();
  for (const outlet of outlets) {
    urls.add(outlet.feeds.top);
    if (options.opinion && outlet.feeds.opinion) urls.add(outlet.feeds.opinion);
  }
  return [...urls];
}

/**
 * The `origins` for one `permissions.request` covering every URL: `https://host/*` per host (the
 * scheme of each URL, as the background checks before a fetch), without repeats. Match patterns
 * take no port. Anything that is not an http(s) URL asks for nothing.
 */
export function hostPatternsOf(urls: Iterable<string>): string[] {
  const patterns = new Set<string>();
  for (const raw of urls) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    if (url.protocol === 'http:' || url.protocol === 'https:') patterns.add(`${url.protocol}//${url.hostname}/*`);
  }
  return [...patterns];
}

export { countryName, foldText, searchOutlets } from './directory-search';
