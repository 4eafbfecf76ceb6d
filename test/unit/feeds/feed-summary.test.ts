// A feed story's headline is its most representative member's, and its summary is assembled from
// two or more outlets' leads, each sentence credited; one outlet gives its lead, credited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry } from '../../../src/background/feeds/feed-entry';
import { sentences, storyText, SUMMARY_CHARS } from '../../../src/background/feeds/feed-summary';
import { SummaryTexts } from '../../../src/background/feeds/summary-texts';
import { isLoud, PLAIN_ENOUGH, plainestClose, plainWords } from '../../../src/background/feeds/loud-headline';
import { assertLinear, repeat } from '../fuzz/growth';

let n = 0;
function entry(outlet: string, title: string, summary: string, ms = ++n): Entry {
  return { article: { id: `${outlet}/${ms}`, url: `https://${outlet}/${ms}`, title, outlet, kind: 'report' }, own: true, summary, ms, author: null, sourceName: null };
}
const names: Record<string, string> = { 'wire.example': 'Northwind Wire', 'courier.example': 'The Courier', 'post.example': 'Evening Post' };
const name = (host: string): string => names[host] ?? host;

const members = [
  entry('post.example', 'What we know so far', 'Here is what we know. Updates to follow…'),
  entry('wire.example', 'Floods in Valencia kill 62 as rivers burst their banks', 'Flash floods swept through towns around Valencia, Spain, killing 62 people. A year of rain fell in eight hours. Officials said the warnings came late.'),
  entry('courier.example', 'Valencia floods: death toll reaches 62 as rescuers search towns', 'Rescuers searched flooded towns near Valencia on Thursday as the death toll from flash floods reached 62. Spain declared three days of mourning.'),
];

test('the headline is the member closest to what the members share, not the first one', () => {
  const text = storyText(members, name);
  assert.notEqual(text.title, 'What we know so far');
  assert.match(text.title, /Valencia/);
});

test('a headline that shouts or gives a verdict is passed over for a plain one nearly as close; an acronym is no shout', () => {
  const recall = [
    entry('loud.example', 'Macron RECALLS ambassadors to US and Australia over submarine deal', 'France recalled its ambassadors to the US and Australia over the submarine deal.'),
    entry('wire.example', 'France recalls ambassadors to US and Australia', 'France recalled its ambassadors in Washington and Canberra on Friday.'),
    entry('courier.example', 'France recalls envoys over submarine deal', 'Paris recalled its envoys after Australia dropped a French submarine deal.'),
  ];
  // Closest to what the three share is the loud one: it has every term.
  assert.equal(storyText(recall, name).title, 'France recalls ambassadors to US and Australia');
  for (const loud of ['BREAKING: France recalls ambassadors to US and Australia over submarine deal', 'Macron eviscerates US and Australia, recalls ambassadors over submarine deal', 'France recalls ambassadors to US and Australia over submarine deal!']) {
    assert.equal(storyText([{ ...recall[0]!, article: { ...recall[0]!.article, title: loud } }, recall[1]!, recall[2]!], name).title, recall[1]!.article.title, loud);
  }
  // Capitals every outlet writes are an acronym, not a shout.
  const nato = [
    entry('wire.example', 'NATO allies agree to raise defence spending at summit', 'NATO allies agreed to raise defence spending at the summit.'),
    entry('courier.example', 'Allies agree on spending at summit', 'The NATO summit ended with allies agreeing on spending.'),
  ];
  assert.equal(storyText(nato, name).title, nato[0]!.article.title);
  // With no plain headline near enough, the closest stays, loud or not; nor when nothing is shared.
  const heads = ['Senator SLAMS budget deal', 'Budget vote nears'];
  const texts = () => ['the senator slams the deal'];
  assert.equal(plainestClose(heads, [1, PLAIN_ENOUGH - 0.01], texts), 0);
  assert.equal(plainestClose(heads, [1, PLAIN_ENOUGH], texts), 1);
  assert.equal(plainestClose(heads, [0, 0], texts), 0);
  assert.equal(plainestClose(['NATO meets', 'Allies meet'], [1, 0.9], () => ['NATO allies meet']), 0, 'an acronym');
  // News that tells damage, or a name with "!", is no verdict or shout; an acronym one outlet
  // writes in lower case is still an acronym when another writes it in capitals.
  const none = () => plainWords(['covid cases rise in the city', 'COVID cases climb']);
  for (const plainNews of ['Tornado rips through Kentucky town', 'Homes destroyed as wildfire spreads', 'Storm slams coast', 'Yahoo! to cut jobs', 'State-owned bank posts record profit']) {
    assert.equal(isLoud(plainNews, none), false, plainNews);
  }
  assert.equal(isLoud('COVID cases rise', () => plainWords(['COVID cases rise', 'covid cases rise in the city', 'COVID cases climb'])), false);
  assert.equal(isLoud('Senator RIPS budget deal', () => plainWords(['Senator RIPS budget deal', 'The senator rips the deal.'])), true);
});

