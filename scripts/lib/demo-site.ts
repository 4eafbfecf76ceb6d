// A small local news web built from the seeds, for the demo and the end-to-end tests: a front page
// (not an article), one page per seed report laid out like that outlet's own article page, and one
// unrelated article that matches no story. Built at run time from the seeds and served from
// 127.0.0.1; never committed, never bundled into the extension.
import { readSeeds, type SeedReport } from './seed-parser';

/** One article page's facts, as the page templates need them. */
interface DemoArticle {
  seed?: string;
  outlet: string;
  headline: string;
  published?: string;
  body: string[];
}

// A look per outlet, so the demo reads as five different sites.
const THEMES = [
  'body{font-family:Georgia,serif;background:#fff;color:#111}header{background:#c8102e;color:#fff}nav a{color:#fff}',
  'body{font-family:Verdana,sans-serif;background:#f4f6fb;color:#1b1f3b}header{background:#1b1f3b;color:#ffd23f}nav a{color:#ffd23f}',
  'body{font-family:Trebuchet MS,sans-serif;background:#fff8ef;color:#3a2a1a}header{background:#ff7a00;color:#fff}nav a{color:#fff}',
  'body{font-family:Arial,sans-serif;background:#fafafa;color:#222}header{border-bottom:4px solid #0a5c36;color:#0a5c36}nav a{color:#0a5c36}',
  'body{font-family:Tahoma,sans-serif;background:#0f1720;color:#e6edf3}header{background:#263238;color:#9ccc65}nav a{color:#9ccc65}a{color:#9ccc65}',
];
const LAYOUT =
  'header{padding:12px 24px}header .name{font-size:28px;font-weight:bold}nav a{margin-right:16px}' +
  '.page{display:flex;gap:32px;max-width:1040px;margin:24px auto;padding:0 16px}article{flex:3}aside{flex:1;font-size:14px}' +
  'footer{text-align:center;font-size:12px;padding:24px;opacity:.7}';
// Other headlines for the sidebars: deliberately about nothing in the story cluster.
const SIDEBAR = [
  'Weekend weather: showers clearing by Sunday afternoon',
  'High school robotics team heads to the state final',
  'Farmers market extends its hours through October',
  'Library adds evening hours for exam season',
];

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function slug(text: string): string {
  const full = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  // Long headlines are cut at a word boundary, as news sites do.
  return full.length <= 80 ? full : full.slice(0, 80).replace(/-[^-]*$/, '');
}

/** The path of a report page: `/<outlet-slug>/<headline-slug>.html`. */
export const articlePath = (outlet: string, headline: string): string => `/${slug(outlet)}/${slug(headline)}.html`;

/** "15 August 2025, 19:56" from the ISO string's own wall clock, so no zone is converted or invented. */
function displayTime(iso: string): string {
  const [date = '', time = ''] = iso.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const month = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${d} ${month} ${y}, ${time.slice(0, 5)}`;
}

// A short line without closing punctuation inside a report is a subheading (seed 004 has them).
const isSubhead = (line: string): boolean => line.length < 80 && !/[.!?:"”’')]$/.test(line);

function chrome(name: string, theme: string, head: string, main: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${head}
<style>${LAYOUT}${theme}</style>
</head>
<body>
<header><div class="name">${esc(name)}</div>
<nav><a href="/">Home</a><a href="/">World</a><a href="/">Politics</a><a href="/">Business</a><a href="/">Sport</a></nav></header>
${main}
<footer>© ${esc(name)} · <a href="/">About</a> · <a href="/">Contact</a> · <a href="/">Privacy</a></footer>
</body>
</html>
`;
}

function articlePage(a: DemoArticle, path: string, theme: string): string {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline,
    ...(a.published ? { datePublished: a.published } : {}),
    publisher: { '@type': 'Organization', name: a.outlet },
  };
  const head = [
    `<title>${esc(a.headline)} | ${esc(a.outlet)}</title>`,
    `<link rel="canonical" href="${esc(path)}">`,
    '<meta property="og:type" content="article">',
    `<meta property="og:title" content="${esc(a.headline)}">`,
    `<meta property="og:site_name" content="${esc(a.outlet)}">`,
    a.published ? `<meta property="article:published_time" content="${a.published}">` : '',
    a.seed ? `<meta name="demo-seed" content="${esc(a.seed)}">` : '',
    `<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>`,
  ].filter(Boolean).join('\n');
  const time = a.published ? ` · <time datetime="${a.published}">${displayTime(a.published)}</time>` : '';
  const body = a.body.map((l) => (isSubhead(l) ? `<h2>${esc(l)}</h2>` : `<p>${esc(l)}</p>`)).join('\n');
  const main = `<div class="page">
<article>
<h1>${esc(a.headline)}</h1>
<div class="byline">${esc(a.outlet)}${time}</div>
${body}
</article>
<aside class="sidebar"><h3>More news</h3><ul>${SIDEBAR.map((s) => `<li><a href="/">${esc(s)}</a></li>`).join('')}</ul></aside>
</div>`;
  return chrome(a.outlet, theme, head, main);
}

