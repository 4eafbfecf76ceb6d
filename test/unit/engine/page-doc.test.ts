// The product's page → engine conversion (src/background/page-doc.ts), which the background, the
// benchmarks and calibration share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleDoc, launchedMatch, LEAD_CHARS, notAfterRead, pageDoc, pageKeyOf } from '../../../src/background/page-doc';
import { OPINION_ATTACH_THRESHOLD } from '../../../src/background/feeds/feed-opinions';
import { MATCH_THRESHOLD, type MatchResult } from '../../../src/engine';
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

test('an opinion or analysis page launches on its best story at the bar feed opinions attach at; a report only on a match', () => {
  const between = (OPINION_ATTACH_THRESHOLD + MATCH_THRESHOLD) / 2;
  const top = { storyId: 'booster-debate', score: between, shared: ['booster'] };
  const unsure: MatchResult = { match: null, candidates: [top, { storyId: 'other', score: 0.1, shared: [] }] };
  assert.equal(launchedMatch(unsure, undefined), null, 'a page that says nothing of itself is a report');
  assert.equal(launchedMatch(unsure, 'report'), null);
  assert.deepEqual(launchedMatch(unsure, 'opinion'), top);
  assert.deepEqual(launchedMatch(unsure, 'analysis'), top);
  const far: MatchResult = { match: null, candidates: [{ ...top, score: OPINION_ATTACH_THRESHOLD - 0.01 }] };
  assert.equal(launchedMatch(far, 'opinion'), null, 'under the bar an opinion launches on nothing');
  assert.equal(launchedMatch({ match: null, candidates: [] }, 'opinion'), null);
  const sure = { ...top, score: MATCH_THRESHOLD + 0.01 };
  assert.deepEqual(launchedMatch({ match: sure, candidates: [sure] }, 'report'), sure);
  assert.deepEqual(launchedMatch({ match: sure, candidates: [sure] }, 'opinion'), sure);
});


test('a page dated after the moment it is read is dated then; any other page is the very object given', () => {
  const read = Date.parse('2021-06-01T12:00:00Z');
  // Local time labelled UTC: three hours ahead of the reader.
  assert.equal(notAfterRead(page({ published: '2021-06-01T15:00:00Z' }), read).published, '2021-06-01T12:00:00.000Z');
  for (const published of ['2021-06-01T10:00:00Z', '2021-06-01T12:00:00Z', null, 'not a date']) {
    const given = page({ published });
    assert.equal(notAfterRead(given, read), given);
  }
});
