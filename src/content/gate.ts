// The cheap test every page gets before any real work: is this page an article at all?
// Declarations (og:type, JSON-LD) are read first because they cost a few selector lookups;
// isProbablyReaderable walks the DOM but stops early on most non-article pages. This module is the
// gate script's (every page): it imports Readability's readerability check alone (4 KB), never
// Readability itself, which only the extraction bundle carries.
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';

// "@type": "NewsArticle" (or Article, ReportageNewsArticle, …), possibly inside an array.
const JSON_LD_ARTICLE = /"@type"\s*:\s*(?:\[[^\]]*?)?"(?:\w*NewsArticle|Article)"/;

export function declaresArticle(doc: Document): boolean {
  const ogType = doc.querySelector('meta[property="og:type" i]')?.getAttribute('content')?.trim().toLowerCase();
  if (ogType === 'article' || ogType?.startsWith('article:')) return true;
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    if (JSON_LD_ARTICLE.test(script.textContent ?? '')) return true;
  }
  return false;
}

export function passesGate(doc: Document): boolean {
  return declaresArticle(doc) || isProbablyReaderable(doc);
}
