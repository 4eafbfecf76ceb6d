// How well opinion pieces attach to the story they discuss, through the functions the extension
// runs: every outlet of allsides-dev becomes a local RSS feed (its reports) and, for the pieces
// the file marks "(Opinion)", an opinion feed; parseFeed reads them and FeedStories clusters the
// reports and attaches the opinions (src/background/feeds/feed-opinions.ts). Dates are moved ±24 h (seed 1)
// as the stories README asks: in allsides they are story labels.
//   precision: attached opinions whose story is theirs (the majority gold story of its reports);
//   recall: opinions attached to their story, of all opinions (each one's story has reports);
//   orphans: the same opinions with their stories' reports left out: any attachment is wrong.
// Also the old way for comparison: opinions clustered as reports (what the feeds did before).
// Usage: npm run bench:opinions [-- --json] [--data DIR]
import path from 'node:path';
import { StreamClusterer } from '../src/engine';
import { FeedStories, type FeedSnapshot } from '../src/background/feeds/feed-stories';
import { nearestStory, opinionDoc, OPINION_ATTACH_THRESHOLD } from '../src/background/feeds/feed-opinions';
import { parseFeed } from '../src/formats/feeds';
import { DEFAULT_DATA_DIR, dataDirOrExit, loadFile, streamOrder, toDoc, type Row } from './lib/dataset';

const args = process.argv.slice(2);
const dataDir = dataDirOrExit('bench:opinions', args.includes('--data') ? args[args.indexOf('--data') + 1]! : DEFAULT_DATA_DIR, 'skip');
const json = args.includes('--json');
const file = loadFile(path.join(dataDir, 'allsides-dev.jsonl'));

