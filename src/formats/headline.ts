// Headline identity, for telling one report told twice from two reports: case, quotes and
// punctuation ignored ("Fares rise: what it means" and "Fares Rise — What It Means" are one).

/** The headline's key: NFKC, lower case, punctuation and symbols as spaces, spaces collapsed. */
export function headlineKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
