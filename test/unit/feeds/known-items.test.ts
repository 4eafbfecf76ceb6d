// A refresh reuses the items its last parse of the same feed converted (known-items.ts). Whatever
// changed between the two answers (items edited, added or dropped, the channel's link that is the
// base for relative links, its section, a namespace prefix bound to another URI, the Atom feed's
// author), a parse given the last one's items must answer exactly what a parse from nothing does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ItemMemo, parseFeed, type FeedItem } from '../../../src/formats/feeds';

const DC = 'http://purl.org/dc/elements/1.1/';
const OTHER = 'http://example.org/not-dublin-core/';

interface Doc {
  home: string;
  section: string | null;
  dcUri: string;
  author: string;
  items: { n: number; title: string; date: number; relative: boolean; dc: boolean }[];
}

const itemArb = fc.record({
  n: fc.integer({ min: 0, max: 8 }),
  title: fc.constantFrom('Council votes', 'Storm &amp; floods', 'Court rules <b>again</b>', ''),
  date: fc.integer({ min: 1, max: 28 }),
  relative: fc.boolean(),
  dc: fc.boolean(),
});
const docArb: fc.Arbitrary<Doc> = fc.record({
  home: fc.constantFrom('https://paper.example/', 'https://paper.example/news/', 'https://other.example/'),
  section: fc.constantFrom(null, 'Politics', 'Opinion'),
  dcUri: fc.constantFrom(DC, OTHER),
  author: fc.constantFrom('Desk', 'Newsroom'),
  items: fc.array(itemArb, { maxLength: 8 }),
});

const link = (i: Doc['items'][number]): string => (i.relative ? `/story-${i.n}` : `https://paper.example/story-${i.n}`);

function rss(d: Doc): string {
  const items = d.items.map(
    (i) =>
      `<item><title>${i.title}</title><link>${link(i)}</link><guid>g${i.n}</guid>` +
      (i.dc ? `<dc:date>2026-03-${String(i.date).padStart(2, '0')}T10:00:00Z</dc:date><dc:creator>Ann</dc:creator>` : `<pubDate>Tue, ${String(i.date).padStart(2, '0')} Mar 2026 10:00:00 GMT</pubDate>`) +
      `<description>Lead of story ${i.n}.</description></item>`,
  );
  const section = d.section ? `<category>${d.section}</category>` : '';
  return `<?xml version="1.0"?><rss version="2.0" xmlns:dc="${d.dcUri}"><channel><title>Paper</title><link>${d.home}</link>${section}${items.join('')}</channel></rss>`;
}

function atom(d: Doc): string {
  const entries = d.items.map(
    (i) => `<entry><id>g${i.n}</id><title>${i.title}</title><link href="${link(i)}"/><updated>2026-03-${String(i.date).padStart(2, '0')}T10:00:00Z</updated><summary>Lead of story ${i.n}.</summary></entry>`,
  );
  return `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${d.home}"><title>Paper</title><author><name>${d.author}</name></author>${entries.join('')}</feed>`;
}

/** The next answer of the same feed: some of its items kept as they were, and maybe all else changed. */
const nextArb = (d: Doc): fc.Arbitrary<Doc> =>
  fc
    .record({
      keep: fc.array(fc.boolean(), { minLength: d.items.length, maxLength: d.items.length }),
      added: fc.array(itemArb, { maxLength: 3 }),
      next: docArb,
      change: fc.record({ home: fc.boolean(), section: fc.boolean(), dcUri: fc.boolean(), author: fc.boolean() }),
    })
    .map(({ keep, added, next, change }) => ({
      home: change.home ? next.home : d.home,
      section: change.section ? next.section : d.section,
      dcUri: change.dcUri ? next.dcUri : d.dcUri,
      author: change.author ? next.author : d.author,
      items: [...added, ...d.items.filter((_, i) => keep[i])],
    }));

for (const [dialect, write] of [['RSS', rss], ['Atom', atom]] as const) {
  test(`${dialect}: a parse reusing the last one's items answers what a parse from nothing does`, () => {
    const pair = docArb.chain((first) => nextArb(first).map((second) => [first, second] as const));
    fc.assert(
      fc.property(pair, ([first, second]) => {
        const url = 'https://paper.example/feed.xml';
        const memo = new ItemMemo();
        parseFeed(write(first), { url, memo });
        assert.deepEqual(parseFeed(write(second), { url, memo: new ItemMemo(memo.known) }), parseFeed(write(second), { url }));
      }),
      { numRuns: 300 },
    );
  });
}

test('an unchanged item is the very object the last parse made; a changed one is made again', () => {
  const doc: Doc = { home: 'https://paper.example/', section: null, dcUri: DC, author: 'Desk', items: [1, 2, 3].map((n) => ({ n, title: 'Council votes', date: n, relative: true, dc: false })) };
  const url = 'https://paper.example/feed.xml';
  const memo = new ItemMemo();
  const before = parseFeed(rss(doc), { url, memo });
  const edited = { ...doc, items: doc.items.map((i) => (i.n === 2 ? { ...i, title: 'Storm &amp; floods' } : i)) };
  const after = parseFeed(rss(edited), { url, memo: new ItemMemo(memo.known) });
  assert.ok(before.ok && after.ok);
  const byId = (items: FeedItem[]) => new Map(items.map((i) => [i.id, i]));
  const [b, a] = [byId(before.feed.items), byId(after.feed.items)];
  assert.equal(a.get('g1'), b.get('g1'));
  assert.equal(a.get('g3'), b.get('g3'));
  assert.notEqual(a.get('g2'), b.get('g2'));
  assert.equal(a.get('g2')?.title, 'Storm & floods');
});
