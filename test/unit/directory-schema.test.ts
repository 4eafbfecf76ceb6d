// validateDirectory (src/formats/directory-validate.ts: the validator generated from
// schemas/directory.schema.json, trimmed, plus hand-written checks) and the schema as ajv reads it
// today must agree: the shipped directory and each broken variant get the same verdict from both. What JSON Schema cannot
// say (unique ids, domains and feeds across outlets, references, real calendar dates) is listed
// separately as the validator's own checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { OUTLET_KINDS, PROXY_HOSTS, validateDirectory, type Directory, type DirectoryOutlet } from '../../src/formats/directory';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const schema = read('../../schemas/directory.schema.json') as { $defs: Record<string, Record<string, unknown>> };
const schemaCheck = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const shipped = read('../../assets/directory/outlets.json') as Directory & Record<string, unknown>;

type Loose = Record<string, unknown>;
/** Removes a field a type calls required, to make a broken variant. */
const drop = (obj: object, key: string): void => void delete (obj as Record<string, unknown>)[key];
type Change = (d: Directory & Loose) => void;
const outlet = (d: Directory, i: number): DirectoryOutlet & Loose => d.outlets[i]! as DirectoryOutlet & Loose;
const feeds = (d: Directory, i: number): Loose => outlet(d, i).feeds as Loose;
const from = (d: Directory, i: number): Loose => outlet(d, i).from as Loose;

/** A directory with every optional field present once. */
function full(): Directory & Loose {
  return {
    $schema: '../../schemas/directory.schema.json',
    format: 1,
    checked: '2026-12-02',
    note: 'Assembled by hand.',
    recommended: ['example.com'],
    outlets: [
      { id: 'example.com', name: 'Example', domain: 'news.example.com', country: 'GB', kind: 'newspaper', feeds: { top: 'https://example.com/rss', opinion: 'https://example.com/opinion/rss' }, from: { top: 'kite:UK', opinion: 'outlet' } },
      { id: 'wire.example', name: 'Wire', domain: 'wire.example', country: 'US', kind: 'wire', feeds: { top: 'https://openrss.org/wire.example/news' }, from: { top: 'kite-core:USA' }, via: 'openrss.org' },
    ],
  };
}

