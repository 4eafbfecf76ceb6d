// WordPress and its SEO plugin (Yoast) end a feed's summaries with a footer that is not the lead:
// "The post <title> appeared first on <site>." and a "Continue reading" link back to the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '../../src/formats/feeds';
import { assertLinear, repeat } from './fuzz/growth';

const summaries = (...descriptions: string[]): string[] => {
  const items = descriptions.map(
    (d, i) => `<item><title>Senate passes flood relief bill</title><link>https://a.example/${i}</link><description><![CDATA[${d}]]></description></item>`,
  );
  const result = parseFeed(`<rss version="2.0"><channel><title>Alpha Post</title><link>https://a.example/</link>${items.join('')}</channel></rss>`);
  assert.ok(result.ok);
  return result.feed.items.map((i) => i.summary);
};

test('"The post … appeared first on …" is dropped, as its own paragraph or after a break', () => {
  assert.deepEqual(
    summaries(
      '<p>The Senate passed a flood relief bill on Monday.</p><p>The post <a href="https://a.example/0">Senate passes flood relief bill</a> appeared first on <a href="https://a.example">Alpha Post</a>.</p>',
      'The Senate passed a flood relief bill on Monday.<br/>The post <a href="https://a.example/1">Senate passes: a bill. At last</a> appeared first on <a href="https://a.example">Alpha Post</a>.',
    ),
    ['The Senate passed a flood relief bill on Monday.', 'The Senate passed a flood relief bill on Monday.'],
  );
});

test('a final "Continue reading" link is dropped with the title it names, and the Yoast footer after it', () => {
  assert.deepEqual(
    summaries(
      '<p>Lawmakers approved relief on Monday. <a href="https://a.example/2" class="more-link">Continue reading<span class="screen-reader-text"> "Senate passes flood relief bill"</span></a></p>',
      '<p>Lawmakers approved relief on Monday.</p><p class="link-more"><a href="https://a.example/3">Continue reading <span class="meta-nav">&rarr;</span></a></p>' +
        '<p>The post <a href="https://a.example/3">Senate passes flood relief bill</a> appeared first on <a href="https://a.example">Alpha Post</a>.</p>',
      '<p>Lawmakers approved relief on Monday. <a href="https://a.example/4">Read more &raquo;</a>.</p>',
    ),
    ['Lawmakers approved relief on Monday.', 'Lawmakers approved relief on Monday.', 'Lawmakers approved relief on Monday.'],
  );
});

test('the same words inside the lead stay; a summary that is only the footer gives way to the next', () => {
  assert.deepEqual(
    summaries(
      '<p>The post <a href="https://a.example/x">office</a> appeared first on Monday, officials said, and then the rest of the report went on.</p><p>More text follows here.</p>',
      '<p>Continue reading <a href="https://a.example/y">the council report</a> for the figures, officials said.</p>',
    ),
    [
      'The post office appeared first on Monday, officials said, and then the rest of the report went on. More text follows here.',
      'Continue reading the council report for the figures, officials said.',
    ],
  );
  const result = parseFeed(
    `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Alpha Post</title><item><title>T</title><link>https://a.example/z</link>` +
      `<description><![CDATA[<p>The post <a href="https://a.example/z">T</a> appeared first on <a href="https://a.example">Alpha Post</a>.</p>]]></description>` +
      `<content:encoded><![CDATA[<p>The full lead of the report.</p>]]></content:encoded></item></channel></rss>`,
  );
  assert.ok(result.ok);
  assert.equal(result.feed.items[0]?.summary, 'The full lead of the report.');
});

test('footers are looked for in linear time, whatever the summary repeats', () => {
  const summaryOf = (html: string): string => {
    const result = parseFeed(`<rss version="2.0"><channel><title>A</title><item><title>T</title><description><![CDATA[${html}]]></description></item></channel></rss>`);
    return result.ok ? (result.feed.items[0]?.summary ?? '') : '';
  };
  assertLinear('feed summary footers', summaryOf, {
    'the post': repeat('The post <a>x</a> appeared first on '),
    'links': repeat('<a href="y">Continue reading</a> '),
    'open links': repeat('<a x'),
  }, 20_000);
});

test('a lead ending in "Read more" loses it; one ending in words that end so keeps them', () => {
  assert.deepEqual(
    summaries('Officials met on Monday. Read more…', 'Officials met on Monday. Continue reading »', 'Officials warned the virus could spread more'),
    ['Officials met on Monday.', 'Officials met on Monday.', 'Officials warned the virus could spread more'],
  );
});
