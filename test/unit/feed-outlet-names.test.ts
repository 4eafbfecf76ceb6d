// Who a feed's items are from, as a reader names them: feed titles put the section first as often
// as last ("World news | The Guardian", "Politics : NPR"), and outlets link their items from a
// sibling host (a bbc.co.uk feed of bbc.com pages) or a forwarder. The first part of the title and
// the exact host named outlets "World news", "Politics" and "bbc.com" in the sidebar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { directoryName, outletName, ownerLabel, pageOutletName, sameOutlet } from '../../src/background/feeds/outlet-names';
import { joinedArticle } from '../../src/background/sources/history';
import { FeedStories } from '../../src/background/feeds/feed-stories';
import { feedKind, parseFeed, titleParts } from '../../src/formats/feeds';

test('a feed title names its outlet in whichever part spells the host, else its first part', () => {
  assert.equal(outletName('World news | Meridian Daily', 'meridiandaily.example'), 'Meridian Daily');
  assert.equal(outletName('Politics : HPR', 'feeds.hpr.example'), 'HPR');
  assert.equal(outletName('Home - Coastal News', 'coastalnews.example'), 'Coastal News');
  assert.equal(outletName('Harbour Post : World', 'harbourpost.example'), 'Harbour Post');
  assert.equal(outletName('HP > World', 'harbourpost.example'), 'HP');
  assert.equal(outletName('Latest | South Coast Morning Herald', 'scmh.example'), 'South Coast Morning Herald', 'by its initials');
  assert.equal(outletName('The Daily Meridian | World news', 'meridian.example'), 'The Daily Meridian');
  assert.equal(outletName('World | Opinion', 'elsewhere.example'), 'World', 'none spells it: the first part, as before');
  assert.equal(outletName(null, 'meridian.example'), 'meridian.example');
});

test("the shipped directory's outlets are named as the directory names them, on any of their hosts", () => {
  assert.equal(directoryName('theguardian.com'), 'The Guardian');
  assert.equal(directoryName('edition.cnn.com'), 'CNN');
  assert.equal(directoryName('bbc.co.uk'), 'BBC News');
  assert.equal(directoryName('meridian.example'), undefined);
  assert.equal(outletName('NYT > Opinion', 'nytimes.com'), 'The New York Times');
});

test('a sibling host or a forwarder is the feed outlet’s own; another outlet is not', () => {
  assert.equal(ownerLabel('www.bbc.co.uk'), 'bbc');
  assert.equal(ownerLabel('abcnews.go.com'), 'abcnews');
  assert.equal(ownerLabel('news.sky.com'), 'sky');
  assert.ok(sameOutlet('bbc.com', 'bbc.co.uk'));
  assert.ok(sameOutlet('edition.cnn.com', 'cnn.com'));
  assert.ok(sameOutlet('feedproxy.google.com', 'smalloutlet.example'));
  assert.ok(!sameOutlet('harbourpost.example', 'meridian.example'));
  assert.ok(!sameOutlet('news.google.com', 'meridian.example'));
  assert.ok(!sameOutlet('ab.com', 'ab.co.uk'), 'two letters say too little');
});

test('feed titles split at the separators outlets use; a section in front still marks an opinion feed', () => {
  assert.deepEqual(titleParts('NYT > U.S. News'), ['NYT', 'U.S. News']);
  assert.deepEqual(titleParts('Paper › World'), ['Paper', 'World']);
  assert.equal(feedKind('https://meridian.example/feed', 'Opinion | The Daily Meridian'), 'opinion');
  assert.equal(feedKind('https://meridian.example/feed', 'The Daily Meridian | Opinion'), 'opinion');
  assert.equal(feedKind('https://meridian.example/feed', 'The Daily Meridian'), null);
});

