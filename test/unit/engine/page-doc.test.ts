// The product's page → engine conversion (src/background/page-doc.ts), which the background, the
// benchmarks and calibration share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleDoc, LEAD_CHARS, pageDoc, pageKeyOf } from '../../../src/background/page-doc';
import type { ExtractedArticle } from '../../../src/contracts/page-report';

const page = (over: Partial<ExtractedArticle> = {}): ExtractedArticle => ({
  url: 'https://news.example/2021/06/01/bill?utm_source=x',
  canonicalUrl: null,
  title: 'Senate passes infrastructure bill',
  byline: null,
  siteName: 'News Example',
  published: '2021-06-01T10:00:00Z',
  lang: 'en',
  excerpt: null,
  text: 'Senators voted 69-30 for the package on Tuesday. The House takes it up next week.',
  ...over,
});

test('a page: headline, text up to LEAD_CHARS, stated date, outlet', () => {
  const doc = pageDoc(page({ text: 'x'.repeat(LEAD_CHARS * 2) }), 'k');
  assert.equal(doc.id, 'k');
  assert.equal(doc.text?.length, LEAD_CHARS);
  assert.equal(doc.published, Date.parse('2021-06-01T10:00:00Z'));
  assert.equal(doc.outlet, 'News Example');
  assert.equal(pageDoc(page({ published: null }), 'k').published, null);
  assert.equal(pageDoc(page({ published: 'not a date' }), 'k').published, null);
});

test('an excerpt the text opens with is read once; one that says something else is read first', () => {
  const text = 'Senators voted 69-30 for the package on Tuesday. The House takes it up next week.';
  assert.equal(pageDoc(page({ excerpt: 'Senators voted 69-30 for the package on Tuesday.' }), 'k').text, text);
  assert.equal(pageDoc(page({ excerpt: 'Senators  voted 69-30 for the package on…' }), 'k').text, text, 'whitespace and a cut-off ellipsis do not matter');
  assert.equal(pageDoc(page({ excerpt: 'A win for the White House.' }), 'k').text, `A win for the White House.\n${text}`);
});

test('a stored report reads its excerpt as text; the page key is the canonical URL key', () => {
  const doc = articleDoc({ id: 'r', title: 'T', excerpt: 'Lead.', published: '2021-06-01T10:00:00Z', outletName: 'O' });
  assert.deepEqual(doc, { id: 'r', title: 'T', text: 'Lead.', published: Date.parse('2021-06-01T10:00:00Z'), outlet: 'O' });
  assert.equal(articleDoc({ id: 'r', title: 'T', outletName: 'O' }).text, null);
  assert.equal(pageKeyOf(page({ canonicalUrl: 'https://www.news.example/2021/06/01/bill/' })), pageKeyOf(page({ url: 'https://news.example/2021/06/01/bill' })));
});
