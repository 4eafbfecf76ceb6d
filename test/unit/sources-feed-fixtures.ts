// Two outlets' feeds reporting the same event (and one unrelated item each), for the feed tests
// and the end-to-end test. `base` is where the articles live, so their links can be opened.
export function meridianRss(base: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>The Daily Meridian | World</title><link>${base}/</link>
<item><title>Alaska summit ends without a ceasefire deal as Trump and Putin leave Anchorage</title>
<link>${base}/world/alaska-summit-no-deal</link><guid>meridian-1</guid><pubDate>Fri, 15 Aug 2025 22:00:00 GMT</pubDate>
<description>Trump and Putin met for three hours at the Anchorage air base; the Alaska summit ended without a ceasefire agreement on Ukraine.</description></item>
<item><title>City council approves new budget for public libraries</title>
<link>${base}/local/library-budget</link><guid>meridian-2</guid><pubDate>Thu, 14 Aug 2025 09:00:00 GMT</pubDate>
<description>The council voted to extend opening hours at branch libraries.</description></item>
</channel></rss>`;
}

export function harbourAtom(base: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Post</title><link rel="alternate" href="${base}/"/>
<id>urn:harbour</id><updated>2025-08-16T08:00:00Z</updated>
<entry><title>Trump and Putin end Alaska summit in Anchorage with no Ukraine ceasefire deal</title>
<link rel="alternate" href="${base}/news/anchorage-summit"/><id>urn:harbour:1</id><updated>2025-08-16T06:00:00Z</updated>
<summary>After three hours of talks at the Anchorage air base, Trump and Putin left the Alaska summit without a ceasefire agreement for Ukraine.</summary></entry>
<entry><title>Heatwave warning issued for the coast this weekend</title>
<link rel="alternate" href="${base}/weather/heatwave"/><id>urn:harbour:2</id><updated>2025-08-16T07:00:00Z</updated>
<summary>Forecasters expect temperatures well above the seasonal average.</summary></entry>
</feed>`;
}

export const rssItem = (url: string, title: string, summary: string, date: string): string =>
  `<item><title>${title}</title><link>${url}</link><guid>${url}</guid><pubDate>${date}</pubDate><description>${summary}</description></item>`;
export const rss = (title: string, home: string, items: readonly string[]): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>${home}</link>${items.join('')}</channel></rss>`;

/**
 * One event in three reports: the first two are stories apart (an earthquake; its toll in one town),
 * and the third, of another outlet, makes them one story: the stream clusterer merges the newer
 * into the older. Addresses are each outlet's host; a test serves the feeds wherever it likes.
 */
export const HAITI = {
  quake: { url: 'https://north.example/haiti-quake', title: 'Magnitude 7.2 earthquake strikes Haiti', summary: 'A powerful earthquake hit Haiti on Saturday morning, the US Geological Survey said.', date: 'Sat, 14 Aug 2021 12:00:00 GMT' },
  lesCayes: { url: 'https://north.example/les-cayes', title: 'Hundreds dead in Les Cayes as rescuers dig through rubble', summary: 'Rescuers in Les Cayes searched collapsed buildings; at least 300 people died.', date: 'Sat, 14 Aug 2021 15:00:00 GMT' },
  bridge: { url: 'https://south.example/haiti-kills-hundreds', title: 'Haiti earthquake kills hundreds in Les Cayes', summary: 'The 7.2 earthquake in Haiti killed at least 300 people near Les Cayes, and rescuers dug through rubble.', date: 'Sat, 14 Aug 2021 18:00:00 GMT' },
} as const;

/** One of HAITI's reports as an RSS item. */
export const haitiItem = (report: { url: string; title: string; summary: string; date: string }): string => rssItem(report.url, report.title, report.summary, report.date);
