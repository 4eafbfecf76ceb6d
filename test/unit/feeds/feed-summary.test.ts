// A feed story's headline is its most representative member's, and its summary is assembled from
// two or more outlets' leads, each sentence credited; one outlet gives its lead, credited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry } from '../../../src/background/feeds/feed-entry';
import { sentences, storyText, SUMMARY_CHARS } from '../../../src/background/feeds/feed-summary';
import { SummaryTexts } from '../../../src/background/feeds/summary-texts';

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
  // Same id, another lead: the kept reading of the old lead must not be used.
  const edited = { ...members[2]!, summary: 'Mourning was declared across Spain for the 62 people killed by the Valencia floods.' };
  const now = [members[0]!, members[1]!, edited];
  assert.deepEqual(storyText(now, name, kept.of), storyText(now, name));
  assert.ok(storyText(now, name, kept.of).parts.some((p) => p.text.startsWith('Mourning was declared')));
});
