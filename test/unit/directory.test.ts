// The source directory shipped in the extension: the file is valid and spans the spread issue 13
// asks for; the validator names the place of each mistake; search, the recommended set, feed URLs
// and host permission patterns behave as the welcome page needs. A malformed or lopsided
// assets/directory/outlets.json fails here, before it can reach a reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import {
  feedUrlsOf,
  hostPatternsOf,
  PROXY_HOSTS,
  recommendedOutlets,
  searchOutlets,
  validateDirectory,
  type Directory,
  type DirectoryOutlet,
} from '../../src/formats/directory';
import { sourcePermission } from '../../src/formats/source-request';

const raw: unknown = JSON.parse(readFileSync(new URL('../../assets/directory/outlets.json', import.meta.url), 'utf8'));
const validation = validateDirectory(raw);
// Read as is when invalid, so the first test names every error and the others still run.
const dir = (validation.ok ? validation.directory : raw) as Directory;
const byId = new Map(dir.outlets.map((o) => [o.id, o]));
const countries = new Set(dir.outlets.map((o) => o.country));
const hostOf = (url: string): string => new URL(url).hostname;
const feedsOf = (o: DirectoryOutlet): string[] => [o.feeds.top, ...(o.feeds.opinion ? [o.feeds.opinion] : [])];
const under = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);

const AFRICA = ['DZ', 'EG', 'ET', 'GH', 'KE', 'MA', 'NG', 'RW', 'SN', 'TN', 'TZ', 'UG', 'ZA', 'ZM', 'ZW'];
const MIDDLE_EAST = ['AE', 'BH', 'IL', 'IQ', 'IR', 'JO', 'KW', 'LB', 'OM', 'PS', 'QA', 'SA', 'SY', 'TR', 'YE'];
const EAST_SOUTHEAST_ASIA = ['CN', 'HK', 'ID', 'JP', 'KH', 'KR', 'MM', 'MY', 'PH', 'SG', 'TH', 'TW', 'VN'];
// Publicly owned or funded public-service broadcasters that may appear in the directory.
const PUBLIC_BROADCASTERS = ['abc.net.au', 'bbc.com', 'cbc.ca', 'channel4.com', 'dw.com', 'france24.com', 'kbs.co.kr', 'npr.org', 'pbs.org', 'rnz.co.nz', 'rte.ie', 'rthk.hk', 'sabcnews.com', 'sbs.com.au'];
// Services that fetch, rewrite or aggregate other sites' feeds, beyond the validator's own list.
const THIRD_PARTY_FEED_HOSTS = [...PROXY_HOSTS, 'allsides.com', 'amazonaws.com', 'feedly.com', 'flipboard.com', 'inoreader.com', 'msn.com', 'yahoo.com', 'youtube.com'];

test('the shipped directory is valid, format 1, checked on a real day', () => {
  assert.deepEqual(validation.ok ? [] : validation.errors, []);
  assert.equal(dir.format, 1);
  assert.match(dir.checked, /^\d{4}-\d{2}-\d{2}$/);
  assert.match(dir.note ?? '', /not fetched|No feed was fetched/i, 'the note says the feeds were not fetched');
});

test('at least 60 outlets, every one with a top feed', () => {
  assert.ok(dir.outlets.length >= 60, `${dir.outlets.length} outlets`);
  for (const o of dir.outlets) assert.ok(o.feeds.top, o.id);
});

test('every required region is present', () => {
  for (const code of ['US', 'GB', 'IE', 'CA', 'AU', 'IN']) assert.ok(countries.has(code), code);
  assert.ok(AFRICA.some((c) => countries.has(c)), 'an African country');
  assert.ok(MIDDLE_EAST.some((c) => countries.has(c)), 'a Middle-Eastern country');
  assert.ok(EAST_SOUTHEAST_ASIA.some((c) => countries.has(c)), 'an East or South-East Asian country');
});

test('at least 3 wire services and 5 public broadcasters', () => {
  assert.ok(dir.outlets.filter((o) => o.kind === 'wire').length >= 3);
  const publics = PUBLIC_BROADCASTERS.filter((id) => byId.get(id)?.kind === 'broadcaster');
  assert.ok(publics.length >= 5, publics.join(', '));
});

