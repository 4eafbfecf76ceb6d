// npm run bench:feeds -- [--file allsides-dev] [--orphans 50] [--sample N] [--seed 1] [--json] [--data DIR] [--misses] [--short-items] [--browser chromium [--no-history]]
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
// --short-items: every feed item carries only its article's opening sentence, as many feeds do, so
// each page is read against items far shorter than itself.
// --browser chromium: the same feeds and pages through the built extension (scripts/lib/
// reader-path-browser.ts; `npm run build` first), beside the replica: the browser's figures, pages
// the content script did not take for articles, and how many pages the two agree on (launcher or
// none, and right or wrong). --no-history (with --browser) switches reading history off first, so
// that each page meets the index the feeds made, as in the replica, not one the pages read before
// it added to (history on is the shipped default and the figure to report; this is the like-for-like
// comparison).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, dataDirOrExit, loadFile } from './lib/dataset';
import { readerSetup, runReplica } from './lib/reader-path';
import { runInChromium } from './lib/reader-path-browser';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: DEFAULT_DATA_DIR },
    file: { type: 'string', default: 'allsides-dev' },
    orphans: { type: 'string', default: '50' },
    sample: { type: 'string' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    misses: { type: 'boolean', default: false },
    'no-history': { type: 'boolean', default: false },
    browser: { type: 'string', default: 'node' },
    'short-items': { type: 'boolean', default: false },
  },
});
if (values.browser !== 'node' && values.browser !== 'chromium') {
  console.error('bench:feeds: --browser is node (the replica) or chromium');
  process.exit(2);
}
const dir = dataDirOrExit('bench:feeds', values.data, 'skip');
const file = loadFile(path.join(dir, `${values.file}.jsonl`));
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
if (values.browser === 'chromium') {
  const started = performance.now();
  const seen = await runInChromium(setup, values.json ? undefined : (line) => console.error(line), { history: !values['no-history'] });
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
    outcomes: byOutcome,
    agreement: r3(agree / seen.length),
    replica: { precision: r3(f.precision), recall: r3(f.recall), orphanFalseLaunchers: r3(f.orphanFalseLaunchers) },
    seconds: Math.round((performance.now() - started) / 1000),
  };
  if (values.json) console.log(JSON.stringify(browser));
  else {
    console.log(`${f.file} in Chromium (the built extension${values['no-history'] ? ', reading history off' : ''}, ${browser.seconds} s): ${known.length} pages, ${orphans.length} orphan pages; outcomes ${JSON.stringify(byOutcome)}`);
    console.log(`report precision ${browser.precision.toFixed(3)} · report recall ${browser.recall.toFixed(3)} · orphan false launchers ${browser.orphanFalseLaunchers.toFixed(3)}`);
    console.log(`the replica: precision ${f.precision.toFixed(3)} · recall ${f.recall.toFixed(3)} · orphan false launchers ${f.orphanFalseLaunchers.toFixed(3)}; the two agree on ${(browser.agreement * 100).toFixed(1)} % of pages`);
    if (values.misses) for (const [i, o] of seen.entries()) if (o.launched !== outcomes[i]!.launched || o.right !== outcomes[i]!.right) console.log(`differs ${o.gold}${o.orphan ? ' (orphan)' : ''}: browser ${o.outcome}${o.launched ? (o.right ? ' right' : ' wrong') : ''} ${o.score?.toFixed(3) ?? '—'}, replica ${outcomes[i]!.launched ? (outcomes[i]!.right ? 'right' : 'wrong') : 'none'} ${outcomes[i]!.score?.toFixed(3) ?? '—'}`);
  }
  process.exit(0);
}
if (values.json) {
  console.log(JSON.stringify(Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'number' ? r3(v) : v]))));
} else {
  const dates = `${file.datesMoved ? 'dates moved ±24h (seed 1)' : 'real dates'}${values['short-items'] ? ', items carry their opening sentence only' : ''}`;
  console.log(`${f.file} (${dates}, shifted to end an hour ago): ${f.feeds} feeds, ${f.items} items → ${f.stories} feed stories (BCubed F1 ${f.streamF1.toFixed(3)}), built in ${f.buildMs.toFixed(0)} ms`);
  console.log(`${f.pages} held-out pages of events the feeds carry, ${f.orphans} orphan pages; match p50 ${f.matchP50Ms.toFixed(2)} ms`);
  console.log(`report precision ${f.precision.toFixed(3)} · report recall ${f.recall.toFixed(3)} · story hit ${f.storyHit.toFixed(3)} · orphan false launchers ${f.orphanFalseLaunchers.toFixed(3)} (${outcomes.filter((o) => o.orphan && o.launched).length}/${f.orphans})`);
  console.log(`sidebar (right launchers): ${f.sidebarPrecision.toFixed(3)} of its reports of the page's event, ${f.sidebarRecall.toFixed(3)} of the event's feed reports`);
  if (values.misses) {
    const top = (o: (typeof outcomes)[number]): string => (o.score === null ? '—' : o.score.toFixed(3));
    for (const o of outcomes) if (!o.orphan && !o.right) console.log(`miss ${o.gold} ${o.launched ? 'wrong launcher' : 'no launcher'} top ${top(o)} topRight ${o.topRight}`);
    for (const o of outcomes) if (o.orphan && o.launched) console.log(`orphan launcher ${o.gold} ${top(o)}`);
  }
}