test('the summary takes sentences from two outlets, each credited, and no cut-off sentence', () => {
  const text = storyText(members, name);
  assert.ok(text.parts.length >= 2);
  const sources = text.parts.map((p) => p.source);
  assert.equal(new Set(sources).size, sources.length, 'one sentence per outlet');
  assert.ok(sources.includes('Northwind Wire') && sources.includes('The Courier'), sources.join());
  for (const p of text.parts) {
    const from = members.find((m) => name(m.article.outlet) === p.source)!;
    assert.ok(from.summary.includes(p.text), 'each sentence is the outlet\'s own, word for word');
    assert.equal(p.url, from.article.url);
  }
  assert.ok(!text.parts.some((p) => p.text.endsWith('…')));
  assert.equal(text.summary, text.parts.map((p) => p.text).join(' '));
  assert.ok(text.summary.length <= SUMMARY_CHARS);
});

test('the same members in another order give the same text', () => {
  assert.deepEqual(storyText([members[2]!, members[0]!, members[1]!], name), storyText(members, name));
});

test('one outlet: its lead, credited; no lead at all: the headline, uncredited', () => {
  const one = storyText([members[1]!], name);
  assert.equal(one.title, members[1]!.article.title);
  assert.deepEqual(one.parts, [{ text: members[1]!.summary, source: 'Northwind Wire', url: members[1]!.article.url }]);
  const bare = storyText([entry('wire.example', 'Headline only', '')], name);
  assert.deepEqual(bare, { title: 'Headline only', summary: 'Headline only', parts: [] });
});

test('sentences split at end punctuation before a capital, not inside "U.S." or numbers', () => {
  assert.deepEqual(sentences('The U.S. economy grew 2.5 percent. Prices rose. "We are fine," he said.'), ['The U.S. economy grew 2.5 percent.', 'Prices rose.', '"We are fine," he said.']);
});

test('initials and titles before a capital do not end a sentence', () => {
  assert.deepEqual(sentences('The U.S. Senate voted on Tuesday. Sen. Warren and Dr. Patel spoke. It passed.'), ['The U.S. Senate voted on Tuesday.', 'Sen. Warren and Dr. Patel spoke.', 'It passed.']);
  assert.deepEqual(sentences('Talks with the E.U. Commission resumed. Officials in Washington, D.C. Declined to comment.'), ['Talks with the E.U. Commission resumed.', 'Officials in Washington, D.C. Declined to comment.']);
});

test('readings kept between builds give the same text, and a member whose lead changed is read again', () => {
  const kept = new SummaryTexts();
  assert.deepEqual(storyText(members, name, kept.of), storyText(members, name));
  assert.deepEqual(storyText(members, name, kept.of), storyText(members, name), 'read from what was kept');
  // Same id, another lead: the kept reading of the old lead must not be used. (It says something
  // the wire's lead does not: a lead restating "62 killed in the Valencia floods" would be left out.)
  const edited = { ...members[2]!, summary: 'Mourning was declared across Spain as soldiers joined the search for the missing near Valencia.' };
  const now = [members[0]!, members[1]!, edited];
  assert.deepEqual(storyText(now, name, kept.of), storyText(now, name));
  assert.ok(storyText(now, name, kept.of).parts.some((p) => p.text.startsWith('Mourning was declared')));
});

test('a month abbreviation before its day, and titles, do not end a sentence; a month that ends one does', () => {
  assert.deepEqual(sentences('The panel investigating the Jan. 6 attack met. It adjourned.'), ['The panel investigating the Jan. 6 attack met.', 'It adjourned.']);
  assert.deepEqual(sentences('Russia invaded Ukraine on Feb. 24, 2022. Talks failed on Sept. 3 and Dec. 9.'), ['Russia invaded Ukraine on Feb. 24, 2022.', 'Talks failed on Sept. 3 and Dec. 9.']);
  assert.deepEqual(sentences('Prof. Smith and Capt. Jones met Adm. Lee and Maj. Gen. Ruiz. They spoke.'), ['Prof. Smith and Capt. Jones met Adm. Lee and Maj. Gen. Ruiz.', 'They spoke.']);
  assert.deepEqual(sentences('The vote was set for Dec. The panel then adjourned.'), ['The vote was set for Dec.', 'The panel then adjourned.']);
  assert.deepEqual(sentences('Prices rose 3 percent. 12 states sued.'), ['Prices rose 3 percent.', '12 states sued.'], 'a sentence may still start with a figure');
});