test('the recommended set: 12+ outlets in 5+ countries, own https feeds only, wires and public broadcasters among them', () => {
  const rec = recommendedOutlets(dir);
  assert.equal(rec.length, dir.recommended.length);
  assert.ok(rec.length >= 12, `${rec.length} recommended`);
  const recCountries = new Set(rec.map((o) => o.country));
  assert.ok(recCountries.size >= 5, [...recCountries].join(' '));
  assert.ok([...recCountries].filter((c) => c !== 'US').length >= 4);
  assert.ok(rec.filter((o) => o.country === 'US').length >= 3, 'several US outlets');
  assert.ok(rec.some((o) => o.kind === 'wire'), 'a wire service');
  assert.ok(rec.filter((o) => PUBLIC_BROADCASTERS.includes(o.id)).length >= 3, 'public broadcasters');
  for (const o of rec) {
    assert.equal(o.via, undefined, `${o.id} is proxied`);
    for (const url of feedsOf(o)) {
      assert.ok(url.startsWith('https://'), `${url}: one click must not subscribe to plain http`);
      assert.ok(!THIRD_PARTY_FEED_HOSTS.some((h) => under(hostOf(url), h)), url);
    }
  }
});

test('no feed goes through a proxy or aggregator unless its outlet says so with "via"', () => {
  for (const o of dir.outlets) {
    const thirdParty = feedsOf(o).filter((url) => THIRD_PARTY_FEED_HOSTS.some((h) => under(hostOf(url), h)));
    if (o.via === undefined) assert.deepEqual(thirdParty, [], o.id);
    else for (const url of feedsOf(o)) assert.ok(under(hostOf(url), o.via), `${o.id}: ${url} is not on ${o.via}`);
  }
  const proxied = dir.outlets.filter((o) => o.via).map((o) => `${o.id} via ${o.via}`);
  assert.deepEqual(proxied, ['apnews.com via openrss.org', 'reuters.com via openrss.org']);
});

test('every feed taken from kite-public is in the section it names', (t) => {
  const at = new URL('../../../shared/data/feeds/', import.meta.url);
  if (!existsSync(new URL('kite-feeds.json', at))) return t.skip('../shared/data/feeds is not here (test data beside the repository)');
  const core = JSON.parse(readFileSync(new URL('kite-core-feeds.json', at), 'utf8')) as Record<string, string[]>;
  const categories = JSON.parse(readFileSync(new URL('kite-feeds.json', at), 'utf8')) as Record<string, { feeds: string[] }>;
  let kite = 0;
  for (const o of dir.outlets) {
    for (const role of ['top', 'opinion'] as const) {
      const url = o.feeds[role];
      const from = o.from[role];
      if (!url || !from || from === 'outlet') continue;
      const [list, section] = [from.slice(0, from.indexOf(':')), from.slice(from.indexOf(':') + 1)];
      const urls = list === 'kite-core' ? core[section] : categories[section]?.feeds;
      assert.ok(urls?.includes(url), `${o.id}.${role}: ${url} is not in ${from}`);
      kite++;
    }
  }
  assert.ok(kite >= dir.outlets.length, 'every top feed comes from kite');
  assert.ok(dir.outlets.every((o) => o.from.top !== 'outlet'));
});

// --- the validator: each mistake at its place ---

/** Removes a field a type calls required, to make a broken variant. */
const drop = (obj: object, key: string): void => void delete (obj as Record<string, unknown>)[key];
type Change = (d: Directory & Record<string, unknown>) => void;
const outlet = (d: Directory, i: number): DirectoryOutlet & Record<string, unknown> => d.outlets[i]! as DirectoryOutlet & Record<string, unknown>;

function small(): Directory & Record<string, unknown> {
  return {
    format: 1,
    checked: '2026-12-02',
    recommended: ['example.com'],
    outlets: [
      { id: 'example.com', name: 'Example', domain: 'example.com', country: 'GB', kind: 'newspaper', feeds: { top: 'https://example.com/rss', opinion: 'https://example.com/opinion/rss' }, from: { top: 'kite:UK', opinion: 'outlet' } },
      { id: 'wire.example', name: 'Wire', domain: 'news.wire.example', country: 'US', kind: 'wire', feeds: { top: 'https://openrss.org/wire.example/news' }, from: { top: 'kite-core:USA' }, via: 'openrss.org' },
    ],
  };
}

