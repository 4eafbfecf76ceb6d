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

interface Fields {
  name: string;
  /** The name without a leading article: "new york times". */
  bare: string;
  nameWords: string[];
  domain: string;
  code: string;
  /** Folded country names and each of their words. */
  countries: string[];
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

function foldFields(outlet: DirectoryOutlet, locale: string): Fields {
  const name = foldText(outlet.name);
  const names = [countryName(outlet.country), countryName(outlet.country, locale), ...(COUNTRY_ALIASES[outlet.country] ?? [])].map(foldText);
  return {
    name,
    bare: name.replace(ARTICLE, ''),
    nameWords: wordsOf(name),
    domain: outlet.domain,
    code: outlet.country.toLowerCase(),
    countries: names.flatMap((n) => [n, ...wordsOf(n)]),
    kind: outlet.kind,
  };
}

/** How well one query word fits an outlet: the best of its fields, 0 when none. */
function wordScore(word: string, f: Fields): number {
  const long = word.length >= 3;
  if (f.bare.startsWith(word)) return 10;
  if (f.nameWords.includes(word)) return 9;
  if (f.nameWords.some((w) => w.startsWith(word))) return 8;
  if (f.domain.startsWith(word) || word === f.code) return 7;
  if (f.countries.includes(word)) return 6;
  if (long && (f.countries.some((c) => c.startsWith(word)) || f.kind.startsWith(word) || word.startsWith(f.kind))) return 5;
  if (long && f.name.includes(word)) return 4;
  if (long && f.domain.includes(word)) return 3;
  return 0;
}

/**
 * Outlets matching every word of `query` in their name, domain, country (code, English name, name
 * in `locale`, common aliases such as UK) or kind, ignoring case and accents. Best first: the name
 * before the domain before the country before the kind; equal scores by name. An empty query gives
 * every outlet in the file's order. Time: outlets × query words, the query cut at 200 characters.
 */
export function searchOutlets(directory: Directory, query: string, options: { locale?: string } = {}): DirectoryOutlet[] {
  const folded = foldText(query.slice(0, MAX_QUERY)).trim();
  const words = wordsOf(folded);
  if (words.length === 0) return [...directory.outlets];
  const whole = folded.replace(ARTICLE, '');
  const hits: { outlet: DirectoryOutlet; score: number; name: string }[] = [];
  for (const outlet of directory.outlets) {
    const fields = fieldsOf(outlet, options.locale ?? 'en');
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
    // The whole query as the start of the name ("new york t"), or as a country's name ("new zealand").
    if (fields.bare.startsWith(whole)) score += 20;
    else if (fields.countries.includes(whole)) score += 10;
    hits.push({ outlet, score, name: fields.bare });
  }
  return hits.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((h) => h.outlet);
}
