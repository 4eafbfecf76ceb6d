// The seed parser on the real seed pages: the facts must come out exactly as the pages state them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSeedText, parseSeedTime, readSeeds } from '../../scripts/lib/seed-parser';

const SEEDS = fileURLToPath(new URL('../../../shared/seed-stories', import.meta.url));
// The seed pages are test data beside the repository; the tests of the parser on them say why they did not run without it.
const needsSeeds = existsSync(SEEDS) ? {} : { skip: 'needs ../shared/seed-stories (test data beside the repository)' };
const seeds = existsSync(SEEDS) ? readSeeds(SEEDS) : [];
const seed = (n: number) => {
  const s = seeds[n];
  assert.ok(s, `seed ${n} is missing`);
  return s;
};

test('reads the five seeds in file order', needsSeeds, () => {
  assert.deepEqual(seeds.map((s) => s.file.slice(0, 3)), ['000', '001', '002', '003', '004']);
});

test('headlines exactly as the pages give them', needsSeeds, () => {
  assert.deepEqual(seeds.map((s) => s.headline), [
    "'No deal' as talks between Trump and Putin finish up at summit",
    'Trump, Putin announce breakthrough on Ukraine after three hours of talks',
    'Trump and Putin End "Productive" Talks without Results',
    "Trump Snubs Reports of 'Major Defeat' After Talks With Putin",
    'Trump and Putin Meet in Alaska: Productive Talks, But No Ceasefire or Deal',
  ]);
});

test('outlets: source-line domains, credit lines, or the label beside the headline', needsSeeds, () => {
  assert.deepEqual(seeds.map((s) => s.outlet), [
    { name: '7NEWS', domain: '7news.com.au' },
    { name: 'SocialNews.XYZ', domain: 'socialnews.xyz' },
    { name: 'Hot Buzz' },
    { name: 'ANI' },
    { name: 'The Defense News' },
  ]);
});

test('publication times as stated; no zone read as UTC; none invented', needsSeeds, () => {
  assert.equal(seed(0).published, '2025-08-15T19:56:54-04:00');
  assert.equal(seed(0).publishedZone, 'stated');
  assert.equal(seed(1).published, '2025-08-15T20:28:43-04:00');
  assert.equal(seed(2).published, '2025-08-16T18:24:00+00:00');
  assert.equal(seed(2).publishedZone, 'assumed-utc');
  // 003 names the event's date in its text and 004 has a dateline, but neither states when it was published.
  assert.ok(!('published' in seed(3)));
  assert.ok(!('published' in seed(4)));
});

test('parseSeedTime handles AM/PM, standard time and rejects unknown zones', () => {
  assert.deepEqual(parseSeedTime('Monday, January 6, 2025, 12:05:00 AM Eastern Standard Time'), {
    published: '2025-01-06T00:05:00-05:00',
    publishedZone: 'stated',
  });
  assert.equal(parseSeedTime('March 3, 2025, 12:30 PM Eastern Daylight Time')?.published, '2025-03-03T12:30:00-04:00');
  assert.equal(parseSeedTime('August 15, 2025, 7:56 PM Mountain Time'), null);
  assert.equal(parseSeedTime('On Friday the leaders met'), null);
});

test('categories from the "Categories:" line', needsSeeds, () => {
  const expected = ['Foreign Policy & International Relations', 'U.S.–Russia Relations', 'U.S. Elections & Voting Rights'];
  assert.deepEqual(seed(0).categories, expected);
  assert.deepEqual(seed(1).categories, expected);
  assert.deepEqual(seed(2).categories, []);
});

test('the republishing site from its masthead and copyright line', needsSeeds, () => {
  assert.deepEqual(seed(0).site, { name: 'Truth and Resistance', domain: 'truthandresistance.com' });
  assert.equal(seed(1).site, undefined);
});

test('officials, organisations, hashtags and petition links from the to-do lists', needsSeeds, () => {
  assert.deepEqual(seed(0).officials.map((o) => `${o.title} ${o.name} (${o.state})`), [
    'Senator Dick Durbin (IL)', 'Senator Marco Rubio (FL)', 'Rep. Nancy Pelosi (CA)', 'Rep. Kevin McCarthy (CA)',
  ]);
  assert.deepEqual(seed(1).officials[0], {
    title: 'Senator', name: 'Chuck Schumer', party: 'D', state: 'NY', contact: 'schumer.senate.gov/contact/email-chuck',
  });
  assert.deepEqual(seed(0).organisations, ["Ukrainian National Women's League of America", 'Amnesty International', 'Human Rights Watch']);
  assert.deepEqual(seed(1).organisations, ['International Crisis Group', 'Peace Direct', 'Doctors Without Borders', 'Ukrainian Red Cross']);
  assert.deepEqual(seed(0).hashtags, ['StandWithUkraine', 'PeaceInUkraine', 'EndTheWar']);
  assert.deepEqual(seed(1).petitionUrls, ['https://www.change.org/p/end-u-s-intervention-in-ukraine']);
  assert.deepEqual(seed(0).petitionUrls, []);
  assert.deepEqual(seed(3).officials, []);
});

test('report bodies hold the news report only', needsSeeds, () => {
  const first = (n: number) => seed(n).body[0] ?? '';
  const last = (n: number) => seed(n).body.at(-1) ?? '';
  assert.match(first(0), /^The two world leaders discussed Moscow's war/);
  assert.match(last(0), /^"But they're not doing business/);
  assert.match(first(1), /^New York, Aug 16 \(SocialNews\.XYZ\)/);
  assert.match(last(1), /^Trump welcomed Putin on a red carpet/);
  assert.match(first(2), /^On Friday, US President Donald Trump/);
  assert.match(last(3), /^The future of negotiations now hinges/);
  assert.ok(seed(4).body.includes('Expert Takeaways'));
  const all = seeds.flatMap((s) => s.body).join('\n');
  for (const noise of ['Sign Our Petition', 'Opinion:', '7NEWS app', 'Image source', 'written by the team', 'Based On ANI', 'The recent meeting between']) {
    assert.ok(!all.includes(noise), `body holds "${noise}"`);
  }
});

test('a page without a stated time gets no time', () => {
  const page = parseSeedText('x.txt', 'A headline long enough to count here\n\nIt happened on August 15, 2025 in Alaska.\n');
  assert.equal(page.headline, 'A headline long enough to count here');
  assert.equal(page.published, undefined);
});