function errorsAfter(change: Change): string[] {
  const d = small();
  change(d);
  const result = validateDirectory(d);
  return result.ok ? [] : result.errors;
}

test('a small directory with every optional field passes', () => {
  assert.deepEqual(errorsAfter(() => undefined), []);
});

const mistakes: [string, Change, string][] = [
  ['unknown recommended id', (d) => d.recommended.push('nowhere.example'), "recommended[1]: unknown outlet 'nowhere.example'"],
  ['recommended twice', (d) => d.recommended.push('example.com'), "recommended[1]: duplicate id 'example.com'"],
  ['a proxied outlet recommended', (d) => d.recommended.push('wire.example'), "recommended[1]: 'wire.example' is fetched through openrss.org; the recommended set holds outlets' own feeds only"],
  ['duplicate id', (d) => Object.assign(outlet(d, 1), { id: 'example.com', domain: 'wire.example.com' }), "outlets[1].id: duplicate id 'example.com' (also outlets[0])"],
  [
    'duplicate feed URL',
    (d) => {
      Object.assign(outlet(d, 1).feeds, { top: 'https://example.com/opinion/rss' });
      drop(outlet(d, 1), 'via');
    },
    'outlets[1].feeds.top: duplicate feed URL (also outlets[0].feeds.opinion)',
  ],
  ['the same feed under http', (d) => Object.assign(outlet(d, 0).feeds, { opinion: 'http://example.com/rss' }), 'outlets[0].feeds.opinion: duplicate feed URL (also outlets[0].feeds.top)'],
  ['feed javascript:', (d) => Object.assign(outlet(d, 0).feeds, { top: 'javascript:alert(1)' }), 'outlets[0].feeds.top: not an http(s) URL with a lower-case domain name'],
  ['feed ftp:', (d) => Object.assign(outlet(d, 0).feeds, { opinion: 'ftp://example.com/rss' }), 'outlets[0].feeds.opinion: not an http(s) URL with a lower-case domain name'],
  ['feed with credentials', (d) => Object.assign(outlet(d, 0).feeds, { top: 'https://user:secret@example.com/rss' }), 'outlets[0].feeds.top: must not carry a user name or password'],
  ['feed with an empty user name', (d) => Object.assign(outlet(d, 0).feeds, { top: 'https://@example.com/rss' }), 'outlets[0].feeds.top: must not carry a user name or password'],
  ['feed host upper case', (d) => Object.assign(outlet(d, 0).feeds, { top: 'https://EXAMPLE.com/rss' }), 'outlets[0].feeds.top: not an http(s) URL with a lower-case domain name'],
  ['feed on an IP address', (d) => Object.assign(outlet(d, 0).feeds, { top: 'https://127.0.0.1/rss' }), 'outlets[0].feeds.top: not an http(s) URL with a lower-case domain name'],
  ['proxy without via', (d) => drop(outlet(d, 1), 'via'), 'outlets[1].feeds.top: goes through openrss.org, a third party: name it in "via"'],
  ['proxy hidden in a subdomain', (d) => Object.assign(outlet(d, 0).feeds, { opinion: 'https://feeds.feedburner.com/example' }), 'outlets[0].feeds.opinion: goes through feedburner.com, a third party: name it in "via"'],
  ['via that is not the feed host', (d) => Object.assign(outlet(d, 1), { via: 'rss.app' }), 'outlets[1].feeds.top: host openrss.org is not the "via" service rss.app'],
  ['no top feed', (d) => drop(outlet(d, 0).feeds, 'top'), 'outlets[0].feeds.top: must be a non-empty string'],
  ['from for an absent feed', (d) => Object.assign(outlet(d, 1).from, { opinion: 'outlet' }), 'outlets[1].from.opinion: says where a feed came from, but feeds.opinion is absent'],
  ['a feed without from', (d) => drop(outlet(d, 0).from, 'opinion'), "outlets[0].from.opinion: must be 'kite-core:<section>', 'kite:<category>' or 'outlet'"],
  ['from a made-up list', (d) => Object.assign(outlet(d, 0).from, { top: 'google' }), "outlets[0].from.top: must be 'kite-core:<section>', 'kite:<category>' or 'outlet'"],
  ['a typo in a feed role', (d) => Object.assign(outlet(d, 0).feeds, { opnion: 'https://example.com/o' }), 'outlets[0].feeds.opnion: unknown field'],
  ['a rating', (d) => Object.assign(outlet(d, 0), { lean: 'left' }), 'outlets[0].lean: unknown field'],
  ['country as a name', (d) => Object.assign(outlet(d, 0), { country: 'UK' }), 'outlets[0].country: must be an ISO 3166-1 alpha-2 code'],
  ['kind blog', (d) => Object.assign(outlet(d, 0), { kind: 'blog' }), 'outlets[0].kind: must be one of wire, newspaper, broadcaster, magazine, digital'],
  ['domain outside the id', (d) => Object.assign(outlet(d, 0), { domain: 'other.example' }), "outlets[0].domain: 'other.example' is neither the id 'example.com' nor a host under it"],
  ['id with a scheme', (d) => Object.assign(outlet(d, 1), { id: 'https://wire.example' }), 'outlets[1].id: not a lower-case domain name'],
  ['an id nothing recommends any more', (d) => Object.assign(outlet(d, 0), { id: 'example.org', domain: 'example.org' }), "recommended[0]: unknown outlet 'example.com'"],
  ['blank name', (d) => Object.assign(outlet(d, 1), { name: ' ' }), 'outlets[1].name: must be a non-empty string'],
  ['checked 31 November', (d) => Object.assign(d, { checked: '2026-11-31' }), 'checked: must be a date YYYY-MM-DD'],
  ['format 2', (d) => Object.assign(d, { format: 2 }), 'format: must be 1'],
  ['no outlets', (d) => Object.assign(d, { outlets: [], recommended: [] }), 'outlets: must be a non-empty array'],
  ['an outlet that is a string', (d) => Object.assign(d, { outlets: [...d.outlets, 'bbc.com'] }), 'outlets[2]: must be an object'],
];

