// Searching the source directory as a reader types: "guardian", "rte" for RTÉ, "uk", "wires",
// "broadcaster australia". Pure (Intl only); re-exported by ./directory, and moves with it.
import type { Directory, DirectoryOutlet } from './directory';

// Names readers type that are not the English short name of the code.
const COUNTRY_ALIASES: Record<string, string[]> = {
  GB: ['UK', 'Britain', 'Great Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  US: ['USA', 'America', 'United States of America'],
  AE: ['UAE', 'Emirates'],
  TR: ['Turkey', 'Türkiye'],
  KR: ['Korea', 'South Korea'],
  HK: ['Hong Kong'],
  CZ: ['Czech Republic', 'Czechia'],
};
/** Leading articles a reader leaves out: "new york times" is a name that starts with the query. */
const ARTICLE = /^(?:the|le|la|el|der|die|das) /;
const MAX_QUERY = 200;

const regionNames = new Map<string, Intl.DisplayNames | null>();

/** The country's name in `locale` (English by default); the code itself where Intl has none. */
export function countryName(code: string, locale = 'en'): string {
  if (!regionNames.has(locale)) {
    try {
      regionNames.set(locale, new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'none' }));
    } catch {
      regionNames.set(locale, null);
    }
  }
  try {
    return regionNames.get(locale)?.of(code) ?? code;
  } catch {
    return code;
  }
}

const SPELLED: Record<string, string> = { ø: 'o', œ: 'oe', æ: 'ae', ß: 'ss', ł: 'l', đ: 'd', ħ: 'h', ı: 'i' };

/** Lower case without accents; letters NFKD does not split are spelled out (RTÉ → rte, Ørsted → orsted). */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øœæßłđħı]/g, (c) => SPELLED[c] ?? c);
}

const wordsOf = (folded: string): string[] => folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const under = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);

interface Fields {
  /** The name, then the names it is also known by (`aliases`), folded, without a leading article. */
  bares: string[];
  names: string[];
  nameWords: string[];
  /** Hosts of its pages: the id, the domain and any other `domains`. */
  domains: string[];
  /** Those, and the hosts its own feeds are on (not a `via` service's, which serves others too). */
  hosts: string[];
  code: string;
  /** Folded names of its country: its own (English, in `locale`) with their words, and the aliases whole. */
  countries: string[];
  /**
   * Words of the aliases of two words or more: "ireland" of "Northern Ireland" names part of GB, so
   * it finds GB outlets, but after those of the country called Ireland.
   */
  aliasWords: string[];
  kind: string;
}

// Per locale, the folded fields of each outlet: typing a query searches again on every key.
const fieldCache = new Map<string, WeakMap<DirectoryOutlet, Fields>>();

function fieldsOf(outlet: DirectoryOutlet, locale: string): Fields {
  let cache = fieldCache.get(locale);
  if (!cache) fieldCache.set(locale, (cache = new WeakMap()));
  let fields = cache.get(outlet);
  if (!fields) cache.set(outlet, (fields = foldFields(outlet, locale)));
  return fields;
}

