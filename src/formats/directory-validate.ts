// Checks a directory read from anywhere; every error names its place (`outlets[3].feeds.top: …`).
// schemas/directory.schema.json is the one description of the file: the validator generated from
// it (src/formats/generated/directory-schema.js, npm run gen:validators) checks every field's type,
// pattern and the unknown ones. What follows is only what JSON Schema cannot say: ids, domains (and other hosts) and
// feeds unique across outlets, a domain under its id, real calendar dates, which proxy a feed goes
// through and whether "via" names it, recommended ids that exist. Linear time.
import type { Directory, DirectoryValidation } from './directory';
import { layout, validate } from './generated/directory-schema';
import { quoted } from './guards';
import { locate, mergeErrors, schemaErrors, type PlacedError, type SchemaMessages } from './schema-check';

/**
 * Feed services that fetch or rewrite other sites' feeds: a request to them tells a third party what
 * the reader follows. An outlet whose feed lives on one must name it in `via`. The schema's
 * `notProxied` pattern lists the same hosts (test/unit/directory-schema.test.ts); this list names
 * the one a feed goes through.
 */
export const PROXY_HOSTS = ['openrss.org', 'news.google.com', 'feedburner.com', 'reddit.com', 'rsshub.app', 'rss.app', 'fetchrss.com', 'feed43.com', 'politepol.com', 'hnrss.org'];

const FEED_ROLES = ['top', 'opinion'] as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MESSAGES: SchemaMessages = {
  always: {
    date: 'must be a date YYYY-MM-DD',
    'outlet.country': 'must be an ISO 3166-1 alpha-2 code',
    'outlet[]': 'must be a non-empty array',
    from: "must be 'kite-core:<section>', 'kite:<category>' or 'outlet'",
  },
  type: { $schema: 'must be a string' },
  invalid: { hostname: 'not a lower-case domain name', feedUrl: 'not an http(s) URL with a lower-case domain name' },
  // Reported below with more to say: the duplicate's first place, the proxy's name, the absent feed.
  ignore: new Set(['*:if', '*:uniqueItems', 'feedUrl:not', 'outlet.from:not']),
};

type Rec = Record<string, unknown>;
type Segment = string | number;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const under = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);

function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function parsedUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

class Beyond {
  readonly errors: (PlacedError & { override?: boolean })[] = [];
  readonly ids = new Map<string, number>();
  readonly domains = new Map<string, number>();
  /** Feed URL as parsed, without its scheme (`HTTPS://X.com/a` is `//x.com/a`) → where first seen. */
  readonly urls = new Map<string, string>();
  /** `refused`: the places the schema refused; a check that needs a well-formed value skips them. */
  constructor(readonly refused: ReadonlySet<string>) {}

  add(path: Segment[], message: string, override = false): void {
    this.errors.push({ ...locate(layout, path.map(String), 'directory'), message, ...(override ? { override } : {}) });
  }
  ok(path: Segment[]): boolean {
    return !this.refused.has(locate(layout, path.map(String), 'directory').place);
  }
  /** A string seen before in `seen` is reported with where it was first. */
  unique(seen: Map<string, number>, value: unknown, index: number, path: Segment[], what: string): void {
    if (typeof value !== 'string') return;
    const first = seen.get(value);
    if (first !== undefined) this.add(path, `duplicate ${what} '${value}' (also outlets[${first}])`);
    else seen.set(value, index);
  }
}