for (const [name, change, error] of mistakes) {
  test(`the validator refuses ${name}, at its place`, () => {
    assert.deepEqual(errorsAfter(change), [error]);
  });
}

test('every error of a broken file is reported at once, each at its own place', () => {
  const errors = errorsAfter((d) => {
    Object.assign(outlet(d, 0), { country: 'XX' });
    Object.assign(outlet(d, 1).feeds, { top: 'file:///etc/passwd' });
    d.recommended.push('nowhere.example');
  });
  assert.deepEqual(errors, [
    'outlets[0].country: must be an ISO 3166-1 alpha-2 code',
    'outlets[1].feeds.top: not an http(s) URL with a lower-case domain name',
    "recommended[1]: unknown outlet 'nowhere.example'",
  ]);
});

test('anything but an object is refused whole', () => {
  for (const value of [null, [], 'outlets', 42]) assert.deepEqual(validateDirectory(value), { ok: false, errors: ['directory: must be an object'] });
});

// --- what the welcome page uses ---

const ids = (outlets: DirectoryOutlet[]): string[] => outlets.map((o) => o.id);

test('search ignores case and accents: "rte", "RTÉ" and "rté news" find RTÉ News first', () => {
  for (const q of ['rte', 'RTÉ', 'rté news', '  RTE  ']) assert.equal(ids(searchOutlets(dir, q))[0], 'rte.ie', q);
  assert.equal(ids(searchOutlets(dir, 'el pais'))[0], 'elpais.com');
});

test('search ranks a name before a domain before a country before a kind', () => {
  assert.deepEqual(ids(searchOutlets(dir, 'guardian')).slice(0, 2), ['theguardian.com', 'guardian.ng']);
  assert.deepEqual(ids(searchOutlets(dir, 'new york')).sort(), ['nypost.com', 'nytimes.com']);
  assert.equal(ids(searchOutlets(dir, 'nytimes'))[0], 'nytimes.com');
  // "wire" is a word of The Wire's name, then the kind of every wire service.
  const wire = searchOutlets(dir, 'wire');
  assert.equal(wire[0]!.id, 'thewire.in');
  assert.deepEqual(new Set(wire.slice(1).map((o) => o.kind)), new Set(['wire']));
});

