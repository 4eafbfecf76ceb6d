// The directory of news sources shipped in the extension (assets/directory/outlets.json, schema
// schemas/directory.schema.json, choices in docs/directory.md): its types, and what a page offering
// it needs: search, the recommended set, feed addresses, host permission patterns. Pure (no browser
// API). Its validator (./directory-validate, generated from the schema plus the checks JSON Schema
// cannot say) guards whatever is read at run time; the shipped file is checked by a unit test.

export const DIRECTORY_FORMAT = 1;
/** Where the build puts the file: `fetch(runtime.getURL(DIRECTORY_PATH))`. */
export const DIRECTORY_PATH = 'directory/outlets.json';
export const OUTLET_KINDS = ['wire', 'newspaper', 'broadcaster', 'magazine', 'digital'] as const;
export type OutletKind = (typeof OUTLET_KINDS)[number];
export const FEED_ROLES = ['top', 'opinion'] as const;
export type FeedRole = (typeof FEED_ROLES)[number];

export interface DirectoryOutlet {
  /** The outlet's registrable domain, or its own host where that domain is shared (abcnews.go.com). */
  id: string;
  name: string;
  /** Other names the outlet is known by, for search: "Deutsche Welle" for DW. Facts, never nicknames of ours. */
  aliases?: string[];
  /** Host of the outlet's article pages without `www.`: `id` or a host under it. */
  domain: string;
  /** Other hosts of its pages, for search by address: bbc.co.uk for bbc.com. Unique across outlets. */
  domains?: string[];
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
export { PROXY_HOSTS, validateDirectory } from './directory-validate';