const sameVerdict: [string, Change][] = [
  ['unchanged', () => undefined],
  ['format 2', (d) => Object.assign(d, { format: 2 })],
  ['no checked date', (d) => drop(d, 'checked')],
  ['checked as a word', (d) => Object.assign(d, { checked: 'yesterday' })],
  ['checked with a time', (d) => Object.assign(d, { checked: '2026-12-02T10:00:00Z' })],
  ['checked in month 13', (d) => Object.assign(d, { checked: '2026-13-02' })],
  ['blank note', (d) => Object.assign(d, { note: '  ' })],
  ['$schema a number', (d) => Object.assign(d, { $schema: 1 })],
  ['an unknown field at the top', (d) => Object.assign(d, { updated: '2026-12-02' })],
  ['recommended not an array', (d) => Object.assign(d, { recommended: 'example.com' })],
  ['recommended twice', (d) => d.recommended.push('example.com')],
  ['recommended holding a number', (d) => Object.assign(d, { recommended: [1] })],
  ['no outlets', (d) => Object.assign(d, { outlets: [], recommended: [] })],
  ['outlets as an object', (d) => Object.assign(d, { outlets: {} })],
  ['an outlet that is a string', (d) => Object.assign(d, { outlets: ['example.com'] })],
  ['an outlet without a name', (d) => drop(outlet(d, 0), 'name')],
  ['an outlet with a rating', (d) => Object.assign(outlet(d, 0), { lean: 'centre' })],
  ['id in upper case', (d) => Object.assign(outlet(d, 1), { id: 'Wire.example' })],
  ['domain with a scheme', (d) => Object.assign(outlet(d, 1), { domain: 'https://wire.example' })],
  ['domain with a trailing dot', (d) => Object.assign(outlet(d, 1), { domain: 'wire.example.' })],
  ['country as a name', (d) => Object.assign(outlet(d, 0), { country: 'UK' })],
  ['country in lower case', (d) => Object.assign(outlet(d, 0), { country: 'gb' })],
  ['country not assigned', (d) => Object.assign(outlet(d, 0), { country: 'XX' })],
  ['kind blog', (d) => Object.assign(outlet(d, 0), { kind: 'blog' })],
  ['no feeds', (d) => drop(outlet(d, 0), 'feeds')],
  ['no top feed', (d) => drop(feeds(d, 0), 'top')],
  ['a feed role that does not exist', (d) => Object.assign(feeds(d, 0), { analysis: 'https://example.com/analysis' })],
  ['top javascript:', (d) => Object.assign(feeds(d, 0), { top: 'javascript:alert(1)' })],
  ['top ftp:', (d) => Object.assign(feeds(d, 0), { top: 'ftp://example.com/rss' })],
  ['top with a password', (d) => Object.assign(feeds(d, 0), { top: 'https://me:pw@example.com/rss' })],
  ['top with an empty user name', (d) => Object.assign(feeds(d, 0), { top: 'https://@example.com/rss' })],
  ['top with an upper-case host', (d) => Object.assign(feeds(d, 0), { top: 'https://Example.com/rss' })],
  ['top with an upper-case scheme', (d) => Object.assign(feeds(d, 0), { top: 'HTTPS://example.com/rss' })],
  ['top on an IP address', (d) => Object.assign(feeds(d, 0), { top: 'http://192.168.1.1/rss' })],
  ['top with a port', (d) => Object.assign(feeds(d, 0), { top: 'https://example.com:8443/rss' })],
  ['top with a space', (d) => Object.assign(feeds(d, 0), { top: 'https://example.com/a b' })],
  ['top of 2049 characters', (d) => Object.assign(feeds(d, 0), { top: `https://example.com/${'a'.repeat(2029)}` })],
  ['top with a query and a fragment', (d) => Object.assign(feeds(d, 0), { top: 'https://example.com/?f=rss&c=news*#top' })],
  ['top over plain http', (d) => Object.assign(feeds(d, 0), { top: 'http://example.com/rss' })],
  ['no from', (d) => drop(outlet(d, 0), 'from')],
  ['from a made-up list', (d) => Object.assign(from(d, 0), { top: 'google' })],
  ['from kite without a section', (d) => Object.assign(from(d, 0), { top: 'kite:' })],
  ['from for a feed that is absent', (d) => Object.assign(from(d, 1), { opinion: 'outlet' })],
  ['a feed without from', (d) => drop(from(d, 0), 'opinion')],
  ['openrss without via', (d) => drop(outlet(d, 1), 'via')],
  ['feedburner in a subdomain without via', (d) => Object.assign(feeds(d, 0), { opinion: 'https://feeds.feedburner.com/example' })],
  ['google news without via', (d) => Object.assign(feeds(d, 0), { top: 'https://news.google.com/rss/search?q=site:example.com' })],
  ['a host that merely ends like a proxy', (d) => Object.assign(feeds(d, 0), { top: 'https://notopenrss.org/rss' })],
  ['via not a domain name', (d) => Object.assign(outlet(d, 1), { via: 'open rss' })],
  ['other names and hosts', (d) => Object.assign(outlet(d, 0), { aliases: ['Example Broadcasting Corporation'], domains: ['example.co.uk'] })],
  ['an empty alias', (d) => Object.assign(outlet(d, 0), { aliases: [' '] })],
  ['no aliases in the list', (d) => Object.assign(outlet(d, 0), { aliases: [] })],
  ['another host that is not a domain name', (d) => Object.assign(outlet(d, 0), { domains: ['https://example.co.uk'] })],
];

