// A small local news web for the demo and the end-to-end tests: a front page (not an article), the
// five outlets' reports of the Alaska summit (the starter pack's story), four reports of a made-up
// second event that only the demo's feeds carry (scripts/lib/demo-feeds.ts), a follow-up of the
// summit that the summit's story is offered for but not launched on, and one unrelated article that
// matches no story. The texts live in scripts/demo/, written for the demo in our own
// words; the pages are laid out here, served from 127.0.0.1 and never bundled into the extension.
import { COMET_EVENT, COMET_REPORTS } from '../demo/comet-reports';
import { FOLLOW_UP } from '../demo/follow-up';
import { UNRELATED } from '../demo/local-news';
import { SUMMIT_REPORTS } from '../demo/summit-reports';
import type { DemoArticle } from '../demo/types';

// A look per outlet, so the demo reads as different sites (the same outlet looks the same on every page).
const THEMES: Record<string, string> = {
  '7NEWS': 'body{font-family:Georgia,serif;background:#fff;color:#111}header{background:#c8102e;color:#fff}nav a{color:#fff}',
  'SocialNews.XYZ': 'body{font-family:Verdana,sans-serif;background:#f4f6fb;color:#1b1f3b}header{background:#1b1f3b;color:#ffd23f}nav a{color:#ffd23f}',
  'Hot Buzz': 'body{font-family:Trebuchet MS,sans-serif;background:#fff8ef;color:#3a2a1a}header{background:#ff7a00;color:#fff}nav a{color:#fff}',
  ANI: 'body{font-family:Arial,sans-serif;background:#fafafa;color:#222}header{border-bottom:4px solid #0a5c36;color:#0a5c36}nav a{color:#0a5c36}',
  'The Defense News': 'body{font-family:Tahoma,sans-serif;background:#0f1720;color:#e6edf3}header{background:#263238;color:#9ccc65}nav a{color:#9ccc65}a{color:#9ccc65}',
  'Millbrook Ledger': 'body{font-family:Palatino,serif;background:#fdfcf7;color:#2b2b2b}header{border-bottom:3px double #5b4636;color:#5b4636}nav a{color:#5b4636}',
};
const FRONT_THEME = THEMES['ANI'] ?? '';
const LAYOUT =
  'header{padding:12px 24px}header .name{font-size:28px;font-weight:bold}nav a{margin-right:16px}' +
  '.page{display:flex;gap:32px;max-width:1040px;margin:24px auto;padding:0 16px}article{flex:3}aside{flex:1;font-size:14px}' +
  'footer{text-align:center;font-size:12px;padding:24px;opacity:.7}';
// Other headlines for the sidebars: deliberately about nothing in any story.
const SIDEBAR = [
  'Weekend weather: showers clearing by Sunday afternoon',
  'High school robotics team heads to the state final',
  'Farmers market extends its hours through October',
  'Library adds evening hours for exam season',
];

