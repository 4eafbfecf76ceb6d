// The demo site, built from the repository alone: the front page is not an article; each summit
// report page is one that Readability reads with the headline, outlet and time the starter pack
// gives that report; the made-up event's pages are dated back from the demo's start; the unrelated
// page is an article on another subject.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { buildDemoSite, demoArticles, DEMO_FOLLOW_UP_PATH, DEMO_UNRELATED_PATH, demoEventPaths, demoReportPaths } from '../../scripts/lib/demo-site';
import type { Pack } from '../../src/formats/model';

const NOW = Date.parse('2026-03-10T12:00:30Z');
const site = buildDemoSite({ now: NOW });
const reports = demoReportPaths(site);
const events = demoEventPaths(site);
const starter = JSON.parse(readFileSync(new URL('../../assets/packs/starter.json', import.meta.url), 'utf8')) as Pack;
const packReports = starter.stories[0]?.articles ?? [];
const outletName = (id: string): string | undefined => starter.outlets.find((o) => o.id === id)?.name;

function dom(path: string): Document {
  const html = site.get(path);
  assert.ok(html, `no page at ${path}`);
  return new JSDOM(html, { url: `http://127.0.0.1:8080${path}` }).window.document;
}

test('the site has a home page, five summit reports, four reports of the made-up event, the summit\'s follow-up and one unrelated page', () => {
  assert.equal(site.size, 12);
  assert.deepEqual(reports.map((r) => r.seed.slice(0, 3)), ['000', '001', '002', '003', '004']);
  assert.equal(events.length, 4);
  for (const path of [...reports.map((r) => r.path), ...events]) assert.match(path, /^\/[a-z0-9-]+\/[a-z0-9-]+\.html$/);
  assert.match(DEMO_UNRELATED_PATH, /^\/unrelated\/[a-z0-9-]+\.html$/);
  assert.match(DEMO_FOLLOW_UP_PATH, /^\/demo-newsstand\/[a-z0-9-]+\.html$/);
});

test('the follow-up is an article of its own day, and says whose words it is in', () => {
  const doc = dom(DEMO_FOLLOW_UP_PATH);
  assert.equal(isProbablyReaderable(doc), true);
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  assert.match(parsed?.title ?? '', /White House/);
  assert.equal(doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content'), '2025-08-18T19:40:00-04:00');
  assert.match(doc.querySelector('.demo-note')?.textContent ?? '', /our own words from public reporting/);
});

test('the home page is a front page, not an article, and links every article', () => {
  const doc = dom('/');
  assert.equal(isProbablyReaderable(doc), false);
  assert.equal(doc.querySelector('meta[property="og:type"]')?.getAttribute('content'), 'website');
  assert.ok(!site.get('/')?.includes('NewsArticle'));
  const links = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
  for (const path of [...reports.map((r) => r.path), ...events, DEMO_FOLLOW_UP_PATH, DEMO_UNRELATED_PATH]) assert.ok(links.includes(path), `home does not link ${path}`);
});

test('each summit report is readerable and parsed with the headline of the starter pack\'s report', () => {
  assert.equal(packReports.length, reports.length);
  reports.forEach(({ path }, i) => {
    const doc = dom(path);
    assert.equal(isProbablyReaderable(doc), true, path);
    const parsed = new Readability(doc.cloneNode(true) as Document).parse();
    assert.equal(parsed?.title, packReports[i]?.title);
    const lead = demoArticles({ now: NOW })[i]?.body[0] ?? '';
    assert.ok(lead.length > 100 && parsed?.textContent?.includes(lead), `${path} lost its lead`);
  });
});

test('summit report pages declare themselves articles with the starter pack\'s facts', () => {
  reports.forEach(({ path }, i) => {
    const report = packReports[i];
    assert.ok(report);
    const doc = dom(path);
    const meta = (p: string) => doc.querySelector(`meta[property="${p}"]`)?.getAttribute('content');
    assert.equal(doc.documentElement.lang, 'en');
    assert.equal(meta('og:type'), 'article');
    assert.equal(meta('og:title'), report.title);
    assert.equal(meta('og:site_name'), outletName(report.outlet));
    assert.equal(meta('article:published_time'), report.published);
    assert.equal(doc.querySelector('time')?.getAttribute('datetime'), report.published);
    assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), path);
    assert.equal(doc.querySelector('h1')?.textContent, report.title);
    assert.equal(doc.querySelector('header .name')?.textContent, outletName(report.outlet));
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as Record<string, unknown>;
    assert.equal(ld['@type'], 'NewsArticle');
    assert.equal(ld['headline'], report.title);
  });
});

test('every article is a real article: 6 to 10 paragraphs, subheadings as h2, and a note that the page is a demo', () => {
  for (const path of [...reports.map((r) => r.path), ...events]) {
    const doc = dom(path);
    const paragraphs = doc.querySelectorAll('article p').length;
    assert.ok(paragraphs >= 6 && paragraphs <= 10, `${path}: ${paragraphs} paragraphs`);
    assert.ok(!/^## /m.test(doc.querySelector('article')?.textContent ?? ''), `${path}: a raw subheading marker`);
    assert.match(doc.querySelector('footer .demo-note')?.textContent ?? '', /^Demo page: .*not (?:published by|.*'s text)/);
  }
  assert.deepEqual([...dom(reports[4]!.path).querySelectorAll('article h2')].map((h) => h.textContent), [
    'No ceasefire, no agreement', 'Who was in the room', 'Next steps', 'Allies and Kyiv respond', 'Assessment',
  ]);
});

test('each outlet looks different, and the same outlet looks the same on every page', () => {
  const style = (path: string) => dom(path).querySelector('style')?.textContent;
  assert.equal(new Set(reports.map(({ path }) => style(path))).size, reports.length);
  for (const path of events) {
    const outlet = dom(path).querySelector('meta[property="og:site_name"]')?.getAttribute('content');
    const summit = reports.find((r) => dom(r.path).querySelector('meta[property="og:site_name"]')?.getAttribute('content') === outlet);
    assert.ok(summit, `${outlet} has no summit report`);
    assert.equal(style(path), style(summit.path));
  }
});

test('the made-up event is reported by four outlets, dated back from the demo\'s start, and says it is made up', () => {
  const outlets = events.map((path) => dom(path).querySelector('meta[property="og:site_name"]')?.getAttribute('content'));
  assert.equal(new Set(outlets).size, 4);
  for (const path of events) {
    const doc = dom(path);
    const published = Date.parse(doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content') ?? '');
    assert.ok(published < NOW && published > NOW - 2 * 86_400_000, path);
    assert.equal(published % 60_000, 0, 'times are whole minutes');
    assert.match(doc.querySelector('footer')?.textContent ?? '', /a made-up story/);
    assert.match(new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? '', /Comet Tulloch/);
  }
  // Built again a day later, the pages move with the clock: a feed of this event always looks current.
  const later = buildDemoSite({ now: NOW + 86_400_000 });
  assert.notEqual(later.get(events[0]!), site.get(events[0]!));
  assert.equal(later.get(reports[0]!.path), site.get(reports[0]!.path));
});

test('the unrelated page is an article about something else', () => {
  const doc = dom(DEMO_UNRELATED_PATH);
  assert.equal(isProbablyReaderable(doc), true);
  const parsed = new Readability(doc.cloneNode(true) as Document).parse();
  assert.match(parsed?.title ?? '', /bike lane/);
  assert.ok(!/Putin|Ukraine|Alaska|comet/i.test(parsed?.textContent ?? ''));
  assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), DEMO_UNRELATED_PATH);
});