const OPINION_MARK = /\s*\(Opinion\)\s*$/;
const isOpinion = (r: Row): boolean => OPINION_MARK.test(r.source ?? '');
const outletOf = (r: Row): string => (r.source ?? 'unknown').replace(OPINION_MARK, '');
const host = (outlet: string): string => `${outlet.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.example`;
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The file's rows as feeds: each outlet's news feed, and its opinion feed where it has pieces. */
function feeds(rows: readonly Row[]): FeedSnapshot[] {
  const byFeed = new Map<string, { outlet: string; rows: Row[] }>();
  for (const r of rows) {
    const h = host(outletOf(r));
    const url = isOpinion(r) ? `https://${h}/opinion/rss.xml` : `https://${h}/rss.xml`;
    const feed = byFeed.get(url) ?? byFeed.set(url, { outlet: outletOf(r), rows: [] }).get(url)!;
    feed.rows.push(r);
  }
  return [...byFeed].sort(([a], [b]) => (a < b ? -1 : 1)).map(([url, { outlet, rows: items }]) => {
    const h = host(outlet);
    const xml = `<rss version="2.0"><channel><title>${esc(outlet)}</title><link>https://${h}/</link>${items
      .map((r) => `<item><guid>${r.id}</guid><title>${esc(r.title)}</title><link>https://${h}/a/${r.id}</link><description>${esc(r.text ?? '')}</description>${r.date === null ? '' : `<pubDate>${new Date(r.date).toUTCString()}</pubDate>`}</item>`)
      .join('')}</channel></rss>`;
    const parsed = parseFeed(xml);
    if (!parsed.ok) throw new Error(`${url}: ${parsed.error}`);
    return { feedUrl: url, feed: parsed.feed };
  });
}

const gold = new Map(file.rows.map((r) => [`${host(outletOf(r))}/a/${r.id}`, r.story]));
const goldOf = (articleId: string): string | undefined => gold.get(articleId.replace(/^https?:\/\//, ''));
const opinions = file.rows.filter(isOpinion);
/** The pieces the file marks "(Opinion)": the ones measured (the feed reader may take more items for opinion or analysis, by their headline's label). */
const marked = new Set(opinions.map((r) => `${host(outletOf(r))}/a/${r.id}`));
const isMarked = (articleId: string): boolean => marked.has(articleId.replace(/^https?:\/\//, ''));

/** Each opinion's nearest story and score, and whether that story is the opinion's own. */
function attachments(model: FeedStories): { id: string; story: string; score: number; right: boolean }[] {
  const index = model.clusterer.index;
  const majority = (storyId: string): string | undefined => {
    const counts = new Map<string, number>();
    for (const d of index.stories.get(storyId)?.docs ?? []) {
      const g = goldOf(d.id);
      if (g) counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  };
  const out = [];
  for (const id of model.entries.ids()) {
    const entry = model.entries.get(id)!;
    if (entry.article.kind === 'report' || !isMarked(id)) continue;
    const top = nearestStory(index, opinionDoc(entry));
    out.push({ id, story: top?.storyId ?? '', score: top?.score ?? 0, right: top !== null && majority(top.storyId) === goldOf(id) });
  }
  return out;
}

const t0 = performance.now();
const all = new FeedStories();
all.update(feeds(file.rows).map((f) => [f.feedUrl, f.feed] as const));
const built = performance.now() - t0;
const notReports = [...all.entries.ids()].filter((id) => all.entries.get(id)!.article.kind !== 'report');
const missed = opinions.length - notReports.filter(isMarked).length;
if (missed > 0) throw new Error(`${missed} of the ${opinions.length} pieces the file marks as opinion were read as reports`);
const alsoRead = notReports.length - (opinions.length - missed);
const found = attachments(all);

// Orphans: the opinions' stories without their reports.
const theirs = new Set(opinions.map((r) => r.story));
const orphanModel = new FeedStories();
orphanModel.update(feeds(file.rows.filter((r) => isOpinion(r) || !theirs.has(r.story))).map((f) => [f.feedUrl, f.feed] as const));
const orphans = attachments(orphanModel);

// Incremental: with feeds added one at a time (the reports then cluster in another order), the
// attachments kept up to date step by step are those a fresh match against the final stories gives.
const stepwise = new FeedStories();
for (const f of feeds(file.rows)) stepwise.update([[f.feedUrl, f.feed]]);
const sameIncremental = [...stepwise.entries.ids()].every((id) => {
  const entry = stepwise.entries.get(id)!;
  if (entry.article.kind === 'report') return true;
  const top = nearestStory(stepwise.clusterer.index, opinionDoc(entry));
  return stepwise.opinions.storyOf(id) === (top && top.score >= OPINION_ATTACH_THRESHOLD ? top.storyId : null);
});

// The old way: opinions clustered with the reports by the online clusterer.
const clusterer = new StreamClusterer();
for (const r of streamOrder(file.rows)) clusterer.add(toDoc(r, true));
const clusterMajority = (storyId: string, except: string): string | undefined => {
  const counts = new Map<string, number>();
  for (const d of clusterer.index.stories.get(storyId)?.docs ?? []) {
    const r = file.rows.find((x) => x.id === d.id);
    if (r && d.id !== except && !isOpinion(r)) counts.set(r.story, (counts.get(r.story) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
};
const oldRight = opinions.filter((r) => clusterMajority(clusterer.index.storyOf(r.id)!, r.id) === r.story).length;

function at(threshold: number) {
  const attached = found.filter((f) => f.score >= threshold);
  const right = attached.filter((f) => f.right).length;
  const orphanAttached = orphans.filter((f) => f.score >= threshold).length;
  return {
    threshold,
    attached: attached.length,
    precision: attached.length ? right / attached.length : 1,
    recall: right / found.length,
    orphanFalseAttach: orphanAttached / orphans.length,
  };
}

const chosen = at(OPINION_ATTACH_THRESHOLD);
const sweep = [0, 0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9].map(at);
const result = { file: file.name, opinions: found.length, alsoReadAsOpinion: alsoRead, ...chosen, incrementalSame: sameIncremental, clusteredAsReports: { right: oldRight / opinions.length }, buildMs: Math.round(built), sweep };
if (json) {
  console.log(JSON.stringify(result));
} else {
  const pct = (x: number): string => x.toFixed(2);
  console.log(`bench:opinions on ${file.name}: ${found.length} opinion pieces, ${file.rows.length - found.length} reports (dates moved ±24 h, seed 1); built in ${Math.round(built)} ms`);
  console.log(`(${alsoRead} more items read as opinion or analysis by their headline's label, "Editorial:" or "EXPLAINER:": kept out of the stories, not measured)`);
  console.log(`attach threshold ${OPINION_ATTACH_THRESHOLD}: precision ${pct(chosen.precision)}, recall ${pct(chosen.recall)} (${chosen.attached} attached); orphans falsely attached ${pct(chosen.orphanFalseAttach)}`);
  console.log(`feeds added one at a time attach the same: ${sameIncremental}`);
  console.log(`old way (opinions clustered as reports): ${pct(oldRight / opinions.length)} in a cluster whose reports are their story`);
  console.log('threshold  attached  precision  recall  orphans attached');
  for (const s of sweep) console.log(`${s.threshold.toFixed(2).padStart(9)}  ${String(s.attached).padStart(8)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}  ${pct(s.orphanFalseAttach).padStart(16)}`);
  console.log('scores (opinion: top score, right?):', found.map((f) => `${f.score.toFixed(2)}${f.right ? '+' : '-'}`).join(' '), '| orphans:', orphans.map((f) => f.score.toFixed(2)).join(' '));
}
