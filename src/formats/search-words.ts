// What a reader types in a search box of ours, as words to look for in a list (reading history,
// feeds): case and accents folded on both sides, every word required, where it appears not minded.

/** Words of a search beyond these are not looked for. */
const MAX_WORDS = 8;

/** Text folded for a search: lower case, accents off ("Zelenskyy" finds "ZELENSKYY", "Genève" finds "geneve"). */
export const foldForSearch = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The distinct words of a search, folded; none for a blank one. */
export function searchWords(query: string): string[] {
  return [...new Set(foldForSearch(query).split(/\s+/).filter(Boolean))].slice(0, MAX_WORDS);
}

/** Whether every word is somewhere in the texts (folded as the words were). */
export function hasEveryWord(words: readonly string[], ...texts: (string | null | undefined)[]): boolean {
  const haystack = foldForSearch(texts.filter(Boolean).join('\n'));
  return words.every((w) => haystack.includes(w));
}
