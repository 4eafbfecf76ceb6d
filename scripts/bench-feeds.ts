// npm run bench:feeds -- [--file allsides-dev] [--orphans 50] [--sample N] [--seed 1] [--json] [--data DIR] [--misses] [--short-items]
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
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, dataDirOrExit, loadFile } from './lib/dataset';
import { readerSetup, runReplica } from './lib/reader-path';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: DEFAULT_DATA_DIR },
    file: { type: 'string', default: 'allsides-dev' },
    orphans: { type: 'string', default: '50' },
    sample: { type: 'string' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    misses: { type: 'boolean', default: false },
    browser: { type: 'string', default: 'node' },
    'short-items': { type: 'boolean', default: false },
  },
});
if (values.browser !== 'node') {
  console.error('bench:feeds: only --browser node (the replica) exists so far');
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
