// npm run bench:feeds -- [--file allsides-dev] [--orphans 50] [--sample N] [--seed 1 | --seeds N] [--json] [--data DIR] [--misses] [--short-items] [--maybe] [--browser chromium|firefox [--no-history]]
// The reader's path as a benchmark, in a Node replica of the extension: feeds built per outlet from
// a labelled file (dates treated by the protocol: allsides-* moved ±24 h with seed 1, real dates as
// they are; then all shifted, spacing kept, so the newest item is an hour old), one report of every
// evaluated story held out of every feed and read as a page, plus orphan stories no feed carries.
// The feeds go through the product's parser and `buildFeedStories`, the stories are indexed as the
// background indexes the stored feeds pack, each page goes through the background's page → engine
// conversion and `StoryIndex.match` (scripts/lib/reader-path.ts). Prints report precision (right
// launchers / launchers), report recall (right launchers / pages), story hit (the top candidate is
// right, threshold aside), orphan false launchers, the sidebar's share of the event's reports, and
// the feed stories' BCubed F1. A launcher is right when its story holds a feed report of the page's event.
// "Maybe related" (the popup's offer on a page with no launcher, decision.ts): the share of the pages
// without a launcher offered their event's story, the share of offered stories that are right, and
// the orphan pages offered any. --maybe adds the same three at other floors (how MAYBE_FLOOR is set).
// Context (issue 14): on the pages with a launcher, the share whose story the sidebar gives a civic
// category, the share offered some when given none, and neither; on allsides-dev, with the topic
// labels of ../shared/data/topics, the share given a right top category and offered a right one.
// --seeds N (the replica only): seeds 1 to N, one line each (which report is held out of each story,
// which stories are orphans), and the counts pooled over them: a steadier figure than one seed's,
// where one orphan page is two points.
// --short-items: every feed item carries only its article's opening sentence, as many feeds do, so
// each page is read against items far shorter than itself.
// --browser chromium|firefox: the same feeds and pages through the built extension in Debian's
// Chromium or Firefox ESR (scripts/lib/reader-path-browser.ts; `npm run build` first), beside the
// replica: the browser's figures, pages the content script did not take for articles, and how many
// pages the two agree on (launcher or none, and right or wrong). --no-history (with --browser)
// switches reading history off first, so that each page meets the index the feeds made, as in the
// replica, not one the pages read before it added to (history on is the shipped default and the
// figure to report; this is the like-for-like comparison).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, dataDirOrExit, loadFile } from './lib/dataset';
import { maybeFigures as maybeOf, readerSetup, runReplica, type MaybeFigures } from './lib/reader-path';
import { MAX_MAYBE, MAYBE_FLOOR } from '../src/engine';
import { runInBrowser, type BenchBrowser } from './lib/reader-path-browser';
import { loadDevStories, loadTopicMap, missingData } from './lib/topic-data';
import { CIVIC_PARENT } from './lib/topic-seed';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: DEFAULT_DATA_DIR },
    file: { type: 'string', default: 'allsides-dev' },
    orphans: { type: 'string', default: '50' },
    sample: { type: 'string' },
    seed: { type: 'string', default: '1' },
    seeds: { type: 'string' },
    json: { type: 'boolean', default: false },
    misses: { type: 'boolean', default: false },
    'no-history': { type: 'boolean', default: false },
    browser: { type: 'string', default: 'node' },
    'short-items': { type: 'boolean', default: false },
    maybe: { type: 'boolean', default: false },
  },
});
if (values.browser !== 'node' && values.browser !== 'chromium' && values.browser !== 'firefox') {
  console.error('bench:feeds: --browser is node (the replica), chromium or firefox');
  process.exit(2);
}
const dir = dataDirOrExit('bench:feeds', values.data, 'skip');
const file = loadFile(path.join(dir, `${values.file}.jsonl`));
if (values.seeds !== undefined) {
  if (values.browser !== 'node') {
    console.error('bench:feeds: --seeds runs the replica only (a browser run takes minutes a seed)');
    process.exit(2);
  }
  pooledSeeds(Number(values.seeds));
  process.exit(0);
}
const setup = readerSetup(file, {
  orphans: Number(values.orphans),
  seed: Number(values.seed),
  now: Date.now(),
  shortItems: values['short-items'],
  ...(values.sample !== undefined ? { sample: Number(values.sample) } : {}),
});
const f = runReplica(setup);
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const { outcomes, ...figures } = f;
if (values.browser === 'chromium' || values.browser === 'firefox') {
  const started = performance.now();
  const browserName = values.browser as BenchBrowser;
  const seen = await runInBrowser(browserName, setup, values.json ? undefined : (line) => console.error(line), { history: !values['no-history'] });
  const known = seen.filter((o) => !o.orphan);
  const launched = known.filter((o) => o.launched);
  const rights = known.filter((o) => o.right);
  const orphans = seen.filter((o) => o.orphan);
  const agree = seen.filter((o, i) => o.launched === outcomes[i]!.launched && o.right === outcomes[i]!.right).length;
  const byOutcome: Record<string, number> = {};
  for (const o of seen) byOutcome[o.outcome] = (byOutcome[o.outcome] ?? 0) + 1;
  const browser = {
    file: f.file,
    pages: known.length,
    orphans: orphans.length,
    precision: r3(launched.length ? rights.length / launched.length : 0),
    recall: r3(known.length ? rights.length / known.length : 0),
    orphanFalseLaunchers: r3(orphans.length ? orphans.filter((o) => o.launched).length / orphans.length : 0),
    ...maybeFigures(seen),
    outcomes: byOutcome,
    agreement: r3(agree / seen.length),
    replica: { precision: r3(f.precision), recall: r3(f.recall), orphanFalseLaunchers: r3(f.orphanFalseLaunchers), maybeRecovered: r3(f.maybeRecovered), maybePrecision: r3(f.maybePrecision), orphansOffered: r3(f.orphansOffered) },
    seconds: Math.round((performance.now() - started) / 1000),
  };
  if (values.json) console.log(JSON.stringify(browser));
  else {
    console.log(`${f.file} in ${browserName === 'chromium' ? 'Chromium' : 'Firefox ESR'} (the built extension${values['no-history'] ? ', reading history off' : ''}, ${browser.seconds} s): ${known.length} pages, ${orphans.length} orphan pages; outcomes ${JSON.stringify(byOutcome)}`);
    console.log(`report precision ${browser.precision.toFixed(3)} · report recall ${browser.recall.toFixed(3)} · orphan false launchers ${browser.orphanFalseLaunchers.toFixed(3)}`);
    console.log(`maybe related (popup, no launcher): ${maybeLine(browser)}`);
    console.log(`the replica: precision ${f.precision.toFixed(3)} · recall ${f.recall.toFixed(3)} · orphan false launchers ${f.orphanFalseLaunchers.toFixed(3)} · maybe related ${maybeLine(f)}; the two agree on ${(browser.agreement * 100).toFixed(1)} % of pages`);
    if (values.misses) for (const [i, o] of seen.entries()) if (o.launched !== outcomes[i]!.launched || o.right !== outcomes[i]!.right) console.log(`differs ${o.gold}${o.orphan ? ' (orphan)' : ''}: browser ${o.outcome}${o.launched ? (o.right ? ' right' : ' wrong') : ''} ${o.score?.toFixed(3) ?? '—'}, replica ${outcomes[i]!.launched ? (outcomes[i]!.right ? 'right' : 'wrong') : 'none'} ${outcomes[i]!.score?.toFixed(3) ?? '—'}`);
  }
  process.exit(0);
}
const context = contextFigures(outcomes);
if (values.json) {
  console.log(JSON.stringify({ ...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? r3(v) : v])), context }));
} else {
  const dates = `${file.datesMoved ? 'dates moved ±24h (seed 1)' : 'real dates'}${values['short-items'] ? ', items carry their opening sentence only' : ''}`;
  console.log(`${f.file} (${dates}, shifted to end an hour ago): ${f.feeds} feeds, ${f.items} items → ${f.stories} feed stories (BCubed F1 ${f.streamF1.toFixed(3)}), built in ${f.buildMs.toFixed(0)} ms`);
  console.log(`${f.pages} held-out pages of events the feeds carry, ${f.orphans} orphan pages; match p50 ${f.matchP50Ms.toFixed(2)} ms`);
  console.log(`report precision ${f.precision.toFixed(3)} · report recall ${f.recall.toFixed(3)} · story hit ${f.storyHit.toFixed(3)} · orphan false launchers ${f.orphanFalseLaunchers.toFixed(3)} (${outcomes.filter((o) => o.orphan && o.launched).length}/${f.orphans})`);
  console.log(`sidebar (right launchers): ${f.sidebarPrecision.toFixed(3)} of its reports of the page's event, ${f.sidebarRecall.toFixed(3)} of the event's feed reports`);
  console.log(`maybe related (popup, no launcher; floor ${MAYBE_FLOOR}, at most ${MAX_MAYBE}): ${maybeLine(f)}`);
  console.log(
    `context (pages with a launcher: ${context.pages}): given a category ${context.given.toFixed(3)}, offered some ${context.offered.toFixed(3)}, neither ${context.neither.toFixed(3)}` +
      (context.givenRight === null ? ' (no topic labels for this file)' : `; against the data's topics: given a right top category ${context.givenRight.toFixed(3)}, offered a right one ${context.offeredRight!.toFixed(3)} (of ${context.labelled} labelled)`),
  );
  if (values.maybe) {
    console.log('floor  pages offered their story  offered that are right  orphan pages offered any');
    for (const floor of [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) {
      const m = maybeFigures(outcomes.map((o) => ({ ...o, maybe: o.launched ? [] : o.ranked.filter((c) => c.score >= floor).slice(0, MAX_MAYBE).map((c) => c.right) })));
      console.log(`${floor.toFixed(2)}   ${m.maybeRecovered.toFixed(3)}                     ${m.maybePrecision.toFixed(3)}                  ${m.orphansOffered.toFixed(3)}`);
    }
  }
  if (values.misses) {
    const top = (o: (typeof outcomes)[number]): string => (o.score === null ? '—' : o.score.toFixed(3));
    for (const o of outcomes) if (!o.orphan && !o.right) console.log(`miss ${o.gold} ${o.launched ? 'wrong launcher' : 'no launcher'} top ${top(o)} topRight ${o.topRight}`);
    for (const o of outcomes) if (o.orphan && o.launched) console.log(`orphan launcher ${o.gold} ${top(o)}`);
  }
}

interface ContextFigures {
  pages: number;
  given: number;
  offered: number;
  neither: number;
  /** Over launched pages of a labelled event: null without labels for the file. */
  labelled: number;
  givenRight: number | null;
  offeredRight: number | null;
}

/** What the sidebar's Categories section shows on the pages with a launcher (ReaderFigures' outcomes). */
function contextFigures(all: typeof outcomes): ContextFigures {
  const shown = all.filter((o) => o.launched && o.context !== null);
  const share = (n: number, of: number): number => r3(of ? n / of : 0);
  const given = shown.filter((o) => o.context!.given.length > 0).length;
  const offered = shown.filter((o) => o.context!.given.length === 0 && o.context!.offered.length > 0).length;
  let labelled = 0;
  let givenRight: number | null = null;
  let offeredRight: number | null = null;
  if (f.file === 'allsides-dev' && missingData() === null) {
    const gold = new Map(loadDevStories(loadTopicMap()).items.map((it) => [it.id, it.gold]));
    const right = (id: string, of: readonly string[]): boolean => of.includes(id) || of.some((g) => CIVIC_PARENT.get(g) === id);
    const withGold = shown.filter((o) => !o.orphan && (gold.get(o.gold)?.length ?? 0) > 0);
    labelled = withGold.length;
    givenRight = share(withGold.filter((o) => o.context!.given[0] !== undefined && right(o.context!.given[0], gold.get(o.gold)!)).length, labelled);
    offeredRight = share(withGold.filter((o) => o.context!.given.length === 0 && o.context!.offered.some((id) => right(id, gold.get(o.gold)!))).length, labelled);
  }
  return { pages: shown.length, given: share(given, shown.length), offered: share(offered, shown.length), neither: share(shown.length - given - offered, shown.length), labelled, givenRight, offeredRight };
}

function maybeFigures(outcomes: Parameters<typeof maybeOf>[0]): MaybeFigures {
  const m = maybeOf(outcomes);
  return { maybeRecovered: r3(m.maybeRecovered), maybePrecision: r3(m.maybePrecision), orphansOffered: r3(m.orphansOffered) };
}

function maybeLine(m: MaybeFigures): string {
  return `${m.maybeRecovered.toFixed(3)} of pages offered their story, ${m.maybePrecision.toFixed(3)} of offered stories right, ${m.orphansOffered.toFixed(3)} of orphan pages offered one`;
}

/** --seeds N: the replica over seeds 1..N, each seed's figures and the counts pooled over all. */
function pooledSeeds(n: number): void {
  const sum = { pages: 0, launched: 0, right: 0, topRight: 0, orphans: 0, orphanLaunched: 0 };
  const now = Date.now();
  const pct = (x: number, of: number): string => (of ? x / of : 0).toFixed(3);
  console.log(`${values.file}: the replica over seeds 1-${n}, ${values.orphans} orphans each`);
  for (let seed = 1; seed <= n; seed++) {
    const setup = readerSetup(file, { orphans: Number(values.orphans), seed, now, shortItems: values['short-items'], ...(values.sample !== undefined ? { sample: Number(values.sample) } : {}) });
    const { outcomes: all } = runReplica(setup);
    const known = all.filter((o) => !o.orphan);
    const orphans = all.filter((o) => o.orphan);
    const one = { pages: known.length, launched: known.filter((o) => o.launched).length, right: known.filter((o) => o.right).length, topRight: known.filter((o) => o.topRight).length, orphans: orphans.length, orphanLaunched: orphans.filter((o) => o.launched).length };
    for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += one[k];
    console.log(`seed ${seed}: precision ${pct(one.right, one.launched)} · recall ${pct(one.right, one.pages)} · story hit ${pct(one.topRight, one.pages)} · orphan false launchers ${one.orphanLaunched}/${one.orphans}`);
  }
  console.log(
    `pooled: ${sum.pages} pages, ${sum.orphans} orphan pages; report precision ${pct(sum.right, sum.launched)} · report recall ${pct(sum.right, sum.pages)} · story hit ${pct(sum.topRight, sum.pages)} · orphan false launchers ${pct(sum.orphanLaunched, sum.orphans)} (${sum.orphanLaunched}/${sum.orphans})`,
  );
}
