import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isContentWord, normaliseNumber, startsUpper, startsWithDigit, tokenize } from '../../../src/engine/tokenize';
import { stem } from '../../../src/engine/stem';
import { spacelessWords } from '../../../src/engine/spaceless';
import fc from 'fast-check';

const norms = (s: string) => tokenize(s).map((t) => t.norm);

test('tokenize keeps letters of any script and lower-cases them', () => {
  assert.deepEqual(norms('Café in Kyiv: Київ, Zürich!'), ['café', 'in', 'kyiv', 'київ', 'zürich']);
});

test('possessives fold into the name; contractions stay whole', () => {
  assert.deepEqual(norms("Kerry's plan doesn't work"), ['kerry', 'plan', "doesn't", 'work']);
});

test('dotted acronyms become one token and sentence starts are flagged', () => {
  const t = tokenize('The U.S. said no. Biden agreed');
  assert.deepEqual(t.map((x) => x.surface), ['The', 'US', 'said', 'no', 'Biden', 'agreed']);
  assert.deepEqual(t.map((x) => x.sentenceStart), [true, false, false, false, true, false]);
});

test('numbers lose thousands separators and trailing zeros', () => {
  assert.equal(normaliseNumber('1,000,000'), '1000000');
  assert.equal(normaliseNumber('1.50'), '1.5');
  assert.deepEqual(norms('It cost 1,500 dollars'), ['it', 'cost', '1500', 'dollars']);
});

test('trailing zeros go only after the last point, and only when nothing but digits follows it', () => {
  const cases: [string, string][] = [
    ['1.00', '1'],
    ['1.0', '1'],
    ['10', '10'],
    ['100.050', '100.05'],
    ['2.0.10', '2.0.1'],
    ['2.0.00', '2.0'],
    ['1.0a0', '1.0a0'],
    ['1,000.500', '1000.5'],
    ['1,00', '1'],
    ['٣.٥٠', '٣.٥٠'],
  ];
  for (const [raw, normal] of cases) assert.equal(normaliseNumber(raw), normal, raw);
});

test('stop words and single characters are not content words', () => {
  assert.equal(isContentWord('the'), false);
  assert.equal(isContentWord('said'), false);
  assert.equal(isContentWord('x'), false);
  assert.equal(isContentWord('senate'), true);
});

test('stemming folds inflections of English words only', () => {
  assert.equal(stem('elections'), stem('election'));
  assert.equal(stem('ruled'), stem('ruling'));
  assert.equal(stem('київ'), 'київ');
  assert.equal(stem('2021'), '2021');
});

// The tokenizer tells ASCII characters by their codes and leaves other scripts to Unicode regexes
// (tokenizing is most of reading a text). This is the regex-only reading it must equal.
function referenceTokenize(text: string): { norm: string; surface: string; sentenceStart: boolean; joined: boolean }[] {
  const word = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*(?:[.,]\p{N}+)*/gu;
  const source = text.normalize('NFKC').replace(/(?<!\p{L})((?:\p{Lu}\.){2,})/gu, (m) => m.replace(/\./g, ''));
  const out: { norm: string; surface: string; sentenceStart: boolean; joined: boolean }[] = [];
  let prevEnd = 0;
  for (const m of source.matchAll(word)) {
    const gap = source.slice(prevEnd, m.index);
    const sentenceStart = out.length === 0 || /[.!?:\n]/.test(gap);
    const joined = out.length > 0 && /^[ \t]+$/.test(gap);
    // A run of a script written without spaces is its segmenter's words (spaceless.test.ts).
    const pieces = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u.test(m[0]) ? spacelessWords(m[0]) : [m[0]];
    pieces.forEach((piece, i) => {
      let surface = piece.replace(/['’]s$/iu, '');
      if (/^\p{N}/u.test(surface)) surface = normaliseNumber(surface);
      out.push({
        norm: surface.toLowerCase().replace(/i\u0307/g, 'i').replace(/ß/g, 'ss').replace(/’/g, "'"),
        surface,
        sentenceStart: i === 0 && sentenceStart,
        joined: i === 0 && joined,
      });
    });
    prevEnd = m.index + m[0].length;
  }
  return out;
}

test('the tokenizer reads any text as the Unicode regexes do', () => {
  // Pieces that exercise each fast path: possessives with either apostrophe and case, dotted
  // acronyms, numbers, sentence ends, tabs and newlines, accented, compatibility and astral letters.
  const piece = fc.constantFrom(
    'The', 'U.S.', 'u.s.', "Kerry's", 'KERRY’S', "it's", "'s", 's', '1,000', '1.50', '$3', '15%', '٣', '²', 'Ｆｕｌｌ', 'ﬁre',
    'Zürich', 'Київ', 'ÉTAT', 'İSTANBUL', 'Straße', '𐐀𐐁', 'ſ', '東京', 'の', '首相', 'G7サミット', 'ตำแหน่ง', '𠀋', 'é', '.', '!', '?', ':', ',', ' ', '  ', '\t', '\n', '—', '’', "'", 'Dr.', 'NASA', 'A.B.C.',
  );
  const text = fc.oneof(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), fc.string({ unit: 'grapheme', maxLength: 60 }));
  fc.assert(
    fc.property(text, (t) => {
      assert.deepEqual(tokenize(t), referenceTokenize(t));
    }),
    { numRuns: 3000 },
  );
});

test('stemming passes words that are not plain lower-case ASCII through', () => {
  assert.equal(stem('élections'), 'élections');
  assert.equal(stem('Elections'), 'Elections');
  assert.equal(stem('covid19'), 'covid19');
  assert.equal(stem('elections'), 'elect');
});

test('the character-code tests answer as their Unicode regexes', () => {
  const start = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('[', '@', 'Z', 'a', '9', '٣', 'É', '𐐀'));
  fc.assert(
    fc.property(start, (s) => {
      assert.equal(startsUpper(s), /^\p{Lu}/u.test(s));
      assert.equal(startsWithDigit(s), /^\p{N}/u.test(s));
    }),
    { numRuns: 5000 },
  );
});

test('case and orthography fold to one term: "İSTANBUL" is "Istanbul", "STRASSE" is "Straße"', () => {
  assert.deepEqual(norms('İSTANBUL Istanbul istanbul'), ['istanbul', 'istanbul', 'istanbul']);
  assert.deepEqual(norms('Straße STRASSE strasse'), ['strasse', 'strasse', 'strasse']);
  assert.deepEqual(norms('don’t don\'t'), ["don't", "don't"]);
});
