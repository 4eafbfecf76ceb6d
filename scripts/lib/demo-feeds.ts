// The demo outlets' own feeds, served beside their pages (`/feeds/<outlet>.xml`): four outlets list
// their report of the made-up second event, so a reader who subscribes gets a story built from feeds
// beside the starter pack's. The summit reports stay out of the feeds on purpose: the starter pack
// already holds that story with its opinions and steps, and a feed-built copy of the same event
// would stand beside it as a second story (one story per event across sources is engine work still
// to do). Some outlets
// publish RSS 2.0, others Atom, as real ones do. Item links carry each outlet's own host name
// (`<outlet>.localhost`, which browsers resolve to the loopback address by themselves): feed stories
// tell outlets apart by host, and one 127.0.0.1 for all would make them one outlet.
import { lead, slug, type PlacedArticle } from './demo-site';

const ATOM_OUTLETS = new Set(['7NEWS', 'Hot Buzz']);

export interface DemoFeed {
  outlet: string;
  /** Where the site serves it: `/feeds/<outlet-slug>.xml`. */
  path: string;
  xml: string;
}

const xmlEsc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The outlet's host name in the demo: `7news.localhost`, `the-defense-news.localhost`. */
export const outletHost = (outlet: string): string => `${slug(outlet)}.localhost`;

const feedPath = (outlet: string): string => `/feeds/${slug(outlet)}.xml`;

function rss(outlet: string, home: string, items: PlacedArticle[]): string {
  const entries = items.map((a) => [
    '<item>',
    `<title>${xmlEsc(a.headline)}</title>`,
    `<link>${xmlEsc(home + a.path.slice(1))}</link>`,
    `<guid isPermaLink="true">${xmlEsc(home + a.path.slice(1))}</guid>`,
    a.published ? `<pubDate>${new Date(a.published).toUTCString()}</pubDate>` : '',
    `<description>${xmlEsc(lead(a))}</description>`,
    '</item>',
  ].filter(Boolean).join(''));
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${xmlEsc(outlet)} | Top stories</title><link>${xmlEsc(home)}</link>
<description>${xmlEsc(outlet)} on the demo news site</description>
${entries.join('\n')}
</channel></rss>
`;
}

function atom(outlet: string, home: string, items: PlacedArticle[]): string {
  const times = items.flatMap((a) => (a.published ? [new Date(a.published).toISOString()] : [])).sort();
  const updated = times.at(-1) ?? '2025-08-15T00:00:00Z';
  const entries = items.map((a) => [
    '<entry>',
    `<title>${xmlEsc(a.headline)}</title>`,
    `<link rel="alternate" href="${xmlEsc(home + a.path.slice(1))}"/>`,
    `<id>${xmlEsc(home + a.path.slice(1))}</id>`,
    a.published ? `<published>${a.published}</published><updated>${a.published}</updated>` : '',
    `<summary>${xmlEsc(lead(a))}</summary>`,
    '</entry>',
  ].filter(Boolean).join(''));
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${xmlEsc(outlet)} | Top stories</title>
<link rel="alternate" href="${xmlEsc(home)}"/><link rel="self" href="${xmlEsc(home + feedPath(outlet).slice(1))}"/>
<id>${xmlEsc(home)}</id><updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}

/**
 * One feed per outlet that has a report of the made-up event, newest item first.
 * `originOf(host)` is the origin the outlet's host is reached at (`http://7news.localhost:8720`).
 */
export function demoFeeds(articles: readonly PlacedArticle[], originOf: (host: string) => string): DemoFeed[] {
  const byOutlet = new Map<string, PlacedArticle[]>();
  for (const a of articles) if (a.event) byOutlet.set(a.outlet, [...(byOutlet.get(a.outlet) ?? []), a]);
  const time = (a: PlacedArticle): number => (a.published ? Date.parse(a.published) : -Infinity);
  return [...byOutlet].map(([outlet, items]) => {
    const home = `${originOf(outletHost(outlet))}/`;
    const newestFirst = [...items].sort((a, b) => time(b) - time(a));
    const xml = ATOM_OUTLETS.has(outlet) ? atom(outlet, home, newestFirst) : rss(outlet, home, newestFirst);
    return { outlet, path: feedPath(outlet), xml };
  });
}
