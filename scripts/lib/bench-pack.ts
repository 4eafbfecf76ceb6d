// The generated pack of the import benchmark: `n` stories of three reports each, 50 outlets, one
// category. Version 1 is the pack as first imported. A later version is what a publisher's next
// edition looks like: one story in ten edited (summary and one report's lead), one in fifty
// dropped, as many new ones added; with `rewriteAll` every story is edited (the worst case).
import type { Pack, Story } from '../../src/formats/model';

function story(s: number, edition: number): Story {
  return {
    id: `s${s}`,
    title: `Story ${s} about the council vote on budget line ${s % 97}`,
    summary: `What happened in story ${s}, in two sentences (edition ${edition}). The council met and voted.`,
    categories: ['world'],
    articles: Array.from({ length: 3 }, (_, a) => ({
      id: `s${s}a${a}`,
      url: `https://outlet${(s + a) % 50}.example/news/${s}-${a}`,
      title: `Report ${a} on story ${s}: council vote on budget line ${s % 97}`,
      outlet: `o${(s + a) % 50}`,
      published: new Date(Date.UTC(2025, 7, 1) + s * 60_000).toISOString(),
      excerpt: `The council voted on the budget after a long debate about libraries and roads${a === 0 && edition > 1 ? `, edition ${edition}` : ''}.`,
      kind: 'report' as const,
    })),
    opinions: [],
    actions: [],
  };
}

export function benchPack(n: number, version = 1, rewriteAll = false): Pack {
  const outlets = Array.from({ length: 50 }, (_, i) => ({ id: `o${i}`, name: `Outlet ${i}`, domain: `outlet${i}.example` }));
  const stories: Story[] = [];
  for (let s = 0; s < n; s++) {
    if (version > 1 && s % 50 === 1) continue;
    stories.push(story(s, version > 1 && (rewriteAll || s % 10 === 0) ? version : 1));
  }
  if (version > 1) for (let s = n; stories.length < n; s++) stories.push(story(s, version));
  return {
    format: 1,
    id: 'bench',
    publisher: 'Bench',
    version: String(version),
    updated: new Date(Date.UTC(2025, 7, 16) + version * 3_600_000).toISOString(),
    categories: [{ id: 'world', name: 'World', actions: [{ id: 'learn', kind: 'learn', title: 'Read up', details: 'Background.' }] }],
    outlets,
    stories,
  };
}