test('search by country code, name, alias or locale, and by kind', () => {
  const only = (q: string, options?: { locale?: string }): Set<string> => new Set(searchOutlets(dir, q, options).map((o) => o.country));
  assert.deepEqual(only('UK'), new Set(['GB']));
  assert.deepEqual(only('united kingdom'), new Set(['GB']));
  assert.deepEqual(only('ie'), new Set(['IE']));
  assert.deepEqual(only('kenya'), new Set(['KE']));
  assert.deepEqual(only('Irlande', { locale: 'fr' }), new Set(['IE']));
  assert.deepEqual(ids(searchOutlets(dir, 'turkey')), ['aa.com.tr']);
  assert.deepEqual(new Set(ids(searchOutlets(dir, 'broadcaster australia'))), new Set(['abc.net.au', 'sbs.com.au']));
  assert.deepEqual(new Set(searchOutlets(dir, 'wires').map((o) => o.kind)), new Set(['wire']));
});

test('search: every word must match; an empty query lists everything in the file order', () => {
  assert.deepEqual(searchOutlets(dir, 'guardian zzzz'), []);
  assert.deepEqual(searchOutlets(dir, 'qqqq'), []);
  assert.deepEqual(ids(searchOutlets(dir, '')), ids(dir.outlets));
  assert.deepEqual(ids(searchOutlets(dir, ' -- ')), ids(dir.outlets));
  assert.equal(searchOutlets(dir, 'x'.repeat(100_000)).length, 0);
});

test('recommendedOutlets follows the file order of "recommended"', () => {
  assert.deepEqual(ids(recommendedOutlets(dir)), dir.recommended);
  assert.deepEqual(recommendedOutlets({ ...dir, recommended: [] }), []);
});

test('feedUrlsOf: top feeds, and opinion feeds only when asked, without repeats', () => {
  const [nyt, cnn] = [byId.get('nytimes.com')!, byId.get('cnn.com')!];
  assert.deepEqual(feedUrlsOf([nyt, cnn], { opinion: false }), [nyt.feeds.top, cnn.feeds.top]);
  assert.deepEqual(feedUrlsOf([nyt, cnn, nyt], { opinion: true }), [nyt.feeds.top, nyt.feeds.opinion, cnn.feeds.top]);
  const all = feedUrlsOf(dir.outlets, { opinion: true });
  assert.equal(all.length, dir.outlets.reduce((n, o) => n + feedsOf(o).length, 0));
});

test('hostPatternsOf: one origin per scheme and host, no port, nothing for what is not http(s)', () => {
  assert.deepEqual(
    hostPatternsOf(['https://a.example/rss', 'https://a.example/other?x=1', 'http://a.example/rss', 'https://B.example:8443/feed', 'ftp://c.example/x', 'not a url']),
    ['https://a.example/*', 'http://a.example/*', 'https://b.example/*'],
  );
  assert.deepEqual(hostPatternsOf([]), []);
});

test('the directory\'s host patterns are exactly what the background checks before each fetch', () => {
  const urls = feedUrlsOf(dir.outlets, { opinion: true });
  const patterns = hostPatternsOf(urls);
  assert.deepEqual(new Set(patterns), new Set(urls.map((u) => sourcePermission(u))));
  assert.equal(new Set(patterns).size, patterns.length);
  const rec = hostPatternsOf(feedUrlsOf(recommendedOutlets(dir), { opinion: true }));
  assert.ok(rec.every((p) => p.startsWith('https://')), 'the recommended set asks for https hosts only');
});

test('THIRD_PARTY_NOTICES.md keeps kite-public\'s MIT notice and names each bundled dependency at its installed version', () => {
  const notices = readFileSync(new URL('../../THIRD_PARTY_NOTICES.md', import.meta.url), 'utf8');
  assert.match(notices, /kagisearch\/kite-public/);
  assert.match(notices, /Copyright \(c\) 2024 Kagi Search\n\nPermission is hereby granted, free of charge/);
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
  for (const name of Object.keys(pkg.dependencies)) {
    const installed = JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string };
    assert.ok(notices.includes(`### ${name} ${installed.version}`), `${name} ${installed.version} is not in the notices`);
  }
});
