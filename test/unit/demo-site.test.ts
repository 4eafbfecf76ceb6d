// The demo site: the front page is not an article; each report page is one that Readability reads
// with the seed's headline; the unrelated page is an article on another subject.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { buildDemoSite, DEMO_UNRELATED_PATH, demoReportPaths } from '../../scripts/lib/demo-site';
import { readSeeds } from '../../scripts/lib/seed-parser';

const SEEDS = fileURLToPath(new URL('../../../shared/seed-stories', import.meta.url));
const site = buildDemoSite(SEEDS);
const seeds = readSeeds(SEEDS);
const reports = demoReportPaths(site);

function dom(path: string): Document {
  const html = site.get(path);
  assert.ok(html, `no page at ${path}`);
  return new JSDOM(html, { url: `http://127.0.0.1:8080${path}` }).window.document;
}

test('the site has a home page, five report pages and one unrelated page', () => {
  assert.equal(site.size, 7);
  assert.deepEqual(reports.map((r) => r.seed), seeds.map((s) => s.file));
  for (const { path } of reports) assert.match(path, /^\/[a-z0-9-]+\/[a-z0-9-]+\.html$/);
  assert.match(DEMO_UNRELATED_PATH, /^\/unrelated\/[a-z0-9-]+\.html$/);
});

test('the home page is a front page, not an article', () => {
  const doc = dom('/');
  assert.equal(isProbablyReaderable(doc), false);
  assert.equal(doc.querySelector('meta[property="og:type"]')?.getAttribute('content'), 'website');
  assert.ok(!site.get('/')?.includes('NewsArticle'));
  const links = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
  for (const { path } of reports) assert.ok(links.includes(path), `home does not link ${path}`);
});

test('each report page is readerable and parsed with its seed headline', () => {
  reports.forEach(({ path }, i) => {
    const seed = seeds[i];
    assert.ok(seed);
    const doc = dom(path);
    assert.equal(isProbablyReaderable(doc), true, path);
    const parsed = new Readability(doc.cloneNode(true) as Document).parse();
    assert.equal(parsed?.title, seed.headline);
    assert.ok(parsed?.textContent?.includes((seed.body[0] ?? '').slice(0, 60)), `${path} lost its lead`);
  });
});

test('report pages declare themselves articles with their facts', () => {
  reports.forEach(({ path }, i) => {
    const seed = seeds[i];
    assert.ok(seed);
    const doc = dom(path);
    const meta = (p: string) => doc.querySelector(`meta[property="${p}"]`)?.getAttribute('content');
    assert.equal(doc.documentElement.lang, 'en');
    assert.equal(meta('og:type'), 'article');
    assert.equal(meta('og:title'), seed.headline);
    assert.equal(meta('og:site_name'), seed.outlet.name);
    assert.equal(meta('article:published_time'), seed.published);
    assert.equal(doc.querySelector('time')?.getAttribute('datetime'), seed.published);
    assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), path);
    assert.equal(doc.querySelector('h1')?.textContent, seed.headline);
    assert.equal(doc.querySelector('header .name')?.textContent, seed.outlet.name);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as Record<string, unknown>;
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal(ld['headline'], seed.headline);
    // The report only: not the republishing site's essays or to-do list.
    const text = doc.querySelector('article')?.textContent ?? '';
    assert.ok(!/Opinion:|What Can We Personally Do|Sign Our Petition/.test(text), path);
  });
});

test('each outlet looks different', () => {
  const styles = reports.map(({ path }) => dom(path).querySelector('style')?.textContent);
  assert.equal(new Set(styles).size, reports.length);
});

test('the unrelated page is an article about something else', () => {
  const doc = dom(DEMO_UNRELATED_PATH);
  assert.equal(isProbablyReaderable(doc), true);
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  assert.match(parsed?.title ?? '', /bike lane/);
  assert.ok(!/Putin|Ukraine|Alaska/.test(parsed?.textContent ?? ''));
  assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), DEMO_UNRELATED_PATH);
});