const teaser = (body: string[]): string => {
  const first = body.find((l) => !isSubhead(l)) ?? '';
  return first.length <= 100 ? first : `${first.slice(0, 100).replace(/\s+\S*$/, '')}…`;
};

/** A front page: a list of links with short teasers, deliberately not an article. */
function homePage(reports: SeedReport[], paths: string[]): string {
  const items = reports.map((r, i) =>
    `<li><a href="${esc(paths[i] ?? '/')}">${esc(r.headline)}</a><br><small>${esc(r.outlet.name)}</small> <span>${esc(teaser(r.body))}</span></li>`);
  items.push(`<li><a href="${UNRELATED_PATH}">${esc(UNRELATED.headline)}</a><br><small>${esc(UNRELATED.outlet)}</small></li>`);
  const head = '<title>Demo Newsstand: front page</title>\n<meta property="og:type" content="website">';
  return chrome('Demo Newsstand', THEMES[3] ?? '', head, `<main class="page"><section><h2>Top stories</h2><ul>${items.join('\n')}</ul></section></main>`);
}

// A made-up local story on another subject: an article page that must match no story cluster.
const UNRELATED: DemoArticle = {
  outlet: 'Millbrook Ledger',
  headline: 'Millbrook council approves protected bike lane on Harbor Street',
  published: '2026-10-07T21:15:00-05:00',
  body: [
    'The Millbrook city council voted 6 to 1 on Tuesday night to build a protected bike lane along the full length of Harbor Street, ending nearly two years of debate over the busy corridor between the train station and the riverfront park.',
    'The lane will run on both sides of the street behind a row of concrete planters, and the city will remove about forty parking spaces to make room for it. Work is expected to start next spring and to finish before the end of summer.',
    'Supporters filled the chamber, many of them parents who said their children ride to Harbor Street Elementary on the sidewalk because the road feels too dangerous. Three crashes involving cyclists were reported on the street last year, according to the police department.',
    'Several shop owners asked the council to delay the vote, worried that losing parking in front of their stores would cost them customers. The council added a loading zone on each block and asked staff to report back on sales taxes from the corridor after one year.',
    'The project is estimated to cost 1.8 million dollars, most of it covered by a state transportation grant the city won in the spring. Council member Rosa Delgado, who cast the only vote against, said she supported bike lanes but wanted the money spent first on repaving Mill Road.',
  ],
};
const UNRELATED_PATH = articlePath(UNRELATED.outlet, UNRELATED.headline).replace(/^\/[^/]+/, '/unrelated');
export { UNRELATED_PATH as DEMO_UNRELATED_PATH };

/** Maps URL paths (`/`, `/7news/….html`) to HTML. */
export function buildDemoSite(seedDir: string): Map<string, string> {
  const reports = readSeeds(seedDir);
  const paths = reports.map((r) => articlePath(r.outlet.name, r.headline));
  const site = new Map<string, string>([['/', homePage(reports, paths)]]);
  reports.forEach((r, i) => {
    const page: DemoArticle = { seed: r.file, outlet: r.outlet.name, headline: r.headline, body: r.body };
    if (r.published) page.published = r.published;
    site.set(paths[i] ?? '/', articlePage(page, paths[i] ?? '/', THEMES[i % THEMES.length] ?? ''));
  });
  site.set(UNRELATED_PATH, articlePage(UNRELATED, UNRELATED_PATH, THEMES[2] ?? ''));
  return site;
}

/** Which path shows which seed report, in seed order, read from the pages' `demo-seed` tags. */
export function demoReportPaths(site: Map<string, string>): { seed: string; path: string }[] {
  const found: { seed: string; path: string }[] = [];
  for (const [path, html] of site) {
    const seed = /<meta name="demo-seed" content="([^"]+)">/.exec(html)?.[1];
    if (seed) found.push({ seed, path });
  }
  return found.sort((a, b) => (a.seed < b.seed ? -1 : 1));
}
