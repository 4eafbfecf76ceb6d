// Scripts written without spaces between words: Chinese, Japanese, Thai, Lao, Khmer, Burmese. The
// tokenizer's word pattern takes a whole run of them as one word, so a Chinese sentence was one
// term and such pages matched only on identical sentences. A run is cut into words by the
// runtime's word segmenter (Intl.Segmenter: ICU's dictionaries in Chromium and Node, ICU4X's in
// Firefox), the way the browser itself finds words for selection. Where the runtime has none the
// run stays one word, as before.

// Tested on non-ASCII words only (tokenize.ts), so English text never reaches the segmenter.
const SPACELESS = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
const ONE_HAN = /^\p{sc=Han}$/u;
const THAI_AM = /\u0e4d\u0e32/g;
const LAO_AM = /\u0ecd\u0eb2/g;
const MAX_PIECE = 256;

let segmenter: Intl.Segmenter | null | undefined;

function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    // 'und': the same cuts whatever the reader's locale, so a page and a feed item read alike.
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('und', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** Whether the word holds a script written without spaces (asked of words of text that is not all ASCII). */
export function hasSpacelessScript(word: string): boolean {
  return SPACELESS.test(word);
}

/** The words of a run the tokenizer matched as one, by the segmenter; the run itself when there is none. */
export function spacelessWords(word: string): string[] {
  const s = wordSegmenter();
  if (!s) return [word];
  // NFKC (tokenize.ts) splits Thai and Lao "am" into two signs, a spelling no dictionary holds.
  const text = word.replace(THAI_AM, '\u0e33').replace(LAO_AM, '\u0eb3');
  const out: string[] = [];
  // The segmenter's cost grows faster than a run's length (40,000 characters of one Chinese
  // character took 13 times what 10,000 did): a run is read in bounded pieces, so its cost is
  // linear. A sentence is far shorter than a piece; a word cut at a piece's end is the price.
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + MAX_PIECE);
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
    for (const seg of s.segment(text.slice(start, end))) if (seg.isWordLike) out.push(seg.segment);
    start = end;
  }
  return out;
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * A single Chinese character is often a word of its own ("美" for the United States, "党" a party),
 * where a single letter of an alphabet never is: it counts as content unless a stop word.
 */
export function isOneHan(norm: string): boolean {
  return norm.length === 1 && norm.charCodeAt(0) >= 0x2e80 && ONE_HAN.test(norm);
}