/** A demo article with where it lives and, for a report of the summit, the seed it carries the facts of. */
export interface PlacedArticle extends DemoArticle {
  path: string;
  /** `demo-seed` marker: which report of the starter pack's story this page is. */
  seed?: string;
  /** `demo-event` marker: the page reports the made-up second event. */
  event?: string;
  /** Whether the story itself is invented (said on the page). */
  madeUp: boolean;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function slug(text: string): string {
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

const SUBHEAD = /^## /;

function chrome(name: string, theme: string, head: string, main: string, note: string): string {
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
<footer>© ${esc(name)} · <a href="/">About</a> · <a href="/">Contact</a> · <a href="/">Privacy</a><br><small class="demo-note">${esc(note)}</small></footer>
</body>
</html>
`;
}

function articlePage(a: PlacedArticle): string {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline,
    ...(a.published ? { datePublished: a.published } : {}),
    publisher: { '@type': 'Organization', name: a.outlet },
  };
  const head = [
    `<title>${esc(a.headline)} | ${esc(a.outlet)}</title>`,
    `<link rel="canonical" href="${esc(a.path)}">`,
    '<meta property="og:type" content="article">',
    `<meta property="og:title" content="${esc(a.headline)}">`,
    `<meta property="og:site_name" content="${esc(a.outlet)}">`,
    a.published ? `<meta property="article:published_time" content="${a.published}">` : '',
    a.seed ? `<meta name="demo-seed" content="${esc(a.seed)}">` : '',
    a.event ? `<meta name="demo-event" content="${esc(a.event)}">` : '',
    `<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>`,
  ].filter(Boolean).join('\n');
  const time = a.published ? ` · <time datetime="${a.published}">${displayTime(a.published)}</time>` : '';
  const body = a.body.map((l) => (SUBHEAD.test(l) ? `<h2>${esc(l.replace(SUBHEAD, ''))}</h2>` : `<p>${esc(l)}</p>`)).join('\n');
  const main = `<div class="page">
<article>
<h1>${esc(a.headline)}</h1>
<div class="byline">${esc(a.outlet)}${time}</div>
${body}
</article>
<aside class="sidebar"><h3>More news</h3><ul>${SIDEBAR.map((s) => `<li><a href="/">${esc(s)}</a></li>`).join('')}</ul></aside>
</div>`;
  // Said on every page: the outlets' names are real, these texts are not theirs.
  const note = a.note ?? (a.madeUp
    ? `Demo page: a made-up story, written for Storyline's demo; not published by ${a.outlet}.`
    : `Demo page: written for Storyline's demo in our own words from the facts of ${a.outlet}'s report; not ${a.outlet}'s text.`);
  // The demo site's own pages (the follow-up) wear the front page's look.
  return chrome(a.outlet, THEMES[a.outlet] ?? FRONT_THEME, head, main, note);
}

/** The first paragraph, for teasers on the front page and descriptions in the feeds. */
export const lead = (a: DemoArticle): string => a.body.find((l) => !SUBHEAD.test(l)) ?? '';

const teaser = (a: DemoArticle): string => {
  const first = lead(a);
  return first.length <= 100 ? first : `${first.slice(0, 100).replace(/\s+\S*$/, '')}…`;
};

/** A front page: a list of links with short teasers, deliberately not an article. */
function homePage(articles: PlacedArticle[]): string {
  const items = articles.map((a) =>
    `<li><a href="${esc(a.path)}">${esc(a.headline)}</a><br><small>${esc(a.outlet)}</small> <span>${esc(teaser(a))}</span></li>`);
  const head = '<title>Demo Newsstand: front page</title>\n<meta property="og:type" content="website">';
  const main = `<main class="page"><section><h2>Top stories</h2><ul>${items.join('\n')}</ul></section></main>`;
  return chrome('Demo Newsstand', FRONT_THEME, head, main, "Demo site: every page here was written for Storyline's demo.");
}

const UNRELATED_PATH = articlePath(UNRELATED.outlet, UNRELATED.headline).replace(/^\/[^/]+/, '/unrelated');
export { UNRELATED_PATH as DEMO_UNRELATED_PATH };
/** The summit's follow-up: an article the summit's story is offered for ("maybe related"), not launched on. */
export const DEMO_FOLLOW_UP_PATH = articlePath(FOLLOW_UP.outlet, FOLLOW_UP.headline);

/** ISO time without milliseconds. */
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface DemoOptions {
  /** The moment the made-up event's reports are dated back from (ms; default: now, to the minute). */
  now?: number;
}

/** Every article of the demo with its path: the summit reports in seed order, the event's, the follow-up, the unrelated one. */
export function demoArticles(options: DemoOptions = {}): PlacedArticle[] {
  const now = Math.floor((options.now ?? Date.now()) / 60_000) * 60_000;
  const summit = SUMMIT_REPORTS.map((r): PlacedArticle => ({ ...r, path: articlePath(r.outlet, r.headline), madeUp: false }));
  const event = COMET_REPORTS.map(({ hoursAgo, ...r }): PlacedArticle => ({
    ...r,
    published: iso(now - hoursAgo * 3_600_000),
    path: articlePath(r.outlet, r.headline),
    event: COMET_EVENT,
    madeUp: true,
  }));
  return [...summit, ...event, { ...FOLLOW_UP, path: DEMO_FOLLOW_UP_PATH, madeUp: false }, { ...UNRELATED, path: UNRELATED_PATH, madeUp: true }];
}

/** Maps URL paths (`/`, `/7news/….html`) to HTML. */
export function buildDemoSite(options: DemoOptions = {}): Map<string, string> {
  const articles = demoArticles(options);
  const site = new Map<string, string>([['/', homePage(articles)]]);
  for (const a of articles) site.set(a.path, articlePage(a));
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

/** The pages reporting the made-up second event, read from their `demo-event` tags. */
export function demoEventPaths(site: Map<string, string>): string[] {
  return [...site].filter(([, html]) => html.includes(`<meta name="demo-event" content="${COMET_EVENT}">`)).map(([path]) => path);
}
