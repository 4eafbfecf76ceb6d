import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contentCalls } from '../../src/contracts/content-calls';
import { parseEnvelope } from '../../src/contracts/dispatch';
import { backgroundCalls, PANEL_TAB_CALLS } from '../../src/contracts/messages';
import { MAX_ARTICLE_TEXT } from '../../src/contracts/page-report';

const article = {
  url: 'https://example.com/a',
  canonicalUrl: null,
  title: 'Headline',
  byline: null,
  siteName: 'Example',
  published: '2025-08-15T23:56:54.000Z',
  lang: 'en',
  excerpt: 'Lead.',
  text: 'Body text.',
};

test('a well-formed article message passes with its fields', () => {
  const parsed = parseEnvelope(backgroundCalls, { type: 'article/found', payload: { article } });
  assert.deepEqual(parsed, { type: 'article/found', payload: { article, revisit: false } });
});

test('an article message may say the page came back (a reload, Back, a restored tab); anything but true is a visit', () => {
  assert.deepEqual(parseEnvelope(backgroundCalls, { type: 'article/found', payload: { article, revisit: true } }), { type: 'article/found', payload: { article, revisit: true } });
  for (const revisit of ['true', 1, null]) {
    assert.deepEqual(parseEnvelope(backgroundCalls, { type: 'article/found', payload: { article, revisit } }), { type: 'article/found', payload: { article, revisit: false } });
  }
});

test('an article message may say the page is an opinion or analysis piece', () => {
  for (const kind of ['opinion', 'analysis', 'report'] as const) {
    assert.deepEqual(parseEnvelope(backgroundCalls, { type: 'article/found', payload: { article: { ...article, kind } } }), { type: 'article/found', payload: { article: { ...article, kind }, revisit: false } });
  }
});

test('malformed and foreign messages are refused', () => {
  const refused: unknown[] = [
    null,
    'article/found',
    { type: 'article/found' },
    { type: 'article/found', payload: { article: { ...article, title: 42 } } },
    { type: 'article/found', payload: { article: { ...article, published: 'yesterday-ish' } } },
    { type: 'article/found', payload: { article: { ...article, text: 'x'.repeat(MAX_ARTICLE_TEXT + 1) } } },
    { type: 'article/found', payload: { article: { ...article, canonicalUrl: 7 } } },
    { type: 'article/found', payload: { article: { ...article, kind: 'rant' } } },
    { type: 'article/found', payload: { article: { ...article, kind: null } } },
    { type: 'toString', payload: {} },
    { type: '__proto__', payload: {} },
    { type: 'erase-everything', payload: {} },
    { type: 'popup/state', payload: { tabId: -1 } },
    { type: 'popup/state', payload: { tabId: 1.5 } },
    { type: 'action/set-done', payload: { storyId: 's', actionId: 'a', done: 'yes' } },
    { type: 'sidebar/view', payload: { extra: true } },
    { type: 'sidebar/view', payload: { tabId: 'seven' } },
    { type: 'match/reject', payload: { storyId: 's', tabId: -3 } },
    { type: 'match/reject', payload: { storyId: 's', extra: 1 } },
    { type: 'story/follow', payload: { storyId: 's', follow: 1 } },
    { type: 'story/set-categories', payload: { storyId: 's' } },
    { type: 'story/set-categories', payload: { storyId: 's', categories: 'civic/guns' } },
    { type: 'story/set-categories', payload: { storyId: 's', categories: ['civic/guns', 'civic/guns'] } },
    { type: 'story/set-categories', payload: { storyId: 's', categories: ['civic/a', 'civic/b', 'civic/c', 'civic/d', 'civic/e', 'civic/f'] } },
    { type: 'story/set-categories', payload: { storyId: 's', categories: [7] } },
    { type: 'story/set-categories', payload: { storyId: 's', categories: null, tabId: 3 } },
  ];
  for (const message of refused) assert.equal(parseEnvelope(backgroundCalls, message), undefined, JSON.stringify(message));
});

test('a story is filed under a list of category ids, or given back to Storyline with null', () => {
  for (const categories of [['civic/guns', 'civic/law'], [], null]) {
    assert.deepEqual(parseEnvelope(backgroundCalls, { type: 'story/set-categories', payload: { storyId: 's', categories } }), {
      type: 'story/set-categories',
      payload: { storyId: 's', categories },
    });
  }
});

test('a side panel names its tab; the in-page sidebar sends no tab', () => {
  assert.deepEqual(parseEnvelope(backgroundCalls, { type: 'sidebar/view', payload: {} }), { type: 'sidebar/view', payload: {} });
  assert.deepEqual(parseEnvelope(backgroundCalls, { type: 'sidebar/view', payload: { tabId: 4 } }), { type: 'sidebar/view', payload: { tabId: 4 } });
  assert.deepEqual(parseEnvelope(backgroundCalls, { type: 'match/reject', payload: { storyId: 's', tabId: 4 } }), {
    type: 'match/reject',
    payload: { storyId: 's', tabId: 4 },
  });
});

test('the side panel names its tab on exactly the sidebar calls that take one', () => {
  // A sidebar call that takes the tab from the payload when there is no sender tab: with only
  // {tabId} or {storyId, tabId}, it parses and keeps the tab.
  const takesTab = (type: keyof typeof backgroundCalls): boolean =>
    backgroundCalls[type].senders.includes('sidebar') &&
    [{ tabId: 4 }, { storyId: 's', tabId: 4 }].some((payload) => (parseEnvelope(backgroundCalls, { type, payload })?.payload as { tabId?: number } | undefined)?.tabId === 4);
  const expected = (Object.keys(backgroundCalls) as (keyof typeof backgroundCalls)[]).filter(takesTab).sort();
  assert.deepEqual([...PANEL_TAB_CALLS].sort(), expected);
  assert.ok(expected.includes('match/confirm'));
});

test('missing optional article fields become null, never invented', () => {
  const { canonicalUrl: _c, byline: _b, published: _p, ...rest } = article;
  const parsed = parseEnvelope(backgroundCalls, { type: 'article/found', payload: { article: rest } });
  assert.ok(parsed);
  const payload = parsed.payload as { article: typeof article };
  assert.equal(payload.article.published, null);
  assert.equal(payload.article.canonicalUrl, null);
});

test('content calls are validated too', () => {
  assert.deepEqual(parseEnvelope(contentCalls, { type: 'launcher/show', payload: { count: 4 } }), {
    type: 'launcher/show',
    payload: { count: 4 },
  });
  assert.equal(parseEnvelope(contentCalls, { type: 'launcher/show', payload: { count: '4' } }), undefined);
  assert.equal(parseEnvelope(contentCalls, { type: 'article/found', payload: { article } }), undefined);
});
