import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { StoryIndex, MATCH_THRESHOLD } from './src/engine';
import { buildDemoSite, demoReportPaths } from './scripts/lib/demo-site';
import { extractArticle } from './src/content/extract';
const pack = JSON.parse(readFileSync('assets/packs/starter.json', 'utf8'));
const idx = new StoryIndex();
for (const s of pack.stories) for (const a of s.articles) idx.addArticle(s.id, { id: a.id, title: a.title, text: a.excerpt, published: a.published ? Date.parse(a.published) : null, outlet: a.outlet });
const site = buildDemoSite('../shared/seed-stories');
console.log('threshold', MATCH_THRESHOLD);
for (const { path } of demoReportPaths(site)) {
  const dom = new JSDOM(site.get(path)!, { url: 'http://127.0.0.1' + path });
  const art = extractArticle(dom.window.document, 'http://127.0.0.1' + path)!;
  const lead = [art.excerpt, art.text].filter(Boolean).join('\n').slice(0, 1500);
  const r = idx.match({ id: 'x' + path, title: art.title, text: lead, published: art.published ? Date.parse(art.published) : null, outlet: art.siteName });
  console.log(path.slice(0,30), art.published, JSON.stringify(r.candidates[0]), !!r.match);
}