const validatorOnly: [string, Change, string][] = [
  ['unknown recommended id', (d) => d.recommended.push('nowhere.example'), "recommended[1]: unknown outlet 'nowhere.example'"],
  ['a proxied outlet recommended', (d) => d.recommended.push('wire.example'), "recommended[1]: 'wire.example' is fetched through openrss.org; the recommended set holds outlets' own feeds only"],
  ['duplicate id', (d) => Object.assign(outlet(d, 1), { id: 'example.com', domain: 'example.com' }), "outlets[1].id: duplicate id 'example.com' (also outlets[0])"],
  ['duplicate domain', (d) => Object.assign(outlet(d, 1), { id: 'news.example.com', domain: 'news.example.com' }), "outlets[1].domain: duplicate domain 'news.example.com' (also outlets[0])"],
  ['duplicate feed URL', (d) => Object.assign(feeds(d, 0), { opinion: 'http://example.com/rss' }), 'outlets[0].feeds.opinion: duplicate feed URL (also outlets[0].feeds.top)'],
  ['domain outside its id', (d) => Object.assign(outlet(d, 0), { domain: 'example.org' }), "outlets[0].domain: 'example.org' is neither the id 'example.com' nor a host under it"],
  ['checked on 30 February', (d) => Object.assign(d, { checked: '2026-02-30' }), 'checked: must be a date YYYY-MM-DD'],
  ['another host that is another outlet\'s domain', (d) => Object.assign(outlet(d, 1), { domains: ['news.example.com'] }), "outlets[1].domains[0]: duplicate domain 'news.example.com' (also outlets[0])"],
  ['another host that is another outlet\'s id', (d) => Object.assign(outlet(d, 1), { domains: ['example.com'] }), "outlets[1].domains[0]: duplicate domain 'example.com' (also outlets[0])"],
  ['another host that is its own domain', (d) => Object.assign(outlet(d, 0), { domains: ['news.example.com'] }), "outlets[0].domains[0]: 'news.example.com' is already the outlet's domain"],
  ['another host twice in the file', (d) => (Object.assign(outlet(d, 0), { domains: ['example.co.uk'] }), Object.assign(outlet(d, 1), { domains: ['example.co.uk'] })), "outlets[1].domains[0]: duplicate domain 'example.co.uk' (also outlets[0])"],
  ['via naming another service', (d) => Object.assign(outlet(d, 1), { via: 'rss.app' }), 'outlets[1].feeds.top: host openrss.org is not the "via" service rss.app'],
];

function verdicts(base: Directory & Loose, change: Change): { schema: boolean; validator: boolean; schemaErrors: unknown } {
  const d = structuredClone(base);
  change(d);
  return { schema: schemaCheck(d), validator: validateDirectory(d).ok, schemaErrors: schemaCheck.errors };
}

test('the shipped directory passes both the schema and the validator', () => {
  assert.equal(schemaCheck(shipped), true, JSON.stringify(schemaCheck.errors));
  assert.equal(validateDirectory(shipped).ok, true);
});

const accepted = new Set(['unchanged', 'other names and hosts', 'top with a query and a fragment', 'top over plain http', 'a host that merely ends like a proxy']);
for (const [name, change] of sameVerdict) {
  test(`same verdict: ${name}`, () => {
    const v = verdicts(full(), change);
    assert.equal(v.schema, v.validator, JSON.stringify(v.schemaErrors));
    assert.equal(v.validator, accepted.has(name));
  });
}

test('broken copies of the shipped file are refused by both', () => {
  const breaks: Change[] = [
    (d) => Object.assign(feeds(d, 3), { top: 'javascript:alert(1)' }),
    (d) => Object.assign(outlet(d, 10), { country: 'England' }),
    (d) => drop(outlet(d, 20), 'kind'),
    (d) => Object.assign(feeds(d, 30), { top: `https://openrss.org/${outlet(d, 30).domain}/` }),
  ];
  for (const change of breaks) {
    const v = verdicts(shipped, change);
    assert.deepEqual([v.schema, v.validator], [false, false]);
  }
});

for (const [name, change, error] of validatorOnly) {
  test(`beyond JSON Schema, the validator alone refuses: ${name}`, () => {
    const d = full();
    change(d);
    assert.equal(schemaCheck(d), true, JSON.stringify(schemaCheck.errors));
    const result = validateDirectory(d);
    assert.deepEqual(result.ok ? [] : result.errors, [error]);
  });
}

test('the schema lists the 249 countries once each, and the module the same kinds and feed proxies', () => {
  const outletDef = schema.$defs['outlet'] as { properties: Record<string, { enum?: string[] }> };
  const countries = outletDef.properties['country']!.enum!;
  assert.equal(new Set(countries).size, 249);
  assert.deepEqual(countries, [...countries].sort());
  assert.deepEqual(outletDef.properties['kind']!.enum, [...OUTLET_KINDS]);
  const proxied = (schema.$defs['notProxied'] as { not: { pattern: string } }).not.pattern;
  const listed = /\(\?:([^()]*)\)\(\?:\[\/\?#\]\|\$\)$/.exec(proxied)?.[1]?.split('|').map((h) => h.replace(/\\\./g, '.'));
  assert.deepEqual(listed, PROXY_HOSTS);
});
