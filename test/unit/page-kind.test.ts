// What a page says it is: an opinion or analysis piece (content/page-kind.ts), read off its
// schema.org type, its section and its address, as outlets mark them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { pageKind } from '../../src/content/page-kind';
import { extractArticle } from '../../src/content/extract';

const URL_ = 'https://news.example/2021/09/22/biden-border';
const doc = (head: string, body = '<p>Text.</p>'): Document => new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, { url: URL_ }).window.document;
const ld = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

test('a schema.org type, a JSON-LD section, an article:section tag or an opinion address make an opinion', () => {
  assert.equal(pageKind(doc(ld({ '@type': 'OpinionNewsArticle', headline: 'x' })), URL_), 'opinion');
  assert.equal(pageKind(doc(ld({ '@type': ['NewsArticle', 'OpinionNewsArticle'] })), URL_), 'opinion');
  assert.equal(pageKind(doc(ld({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', articleSection: 'Opinion' }] })), URL_), 'opinion');
  assert.equal(pageKind(doc('<meta property="article:section" content="Opinion">'), URL_), 'opinion');
  assert.equal(pageKind(doc(''), 'https://news.example/opinion/2021/09/22/biden-border'), 'opinion');
  assert.equal(pageKind(doc(''), 'https://www.theguardian.com/commentisfree/2021/sep/22/biden-border'), 'opinion');
});

test('analysis pieces are analysis, unless they are also an opinion', () => {
  assert.equal(pageKind(doc(ld({ '@type': 'AnalysisNewsArticle' })), URL_), 'analysis');
  assert.equal(pageKind(doc('<meta property="article:section" content="Analysis">'), URL_), 'analysis');
  assert.equal(pageKind(doc(ld({ '@type': 'AnalysisNewsArticle', articleSection: 'Opinion' })), URL_), 'opinion');
});

test('a report stays a report: a section about polls, a page declaring nothing, JSON-LD that does not parse or is too big', () => {
  assert.equal(pageKind(doc(ld({ '@type': 'NewsArticle', articleSection: 'Opinion polls' })), URL_), 'report');
  assert.equal(pageKind(doc(''), URL_), 'report');
  assert.equal(pageKind(doc('<script type="application/ld+json">{"@type": "OpinionNewsArticle",</script>'), URL_), 'report');
  assert.equal(pageKind(doc(ld({ '@type': 'OpinionNewsArticle', padding: 'x'.repeat(300_000) })), URL_), 'report');
});

test('a hostile JSON-LD block is read within its bound: deep nesting and wide arrays end quickly', () => {
  const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
  const wide = JSON.stringify(Array.from({ length: 50_000 }, () => ({ '@type': 'Thing' })).concat([{ '@type': 'OpinionNewsArticle' }]));
  const t = performance.now();
  assert.equal(pageKind(doc(`<script type="application/ld+json">${deep}</script><script type="application/ld+json">${wide}</script>`), URL_), 'report', 'past the walk bound: not read');
  assert.ok(performance.now() - t < 2_000);
});

test('the extraction carries the kind of an opinion page, and nothing for a report', () => {
  const text = '<article><h1>Biden must fix the border</h1>' + '<p>The administration has lost control of the southern border, and the president should say so plainly before the next surge arrives.</p>'.repeat(4) + '</article>';
  const opinion = extractArticle(doc('<title>Biden must fix the border</title><meta property="article:section" content="Opinion">', text), URL_);
  assert.equal(opinion?.kind, 'opinion');
  const report = extractArticle(doc('<title>Biden must fix the border</title>', text), URL_);
  assert.ok(report);
  assert.equal('kind' in report, false);
});
