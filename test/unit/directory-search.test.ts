// Directory search as the welcome page's placeholder promises it, "Name, site or country": a country
// finds its own outlets first (not those of a country whose alias merely shares a word), an address
// finds the outlet it belongs to, and a name the outlet is also known by finds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { searchOutlets, validateDirectory, type Directory, type DirectoryOutlet } from '../../src/formats/directory';

const checked = validateDirectory(JSON.parse(readFileSync(new URL('../../assets/directory/outlets.json', import.meta.url), 'utf8')));
if (!checked.ok) throw new Error(checked.errors.join('\n'));
const dir: Directory = checked.directory;
const ids = (outlets: DirectoryOutlet[]): string[] => outlets.map((o) => o.id);
const countriesOf = (outlets: DirectoryOutlet[]): string[] => outlets.map((o) => o.country);

test('a country finds its own outlets before those of a country whose alias shares a word ("Northern Ireland")', () => {
  for (const q of ['Ireland', 'ireland', 'IRELAND']) {
    const hits = countriesOf(searchOutlets(dir, q));
    const irish = dir.outlets.filter((o) => o.country === 'IE').length;
    assert.ok(irish >= 4);
    assert.deepEqual(hits.slice(0, irish), Array(irish).fill('IE'), `${q}: ${hits.join(' ')}`);
  }
  // The alias as a whole still names the United Kingdom.
  assert.deepEqual(new Set(countriesOf(searchOutlets(dir, 'northern ireland'))), new Set(['GB']));
  assert.deepEqual(new Set(countriesOf(searchOutlets(dir, 'wales'))), new Set(['GB']));
});

test('a word of a country\'s alias ranks below a country\'s own name, whatever the outlets are called', () => {
  const outlet = (id: string, name: string, country: string): DirectoryOutlet => ({ id, name, domain: id, country, kind: 'newspaper', feeds: { top: `https://${id}/rss` }, from: { top: 'outlet' } });
  // "Northern Ireland" is an alias of GB; "Ireland" is IE's own name. By name alone GB's Alpha
  // would come first.
  const small: Directory = {
    format: 1,
    checked: '2026-12-02',
    recommended: [],
    outlets: [outlet('a.example', 'Alpha', 'GB'), outlet('b.example', 'Beta', 'IE')],
  };
  assert.deepEqual(ids(searchOutlets(small, 'ireland')), ['b.example', 'a.example']);
  assert.deepEqual(ids(searchOutlets(small, 'irel')), ['b.example', 'a.example']);
  assert.deepEqual(ids(searchOutlets(small, 'northern ireland')), ['a.example']);
});

test('an address finds its outlet: scheme, www., path and port dropped; the domain, its hosts and its feed hosts', () => {
  const cases: [string, string][] = [
    ['www.theguardian.com', 'theguardian.com'],
    ['theguardian.com', 'theguardian.com'],
    ['https://www.theguardian.com/world/2026/jan/01/story', 'theguardian.com'],
    ['https://www.bbc.com/news', 'bbc.com'],
    ['HTTPS://WWW.BBC.COM/NEWS', 'bbc.com'],
    ['bbc.co.uk', 'bbc.com'],
    ['www.bbc.co.uk/news/uk-123', 'bbc.com'],
    ['https://news.bbc.co.uk', 'bbc.com'],
    ['feeds.bbci.co.uk/news/rss.xml', 'bbc.com'],
    ['edition.cnn.com', 'cnn.com'],
    ['http://www.nytimes.com:443/section/world', 'nytimes.com'],
    ['rss.nytimes.com', 'nytimes.com'],
    ['en.yna.co.kr', 'yna.co.kr'],
    ['yna.co.kr', 'yna.co.kr'],
    ['RTÉ.ie', 'rte.ie'],
    ['TheJournal.ie', 'thejournal.ie'],
  ];
  for (const [q, id] of cases) assert.deepEqual(ids(searchOutlets(dir, q)), [id], q);
});

test('an address being typed already shows its outlet; the proxy a feed goes through is not the outlet\'s host', () => {
  assert.equal(ids(searchOutlets(dir, 'https://www.theguard'))[0], 'theguardian.com');
  assert.equal(ids(searchOutlets(dir, 'www.theguardian.c'))[0], 'theguardian.com');
  assert.equal(ids(searchOutlets(dir, 'bbc.co'))[0], 'bbc.com');
  assert.deepEqual(searchOutlets(dir, 'openrss.org'), []);
  assert.deepEqual(searchOutlets(dir, 'https://example.org/news'), []);
  // What only looks like an address is still searched as words.
  assert.equal(ids(searchOutlets(dir, 'n.y. times'))[0], 'nytimes.com');
  assert.equal(ids(searchOutlets(dir, 'news.com.au'))[0], 'news.com.au');
});

test('a name the outlet is also known by finds it: "Deutsche Welle" is DW', () => {
  for (const q of ['Deutsche Welle', 'deutsche', 'welle', 'the deutsche welle']) assert.equal(ids(searchOutlets(dir, q))[0], 'dw.com', q);
  assert.equal(ids(searchOutlets(dir, 'Raidió Teilifís Éireann'))[0], 'rte.ie');
  assert.equal(ids(searchOutlets(dir, 'radio new zealand'))[0], 'rnz.co.nz');
  assert.equal(ids(searchOutlets(dir, 'canadian broadcasting'))[0], 'cbc.ca');
});

test('search stays linear: long queries of words or addresses over the whole directory', () => {
  const started = performance.now();
  for (let i = 0; i < 50; i++) {
    searchOutlets(dir, 'a '.repeat(100_000));
    searchOutlets(dir, `https://${'a.'.repeat(100_000)}com/${'x/'.repeat(1000)}`);
    searchOutlets(dir, 'www.'.repeat(100_000));
  }
  assert.ok(performance.now() - started < 2000, `${performance.now() - started} ms`);
});