/** A URL's host without `www.`, or undefined for what is not a URL. */
function feedHost(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

function foldFields(outlet: DirectoryOutlet, locale: string): Fields {
  const names = [outlet.name, ...(outlet.aliases ?? [])].map(foldText);
  const own = [countryName(outlet.country), countryName(outlet.country, locale)].map(foldText);
  const aliases = (COUNTRY_ALIASES[outlet.country] ?? []).map(foldText);
  const ownWords = own.flatMap((n) => [n, ...wordsOf(n)]);
  const domains = [...new Set([outlet.id, outlet.domain, ...(outlet.domains ?? [])])];
  const feeds = [outlet.feeds.top, outlet.feeds.opinion].flatMap((url) => (url ? (feedHost(url) ?? []) : []));
  return {
    bares: names.map((n) => n.replace(ARTICLE, '')),
    names,
    nameWords: names.flatMap(wordsOf),
    domains,
    hosts: [...domains, ...feeds.filter((h) => outlet.via === undefined || !under(h, outlet.via))],
    code: outlet.country.toLowerCase(),
    countries: [...ownWords, ...aliases],
    aliasWords: aliases.flatMap((a) => (a.includes(' ') ? wordsOf(a) : [])).filter((w) => !ownWords.includes(w)),
    kind: outlet.kind,
  };
}

/** How well one query word fits an outlet: the best of its fields, 0 when none. */
function wordScore(word: string, f: Fields): number {
  const long = word.length >= 3;
  if (f.bares.some((b) => b.startsWith(word))) return 10;
  if (f.nameWords.includes(word)) return 9;
  if (f.nameWords.some((w) => w.startsWith(word))) return 8;
  if (f.domains.some((d) => d.startsWith(word)) || word === f.code) return 7;
  if (f.countries.includes(word)) return 6;
  if (long && (f.countries.some((c) => c.startsWith(word)) || f.kind.startsWith(word) || word.startsWith(f.kind))) return 5;
  if (long && f.names.some((n) => n.includes(word))) return 4;
  if (long && f.domains.some((d) => d.includes(word))) return 3;
  if (f.aliasWords.includes(word)) return 2;
  if (long && f.aliasWords.some((w) => w.startsWith(word))) return 1;
  return 0;
}

/** Ordered best first, equal scores by name. */
function ranked(hits: { outlet: DirectoryOutlet; score: number; name: string }[]): DirectoryOutlet[] {
  return hits.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((h) => h.outlet);
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/+/;
/** One run of letters, digits and hyphens with a dot in it: "bbc.co.uk", "www.theguard", "news.com.au". */
const HOSTLIKE = /^[\p{L}\p{N}-]*\.[\p{L}\p{N}.-]*$/u;

/**
 * A query read as an address: without its scheme, user, port, path and `www.`, so that a pasted
 * "https://www.bbc.com/news" is `bbc.com`; undefined when the query is not one. `rest`: the query
 * without the scheme and `www.`, to search as words when no host fits ("www.theguard" is "theguard").
 */
function addressOf(folded: string): { host: string | undefined; rest: string } {
  if (/\s/.test(folded)) return { host: undefined, rest: folded };
  const rest = folded.replace(SCHEME, '').replace(/^www\d*\./, '');
  const host = rest.split(/[/?#]/, 1)[0]!.replace(/^[^@]*@/, '').replace(/:\d*$/, '').replace(/\.$/, '');
  return { host: HOSTLIKE.test(host) ? host : undefined, rest };
}

/**
 * Outlets on `host`: its own hosts first (the host or one under it, "edition.cnn.com"; or the start
 * of one being typed, "theguardian.c"), then its feeds' hosts ("feeds.bbci.co.uk").
 */
function outletsOn(directory: Directory, host: string, locale: string): DirectoryOutlet[] {
  const hits: { outlet: DirectoryOutlet; score: number; name: string }[] = [];
  for (const outlet of directory.outlets) {
    const f = fieldsOf(outlet, locale);
    const score = f.domains.some((d) => under(host, d)) ? 3 : f.hosts.some((h) => under(host, h)) ? 2 : f.domains.some((d) => d.startsWith(host)) ? 1 : 0;
    if (score > 0) hits.push({ outlet, score, name: f.bares[0]! });
  }
  return ranked(hits);
}

/**
 * Outlets matching every word of `query` in their name or the names they are also known by, their
 * domains, their country (code, English name, name in `locale`, common aliases such as UK) or kind,
 * ignoring case and accents; or, for a query that reads as an address ("www.bbc.co.uk/news"), the
 * outlets on that host. Best first: the name before the domain before the country before the kind;
 * equal scores by name. An empty query gives every outlet in the file's order. Time: outlets ×
 * query words, the query cut at 200 characters.
 */
export function searchOutlets(directory: Directory, query: string, options: { locale?: string } = {}): DirectoryOutlet[] {
  const locale = options.locale ?? 'en';
  const address = addressOf(foldText(query.slice(0, MAX_QUERY)).trim());
  if (address.host !== undefined) {
    const on = outletsOn(directory, address.host, locale);
    if (on.length) return on;
  }
  const folded = address.rest;
  const whole = folded.replace(ARTICLE, '');
  // A leading article is left out like the names' own: "the deutsche welle" finds "DW, Deutsche Welle".
  const words = wordsOf(whole);
  if (words.length === 0) return [...directory.outlets];
  const hits: { outlet: DirectoryOutlet; score: number; name: string }[] = [];
  for (const outlet of directory.outlets) {
    const fields = fieldsOf(outlet, locale);
    let score = 0;
    for (const word of words) {
      const s = wordScore(word, fields);
      if (s === 0) {
        score = 0;
        break;
      }
      score += s;
    }
    if (score === 0) continue;
    // The whole query as the start of a name ("new york t"), or as a country's name ("new zealand").
    if (fields.bares.some((b) => b.startsWith(whole))) score += 20;
    else if (fields.countries.includes(whole)) score += 10;
    hits.push({ outlet, score, name: fields.bares[0]! });
  }
  return ranked(hits);
}