test('in the stories: each outlet named once, its sibling-host items its own', () => {
  const D = 'Mon, 15 Jan 2024 10:00:00 GMT';
  const feed = (url: string, title: string, link: string, items: [string, string][]) => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>${link}</link>${items
      .map(([t, l]) => `<item><title>${t}</title><link>${l}</link><pubDate>${D}</pubDate><description>${t}, officials said on Monday.</description></item>`)
      .join('')}</channel></rss>`;
    const parsed = parseFeed(xml, { url });
    assert.ok(parsed.ok);
    return [url, parsed.feed] as const;
  };
  const model = new FeedStories();
  model.update([
    feed('https://meridiandaily.example/world/rss', 'World news | Meridian Daily', 'https://meridiandaily.example/world', [['Storm batters coast', 'https://meridiandaily.example/2024/storm']]),
    feed('https://feeds.harbour.co.uk/rss', 'Harbour News', 'https://www.harbour.co.uk/news', [['Storm batters coast, killing two', 'https://www.harbour.com/news/c123']]),
  ]);
  assert.deepEqual(
    model.entries.outlets().map((o) => [o.id, o.name]),
    [
      ['harbour.co.uk', 'Harbour News'],
      ['meridiandaily.example', 'Meridian Daily'],
    ],
  );
  for (const id of model.entries.ids()) assert.equal(model.entries.get(id)?.own, true);
});

test('items a feed tells apart at one address are so many entries; one item listed twice is one', async () => {
  const { feedPart } = await import('../../src/background/feeds/feed-entry');
  const item = (guid: string, title: string, link: string) => `<item><title>${title}</title><link>${link}</link><guid isPermaLink="false">${guid}</guid><pubDate>Mon, 15 Jan 2024 10:00:00 GMT</pubDate></item>`;
  const xml = `<rss version="2.0"><channel><title>Town Council News</title><link>https://town.example/</link>${[
    item('notice-1', 'Road closure on Mill Street', 'https://town.example/news'),
    item('notice-2', 'Library opens on Sundays', 'https://town.example/news'),
    item('notice-2', 'Library opens on Sundays', 'https://town.example/news'),
    item('story-4', 'Budget meeting moved', 'https://town.example/news#item-4'),
  ].join('')}</channel></rss>`;
  const parsed = parseFeed(xml, { url: 'https://town.example/rss' });
  assert.ok(parsed.ok);
  const titles = [...feedPart('https://town.example/rss', parsed.feed).entries.values()].map((e) => e.article.title);
  assert.deepEqual(titles, ['Road closure on Mill Street', 'Library opens on Sundays', 'Budget meeting moved']);
});

test("a page the reader read is listed under the name it gives itself only where that name spells its host", () => {
  assert.equal(pageOutletName('The Harbour Ledger', 'harbourledger.example'), 'The Harbour Ledger');
  assert.equal(pageOutletName('NPR', 'npr.org'), 'NPR');
  // The directory names its outlets whatever the page says.
  assert.equal(pageOutletName('Whatever', 'theguardian.com'), directoryName('theguardian.com'));
  // A page may call itself anything: a copy on a blog saying "Reuters" is listed with its host.
  assert.equal(pageOutletName('Reuters', 'copies.example'), 'Reuters (copies.example)');
  // A name inside the host is not the host's: anyone can register one around a famous name.
  assert.equal(pageOutletName('AP', 'cheapdeals.com'), 'AP (cheapdeals.com)');
  assert.equal(pageOutletName('Reuters', 'reutersbreaking.com'), 'Reuters (reutersbreaking.com)');
  assert.equal(pageOutletName('BBC', 'bbcnewsfake.com'), 'BBC (bbcnewsfake.com)');
  assert.equal(pageOutletName('Harbour Post News', 'harbourpost.example'), 'Harbour Post News', 'the host is the start of the name');
  assert.equal(pageOutletName('South Coast Morning Herald', 'scmh.example'), 'South Coast Morning Herald', 'its initials');
  assert.equal(pageOutletName(null, 'copies.example'), 'copies.example');
  assert.equal(pageOutletName('  ', 'copies.example'), 'copies.example');
  // Through the joined report as a story's coverage lists it (the privacy audit's copied page).
  const joined = joinedArticle(
    { pageKey: 'copies.example/blog/copied', url: 'https://www.copies.example/blog/copied', title: "'No deal' as talks end", siteName: 'Reuters', published: null, text: null, readAt: '2026-12-07T00:00:00Z' } as unknown as Parameters<typeof joinedArticle>[0],
    'pack/story',
  );
  assert.equal(joined.outletName, 'Reuters (copies.example)');
});
