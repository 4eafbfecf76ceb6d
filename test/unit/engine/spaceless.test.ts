// Chinese, Japanese and Thai are written without spaces: the tokenizer cuts their runs into words
// (src/engine/spaceless.ts), so a page in those languages matches a report of its event that is
// worded differently, not only one that repeats its sentences.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { isContentWord, tokenize } from '../../../src/engine/tokenize';
import { StoryIndex, type EngineDoc } from '../../../src/engine/index';
import { assertLinear, reportRatios } from '../fuzz/growth';

after(() => reportRatios((line) => console.log(line)));

const norms = (s: string): string[] => tokenize(s).map((t) => t.norm);
const T0 = Date.UTC(2026, 10, 2);
const doc = (id: string, title: string, text: string): EngineDoc => ({ id, title, text, published: T0 });

test('a Chinese sentence is read as its words, not as one term', () => {
  const words = norms('美国总统宣布对中国加征关税');
  for (const w of ['美国', '总统', '宣布', '中国', '关税']) assert.ok(words.includes(w), `${w} in ${words.join('|')}`);
  assert.ok(words.every((w) => w.length <= 4), words.join('|'));
});

test('Japanese runs mixing kanji, kana and Latin letters are cut at their words', () => {
  const words = norms('日本の首相が辞任を表明した。G7サミットは延期');
  for (const w of ['日本', '首相', '辞任', '表明', 'g7', 'サミット', '延期']) assert.ok(words.includes(w), `${w} in ${words.join('|')}`);
});

test('Thai is cut into words too', () => {
  const words = norms('นายกรัฐมนตรีลาออกจากตำแหน่ง');
  assert.ok(words.includes('รัฐมนตรี') && words.includes('ตำแหน่ง'), words.join('|'));
});

test('only the first word of a run can start a sentence or join a phrase', () => {
  const tokens = tokenize('Talks in 東京の会議 today');
  assert.deepEqual(tokens.map((t) => t.norm), ['talks', 'in', '東京', 'の', '会議', 'today']);
  assert.deepEqual(tokens.map((t) => t.joined), [false, true, true, false, false, true]);
  assert.deepEqual(tokens.map((t) => t.sentenceStart), [true, false, false, false, false, false]);
});

test('a lone Chinese character can be a word; particles and function characters are not', () => {
  assert.equal(isContentWord('党'), true);
  assert.equal(isContentWord('𠀋'), true);
  assert.equal(isContentWord('的'), false);
  assert.equal(isContentWord('の'), false);
  assert.equal(isContentWord('x'), false);
});

test('a Chinese page meets the story of its event, worded another way', () => {
  const index = new StoryIndex();
  index.addArticle('tariffs', doc('t1', '美国宣布对中国商品加征关税', '美国总统周二宣布，将对价值两千亿美元的中国商品加征百分之二十五的关税。'));
  index.addArticle('tariffs', doc('t2', '中美贸易摩擦升级：华盛顿加征关税', '华盛顿宣布新一轮关税措施，北京表示将采取反制措施。'));
  index.addArticle('quake', doc('q1', '四川发生六级地震', '四川省周二发生六级地震，造成多人受伤，救援人员已赶赴现场。'));
  index.addArticle('quake', doc('q2', '地震袭击四川 救援工作展开', '地震发生后，当地政府组织救援，数千名居民被转移。'));
  const page = index.match(doc('p', '北京回应美国关税：将坚决反制', '针对美国总统宣布对中国商品加征关税，北京周三表示将采取坚决的反制措施。'));
  assert.equal(page.candidates[0]?.storyId, 'tariffs');
  const quake = index.match(doc('p2', '四川地震救援持续', '四川地震发生后，救援人员连夜搜救被困居民。'));
  assert.equal(quake.candidates[0]?.storyId, 'quake');
});

test('growth: a long run of Chinese or Thai is read in linear time', () => {
  const han = '美国总统宣布对中国加征关税北京表示将采取反制措施';
  const thai = 'นายกรัฐมนตรีลาออกจากตำแหน่ง';
  assertLinear('tokenize (spaceless)', tokenize, {
    Chinese: (n) => han.repeat(Math.ceil(n / han.length)).slice(0, n),
    Thai: (n) => thai.repeat(Math.ceil(n / thai.length)).slice(0, n),
    'one character': (n) => '中'.repeat(n),
  }, 10_000);
});