test('two outlets’ summary never credits half of a sentence cut at "Jan." to each', () => {
  const text = storyText(
    [
      entry('wire.example', 'Jan. 6 committee releases final report', 'The House committee investigating the Jan. 6 attack on the Capitol released its final report on Thursday, recommending criminal charges against the former president.'),
      entry('courier.example', 'Committee refers Trump for prosecution over Jan. 6', 'The Jan. 6 committee voted to refer former President Donald Trump to the Justice Department on four criminal charges. The panel’s report runs to 800 pages.'),
    ],
    name,
  );
  for (const p of text.parts) assert.ok(!p.text.endsWith('Jan.') && !/^\d/.test(p.text), p.text);
});

test('sentences splits in linear time around abbreviations', () => {
  const shapes = {
    'month abbreviations': repeat('Jan. 6 Sept. '),
    'titles before capitals': repeat('Prof. Capt. Adm. '),
    'periods and spaces': repeat('. '),
    'a month at the end of each sentence': repeat('in Dec. The '),
  };
  assertLinear('sentences', sentences, shapes, 4_000);
});

const FED = [
  entry('wire.example', 'Fed holds rates steady', 'The Federal Reserve held interest rates steady on Wednesday. Officials said they would wait to see how tariffs affect prices.'),
  entry('courier.example', 'Federal Reserve leaves rates unchanged', 'The Federal Reserve kept interest rates unchanged on Wednesday, holding its benchmark rate in a range of 4.25% to 4.5% for a fourth straight meeting.'),
  entry('post.example', 'Fed stands pat on rates', 'The Fed held rates steady on Wednesday, as expected.'),
];

test('a summary says each fact once: a lead restating a sentence already taken is left out, however short', () => {
  // Every lead opens with the one fact, the Fed's hold on Wednesday: the summary says it once.
  const text = storyText(FED, name);
  assert.equal(text.parts.filter((p) => p.text.includes('on Wednesday')).length, 1, JSON.stringify(text.parts.map((p) => p.text)));
});

test('a lead that only repeats its headline is no summary: another outlet’s lead is quoted, or the headline alone stands', () => {
  const echo = entry('wire.example', 'Floods in Valencia kill 62 as rivers burst their banks', 'Floods in Valencia kill 62 as rivers burst their banks');
  const other = entry('courier.example', 'Valencia floods: death toll reaches 62', 'Rescuers searched flooded towns near Valencia on Thursday as the death toll from flash floods reached 62.');
  assert.deepEqual(storyText([echo], name), { title: echo.article.title, summary: echo.article.title, parts: [] });
  const two = storyText([echo, other], name);
  assert.ok(two.parts.every((p) => p.source === 'The Courier'), JSON.stringify(two.parts));
  assert.ok(!two.summary.includes('rivers burst their banks'));
});

test('one outlet: a lead the feed cut short ends before the cut sentence', () => {
  const cut = entry('wire.example', 'Fed holds rates', 'The Federal Reserve held rates steady on Wednesday. Chair Jerome Powell said the central bank would … [+2345 chars]');
  const text = storyText([cut], name);
  assert.equal(text.summary, 'The Federal Reserve held rates steady on Wednesday.');
  assert.deepEqual(text.parts.map((p) => p.text), ['The Federal Reserve held rates steady on Wednesday.']);
  // Cut in its first sentence: nothing to quote, so the headline stands.
  assert.deepEqual(storyText([entry('wire.example', 'Fed holds rates', 'Chair Jerome Powell said the central bank would … [+2345 chars]')], name).parts, []);
});

test('a sentence that opens by answering the one before it ("But…", "However,…") is not quoted alone', () => {
  const leaning = [
    entry('wire.example', 'Valencia floods kill 62', 'But the floods that killed 62 people around Valencia, Spain, were forecast days ahead. Rescuers searched towns near Valencia for the missing after the floods.'),
    entry('courier.example', 'Valencia floods: 62 dead', 'However, the floods around Valencia, Spain, killed 62 people as rivers burst. Spain declared three days of mourning for the 62 killed by floods near Valencia.'),
  ];
  const text = storyText(leaning, name);
  assert.ok(text.parts.length >= 1);
  for (const p of text.parts) assert.doesNotMatch(p.text, /^(?:But|However)\b/, p.text);
});
