// The pack of the cold-start benchmark (scripts/bench-cold.ts), also used by the engine snapshot's
// tests and measurements: stories the engine can tell apart, generated from a seed.
import type { Pack } from '../../src/formats/model';

/** mulberry32: the same pack on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mer', 'tis', 'van', 'dor', 'pel', 'su', 'rin', 'gha', 'bo', 'zet', 'qui', 'nar', 'fen', 'ul', 'cro', 'mi', 'sav', 'te'];
const COMMON = ['council', 'vote', 'budget', 'minister', 'protest', 'court', 'election', 'report', 'city', 'plan', 'talks', 'deal', 'police', 'storm', 'market'];

/**
 * A pack of `n` stories of three reports each whose stories the engine can tell apart: each story
 * has its own made-up names and words (as real stories have their own people and places), among
 * words every story shares. The import benchmark's pack (lib/bench-pack.ts) has near-identical
 * stories, so no page copied from one matches it above the bar.
 */
export function coldPack(n: number): Pack {
  const rand = random(1);
  const word = (): string => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join('');
  const common = (): string => COMMON[Math.floor(rand() * COMMON.length)]!;
  const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
  const outlets = Array.from({ length: 50 }, (_, i) => ({ id: `o${i}`, name: `Outlet ${i}`, domain: `outlet${i}.example` }));
  const stories = Array.from({ length: n }, (_, s) => {
    const names = [cap(word()), cap(word())];
    const words = Array.from({ length: 6 }, word);
    return {
      id: `s${s}`,
      title: `${names[0]} ${common()} over ${words[0]} in ${names[1]}`,
      summary: `What happened in ${names[1]}: ${words.join(' ')}.`,
      categories: ['world'],
      articles: Array.from({ length: 3 }, (_, a) => ({
        id: `s${s}a${a}`,
        url: `https://outlet${(s + a) % 50}.example/news/${s}-${a}`,
        title: `${names[0]} ${common()} ${words[a]} ${words[a + 1]} in ${names[1]}`,
        outlet: `o${(s + a) % 50}`,
        published: new Date(Date.UTC(2025, 7, 1) + s * 60_000).toISOString(),
        excerpt: `${names[0]} and ${names[1]}: the ${common()} on ${words.slice(a, a + 4).join(' ')} and the ${common()} ${words[5]} went on.`,
        kind: 'report' as const,
      })),
      opinions: [],
      actions: [],
    };
  });
  return { format: 1, id: 'bench', publisher: 'Bench', version: '1', updated: '2025-08-16T00:00:00Z', categories: [{ id: 'world', name: 'World', actions: [] }], outlets, stories };
}
