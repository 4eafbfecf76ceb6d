// Which country a story is about (formats/story-country.ts), and the steps held back for it
// (background/steps-elsewhere.ts): hand-made stories whose answer is plain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryMentions, storyElsewhere } from '../../src/formats/story-country';
import { holdBackElsewhere, storyTexts } from '../../src/background/steps-elsewhere';
import type { ActionView } from '../../src/contracts/views';

const mentions = (title: string, ...leads: string[]) =>
  countryMentions(storyTexts(title, leads.map((excerpt) => ({ title: '', excerpt }))));
const elsewhere = (title: string, ...leads: string[]) => storyElsewhere(mentions(title, ...leads), 'US');

test('a story told from another country is about it; one about the U.S. is not elsewhere', () => {
  assert.deepEqual(elsewhere('France votes in a tight presidential runoff', 'French voters went to the polls across France on Sunday.'), { about: 'FR' });
  assert.deepEqual(elsewhere("Canada's Liberals win a minority", 'Canadians in Ontario and Quebec returned the party to Ottawa.'), { about: 'CA' });
  assert.equal(elsewhere('Georgia runoff draws record turnout', 'Election officials in Atlanta reported long lines.'), null);
  assert.equal(elsewhere('Senate passes the budget', 'The bill now goes to the House.'), null, 'no country named: nothing held back');
});

test('a U.S. story that names other countries keeps its steps, and so does one shared between them', () => {
  assert.equal(elsewhere('U.S. and China agree to pause tariffs', 'Chinese and American negotiators met in Geneva.'), null);
  assert.equal(elsewhere('Biden meets Macron in Paris', 'France and the United States pledged more aid to Ukraine.'), null);
  // A passing mention of the U.S. does not make a story about France one about the U.S.
  const law = storyTexts('France bans street harassment', [
    { title: 'French parliament passes a law on catcalling', excerpt: 'The law, like some in the U.S., sets fines; police across France will enforce it.' },
    { title: 'France fines catcalling', excerpt: 'French deputies voted for the law on Wednesday.' },
  ]);
  assert.deepEqual(storyElsewhere(countryMentions(law), 'US'), { about: 'FR' });
});

test('a U.S. holiday story is no foreign one: Thanksgiving turkeys, a Chinatown parade', () => {
  assert.equal(elsewhere('Turkey prices fall ahead of Thanksgiving', 'Turkey prices drop as farmers raise more birds.'), null);
  assert.equal(elsewhere('Chinese New Year parade draws crowds', 'The Chinese New Year parade wound through Chinatown.'), null);
});

test('a local U.S. report from a town named like a foreign city is not foreign', () => {
  assert.equal(elsewhere('Man shot in parked car in Naples', 'NAPLES, Fla. — Police in Naples are looking for a gunman. Naples officers said.'), null);
  assert.equal(elsewhere('Birmingham police investigate shooting', 'BIRMINGHAM, AL - Birmingham police said a teen was hurt in Birmingham.'), null);
  assert.equal(elsewhere('Shooting in New Britain', 'New Britain police said the shooting in New Britain followed a dispute.'), null);
  assert.equal(elsewhere('Rome man charged', 'ROME, Ga. (AP) — A Rome man was charged in Rome on Tuesday.'), null);
});

test('names are read whole and only as written with capitals: regions, papers and food are no country', () => {
  assert.equal(mentions('New South Wales floods').get('GB'), undefined);
  assert.equal(mentions('New South Wales floods').get('AU'), 3);
  assert.equal(mentions('Latin American leaders meet').size, 0);
  assert.equal(mentions('The turkey and the china', 'a chile pepper').size, 0);
  assert.equal(mentions('Gunman Shoots 4 Outside Philly Chinese Restaurant').get('CN'), undefined, 'a headline in title case');
  assert.equal(mentions('Gunman Shoots 4 Outside Philly Chinese Restaurant').get('US'), 3);
  assert.equal(mentions("France's president").get('FR'), 3, 'a possessive is the name');
  assert.equal(mentions('France, France and France').get('FR'), 3, 'a country counts once a text');
  assert.equal(mentions('', 'Guinea-Bissau and Papua New Guinea').get('GN'), undefined);
  assert.equal(mentions('', 'Côte d’Ivoire').get('CI'), 1, 'a curly apostrophe');
});

test('when no one country stands out the story is about elsewhere all the same, unnamed', () => {
  assert.deepEqual(elsewhere('Syria, Israel and Russia trade blame', 'Syrian, Israeli and Russian officials spoke in Damascus, Jerusalem and Moscow.'), { about: null });
});

const step = (id: string, country?: string): ActionView => ({ id, kind: 'learn', title: id, details: '', done: false, fromCategory: 'Elections', ...(country ? { country } : {}) });

test('steps of the U.S. are held back on a story about France, in their order; others stay', () => {
  const texts = storyTexts('France votes in a tight presidential runoff', [{ title: 'French voters go to the polls', excerpt: 'Polls opened across France.' }]);
  const split = holdBackElsewhere([step('vote', 'US'), step('world'), step('fec', 'US')], texts);
  assert.deepEqual(split.actions.map((a) => a.id), ['world']);
  assert.deepEqual(split.heldBack?.actions.map((a) => a.id), ['vote', 'fec']);
  assert.deepEqual(split.heldBack?.countries, ['US']);
  assert.equal(split.heldBack?.about, 'FR');
  // Once the reader has ticked one of them, none is held back: they chose to see them.
  const ticked = holdBackElsewhere([step('vote', 'US'), step('world'), { ...step('fec', 'US'), done: true }], texts);
  assert.deepEqual([ticked.actions.map((a) => a.id), ticked.heldBack], [['vote', 'world', 'fec'], undefined]);
  // On a U.S. story nothing is held back, and nothing is said.
  const home = holdBackElsewhere([step('vote', 'US')], storyTexts('Georgia runoff', [{ title: 'Atlanta votes', excerpt: 'Lines in Georgia.' }]));
  assert.deepEqual(home, { actions: [step('vote', 'US')] });
});

test('reading the words is linear in the text', () => {
  // A long text of the phrase index's most crowded first word, and of words with inner hyphens.
  const time = (n: number): number => {
    const text = 'New '.repeat(n) + 'a-'.repeat(n) + 'U.S. '.repeat(n);
    const start = process.hrtime.bigint();
    countryMentions([{ text, weight: 1 }]);
    return Number(process.hrtime.bigint() - start);
  };
  time(20_000);
  const small = Math.min(time(50_000), time(50_000));
  const large = Math.min(time(200_000), time(200_000));
  assert.ok(large / small < 8, `4x the text took ${(large / small).toFixed(1)}x the time`);
});
