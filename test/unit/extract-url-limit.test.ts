// The content script's report must pass the background's checks whole: a URL longer than the report
// admits (contracts/page-report.ts) made the whole report invalid, and the page went unmatched
// without a word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterInPageNavigation, extractArticle } from '../../src/content/extract';
import { parseArticle } from '../../src/contracts/page-report';
import { MAX_URL_CHARS } from '../../src/formats/url';

const PAGE = 'https://news.example/2025/ferry-fares';
const BODY =
  '<article><h1>Council votes on ferry fares</h1>' +
  '<p>The council voted on Tuesday to raise ferry fares by ten percent from next spring, after a long debate about the harbour budget and the cost of fuel for the island routes.</p>'.repeat(5) +
  '</article>';

function page(head: string, url = PAGE): Document {
  const html = `<!doctype html><html><head><title>Ferry</title>${head}</head><body>${BODY}</body></html>`;
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

/** What the background receives: the message is cloned, then checked. */
const received = (doc: Document, url = doc.URL) => {
  const article = extractArticle(doc, url);
  return { article, parsed: article ? parseArticle(JSON.parse(JSON.stringify(article))) : undefined };
};

/** `${PAGE}?id=xxx…` of exactly `length` characters. */
const withLength = (length: number) => `${PAGE}?id=${'x'.repeat(length - PAGE.length - 4)}`;

test('a canonical URL longer than a report admits is dropped; the page is still reported', () => {
  for (const head of [`<link rel="canonical" href="${withLength(MAX_URL_CHARS + 1)}">`, `<meta property="og:url" content="${withLength(5_000)}">`]) {
    const { article, parsed } = received(page(head));
    assert.ok(article, head.slice(0, 30));
    assert.equal(article.canonicalUrl, null);
    assert.ok(parsed, 'the background accepts the report');
  }
  // Short enough as written, too long once cleaning re-encodes its query ("~" → "%7E").
  const grows = `${PAGE}?utm_source=x&q=${'~'.repeat(2_000)}`;
  assert.equal(received(page(`<link rel="canonical" href="${grows}">`)).article?.canonicalUrl, null);
});

test('a canonical URL at the limit is kept', () => {
  const { article, parsed } = received(page(`<link rel="canonical" href="${withLength(MAX_URL_CHARS)}">`));
  assert.equal(article?.canonicalUrl, withLength(MAX_URL_CHARS));
  assert.equal(parsed?.canonicalUrl, withLength(MAX_URL_CHARS));
});

test('a page whose own URL is longer than a report admits gives no article', () => {
  assert.equal(received(page(''), withLength(MAX_URL_CHARS + 1)).article, null);
  assert.ok(received(page(''), withLength(MAX_URL_CHARS)).parsed);
});

test('after an in-page navigation, a canonical URL left over from the page before is not the new page\'s', () => {
  const head = '<link rel="canonical" href="https://news.example/2025/ferry-fares">';
  const first = extractArticle(page(head), PAGE)!;
  assert.equal(first.canonicalUrl, PAGE);
  // The site swapped the article and its address, not its <head>.
  const next = 'https://news.example/2025/harbour-dredging';
  const stale = afterInPageNavigation(extractArticle(page(head, next), next), first)!;
  assert.equal(stale.canonicalUrl, null, 'keyed by its own address, not as the ferry article');
  // A site that updates its <head> keeps its canonical URL; so does the first page of a document.
  const updated = afterInPageNavigation(extractArticle(page('<link rel="canonical" href="https://news.example/2025/harbour-dredging?id=7">', next), next), first)!;
  assert.equal(updated.canonicalUrl, 'https://news.example/2025/harbour-dredging?id=7');
  assert.equal(afterInPageNavigation(first, null)?.canonicalUrl, PAGE);
  // The same address again (a reload of the view): the same page, its canonical URL kept.
  assert.equal(afterInPageNavigation(extractArticle(page(head), PAGE), first)?.canonicalUrl, PAGE);
});
