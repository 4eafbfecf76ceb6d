// The first-run fixture shared by the welcome e2e test and npm run bench:first-story: a made-up
// event (no real outlet wrote any of this), told by three outlets in their own words in their
// feeds, and a fourth outlet's article page about it; the outlets are the shipped directory's, under
// their real host names on a local outlet network (outlet-network.ts).
import type { DirectoryOutlet } from '../../src/formats/directory';

export const EVENT = [
  {
    title: 'Harbour cranes fall silent as Port Kestrel dockworkers begin 48-hour strike',
    summary: 'Dockworkers at Port Kestrel walked out at dawn on Tuesday in a dispute over night-shift pay, halting container traffic at the country’s second-busiest harbour.',
  },
  {
    title: 'Port Kestrel strike: container ships queue offshore as dockworkers walk out',
    summary: 'About forty container ships waited off Port Kestrel on Tuesday after dockworkers began a 48-hour strike over night-shift pay and staffing.',
  },
  {
    title: 'Dockworkers strike at Port Kestrel over night-shift pay',
    summary: 'The Port Kestrel dockworkers’ union began a two-day strike on Tuesday, saying talks with the harbour authority on night-shift pay had collapsed.',
  },
];
export const FOURTH = {
  title: 'Port Kestrel dockworkers strike for 48 hours, leaving container ships stranded offshore',
  paragraphs: [
    'Dockworkers at Port Kestrel began a 48-hour strike at dawn on Tuesday, leaving dozens of container ships anchored offshore and cranes idle along the harbour’s main quay.',
    'The dockworkers’ union said talks with the harbour authority over night-shift pay and staffing had collapsed on Monday evening after three weeks of negotiation.',
    'The harbour authority said about forty container ships were waiting to berth and that perishable cargo would be moved first once the strike at Port Kestrel ends on Thursday.',
    'Shipping companies warned that the walkout at the country’s second-busiest harbour could delay deliveries for a week as vessels are rerouted to other ports.',
  ],
};
export const OTHER_NEWS = [
  { title: 'Rare orchid found flowering in a city park after forty years', summary: 'Botanists confirmed the find on a shaded slope near the old bandstand.' },
  { title: 'Regional library network extends weekend opening hours', summary: 'Twelve branches will open on Sundays from next month, the council said.' },
];

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface FeedItem {
  title: string;
  summary: string;
  path: string;
  hoursAgo: number;
  author?: string;
}

/** An RSS 2.0 feed of `host`'s items, titled `title` (an outlet's name, or "Name | Opinion"). */
export function feedXml(title: string, host: string, items: readonly FeedItem[]): string {
  const entries = items
    .map((i) => `<item><title>${esc(i.title)}</title><link>https://${host}${i.path}</link><guid>https://${host}${i.path}</guid><description>${esc(i.summary)}</description>${i.author ? `<dc:creator>${esc(i.author)}</dc:creator>` : ''}<pubDate>${new Date(Date.now() - i.hoursAgo * 3_600_000).toUTCString()}</pubDate></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${esc(title)}</title><link>https://${host}/</link>${entries}</channel></rss>`;
}

export const rss = (outlet: DirectoryOutlet, items: readonly FeedItem[]): string => feedXml(outlet.name, outlet.domain, items);

export function articlePage(outlet: DirectoryOutlet): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(FOURTH.title)}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="${esc(outlet.name)}">
<meta property="article:published_time" content="${new Date(Date.now() - 3_600_000).toISOString()}"></head>
<body><article><h1>${esc(FOURTH.title)}</h1>${FOURTH.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article></body></html>`;
}

export const pathOf = (url: string): string => new URL(url).pathname + new URL(url).search;
export const hostOf = (url: string): string => new URL(url).hostname;