function checkFeeds(beyond: Beyond, outlet: Rec, path: Segment[]): void {
  const feeds = isRecord(outlet['feeds']) ? outlet['feeds'] : {};
  const from = isRecord(outlet['from']) ? outlet['from'] : {};
  const via = typeof outlet['via'] === 'string' && beyond.ok([...path, 'via']) ? outlet['via'] : undefined;
  for (const role of FEED_ROLES) {
    const place = [...path, 'feeds', role];
    const value = feeds[role];
    // An absent top feed is refused as such (the schema requires it), not through its origin.
    if (value === undefined && from[role] !== undefined && beyond.ok(place)) beyond.add([...path, 'from', role], `says where a feed came from, but feeds.${role} is absent`);
    if (typeof value !== 'string') continue;
    // Said rather than "not a URL": the pattern refuses it, but the reason is worth naming.
    if (/^https?:\/\/[^/?#]*@/i.test(value)) {
      beyond.add(place, 'must not carry a user name or password', true);
      continue;
    }
    const url = parsedUrl(value);
    if (!url || !beyond.ok(place)) continue;
    // One feed under http and https is still one feed.
    const key = url.href.slice(url.protocol.length);
    const at = locate(layout, place.map(String), 'directory').place;
    const first = beyond.urls.get(key);
    if (first) beyond.add(place, `duplicate feed URL (also ${first})`);
    else beyond.urls.set(key, at);
    const proxy = PROXY_HOSTS.find((host) => under(url.hostname, host));
    if (outlet['via'] === undefined && proxy) beyond.add(place, `goes through ${proxy}, a third party: name it in "via"`);
    if (via !== undefined && !under(url.hostname, via)) beyond.add(place, `host ${url.hostname} is not the "via" service ${via}`);
  }
}

function checkOutlet(beyond: Beyond, outlet: Rec, index: number): void {
  const path = ['outlets', index];
  const { id, domain } = outlet;
  beyond.unique(beyond.ids, id, index, [...path, 'id'], 'id');
  if (typeof domain === 'string' && typeof id === 'string' && beyond.ok([...path, 'id']) && beyond.ok([...path, 'domain']) && !under(domain, id)) {
    beyond.add([...path, 'domain'], `'${domain}' is neither the id '${id}' nor a host under it`);
  }
  beyond.unique(beyond.domains, domain, index, [...path, 'domain'], 'domain');
  checkFeeds(beyond, outlet, path);
}

/**
 * An outlet's other hosts (`domains`) are each the address of that outlet alone, so that a reader
 * who searches for one finds one outlet: never an id or domain of any outlet, nor another's other host.
 */
function checkOtherHosts(beyond: Beyond, outlets: unknown[]): void {
  const owners = new Map<unknown, number>();
  outlets.forEach((outlet, i) => {
    if (!isRecord(outlet)) return;
    for (const key of ['id', 'domain'] as const) if (!owners.has(outlet[key])) owners.set(outlet[key], i);
  });
  const seen = new Map<string, number>();
  outlets.forEach((outlet, index) => {
    if (!isRecord(outlet) || !Array.isArray(outlet['domains'])) return;
    outlet['domains'].forEach((host: unknown, i) => {
      const place = ['outlets', index, 'domains', i];
      const owner = owners.get(host);
      if (owner === index) beyond.add(place, `'${String(host)}' is already the outlet's ${host === outlet['domain'] ? 'domain' : 'id'}`);
      else if (owner !== undefined) beyond.add(place, `duplicate domain '${String(host)}' (also outlets[${owner}])`);
      else beyond.unique(seen, host, index, place, 'domain');
    });
  });
}

function checkRecommended(beyond: Beyond, value: unknown, outlets: unknown[]): void {
  if (!Array.isArray(value)) return;
  const chosen = new Set<string>();
  value.forEach((id: unknown, i) => {
    if (typeof id !== 'string') return;
    if (chosen.has(id)) return beyond.add(['recommended', i], `duplicate id '${id}'`);
    chosen.add(id);
    const at = beyond.ids.get(id);
    if (at === undefined) return beyond.add(['recommended', i], `unknown outlet '${id}'`);
    const outlet = outlets[at];
    if (isRecord(outlet) && outlet['via'] !== undefined) beyond.add(['recommended', i], `'${id}' is fetched through ${quoted(outlet['via'])}; the recommended set holds outlets' own feeds only`);
  });
}

export function validateDirectory(value: unknown): DirectoryValidation {
  const fromSchema = schemaErrors(validate, layout, value, 'directory', MESSAGES);
  const beyond = new Beyond(new Set(fromSchema.map((e) => e.place)));
  if (isRecord(value)) {
    if (typeof value['checked'] === 'string' && !isRealDate(value['checked'])) beyond.add(['checked'], 'must be a date YYYY-MM-DD');
    const outlets = Array.isArray(value['outlets']) ? value['outlets'] : [];
    outlets.forEach((outlet: unknown, i) => {
      if (isRecord(outlet)) checkOutlet(beyond, outlet, i);
    });
    checkOtherHosts(beyond, outlets);
    checkRecommended(beyond, value['recommended'], outlets);
  }
  const errors = mergeErrors(fromSchema, beyond.errors);
  // The schema checked every field, and refuses any other: the value is a Directory.
  return errors.length ? { ok: false, errors } : { ok: true, directory: value as Directory };
}
