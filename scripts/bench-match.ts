// npm run bench:match -- [--data DIR] [--distractors] [--json] [--sample N] [--only NAME,...]
// Runs the match and stream protocols of shared/data/stories/README.md on every *.jsonl in DIR:
// with dates (moved where they are labels) and with dates removed. --distractors adds every story
// of the other files as extra clusters. --sample N runs N queries of each kind per file (iteration
// only; reported figures use the full run). hit1@fm2 is Hit@1 at the bar that keeps that run's own
// orphan false matches within 2%: read off the run, for comparison, not a calibrated figure.
// With --distractors a dated file is run three ways (README): the distractors' stories moved, seeded,
// into the file's own time window (`window`, the main figure), their dates as they are (`as is`: from
// another era, or none), and every date removed. --distractor-dates window,as-is picks the dated ones.
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, dataDirOrExit, hasDates, listFiles, loadFile, matchProtocol, streamProtocol, treatDistractors, type DataFile, type DistractorDates } from './lib/dataset';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: DEFAULT_DATA_DIR },
    distractors: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    sample: { type: 'string' },
    only: { type: 'string' },
    'no-stream': { type: 'boolean', default: false },
    'distractor-dates': { type: 'string', default: 'window,as-is' },
  },
});
const sample = values.sample !== undefined ? Number(values.sample) : undefined;
const files = listFiles(dataDirOrExit('bench:match', values.data, 'skip')).map(loadFile);
const only = values.only?.split(',');

const distractorModes = values['distractor-dates'].split(',') as DistractorDates[];
const streamCache = new Map<string, { p: number; r: number; f1: number }>();

function run(file: DataFile, withDates: boolean, mode: DistractorDates = 'as-is') {
  const others = values.distractors ? files.filter((f) => f !== file) : [];
  const distractors = withDates ? treatDistractors(file, others, mode) : others;
  const m = matchProtocol(file, distractors, { withDates, ...(sample !== undefined ? { sample } : {}) });
  // The stream sees the file alone: one run per dating of the file.
  const key = `${file.name}:${withDates}`;
  const b = values['no-stream'] ? { p: NaN, r: NaN, f1: NaN } : (streamCache.get(key) ?? streamCache.set(key, streamProtocol(file, withDates)).get(key)!);
  return { hit1: m.hit1, hit5: m.hit5, orphanFalseMatch: m.orphanFalseMatch, hit1AtFm2: m.hit1AtFm2, bcubedP: b.p, bcubedR: b.r, bcubedF1: b.f1, n: m.n };
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const rows: string[][] = [];
for (const file of files) {
  if (only && !only.includes(file.name)) continue;
  const dated = hasDates(file);
  const dates = !dated ? 'none' : file.datesMoved ? 'moved ±24h' : 'as is';
  const runs: [string, ReturnType<typeof run>][] = [];
  if (!dated) runs.push([dates, run(file, false)]);
  else if (!values.distractors) runs.push([dates, run(file, true)]);
  else for (const mode of distractorModes) runs.push([`${dates}, distr. ${mode === 'window' ? 'in window' : mode}`, run(file, true, mode)]);
  if (dated) runs.push(['removed', run(file, false)]);
  if (values.json) {
    const round = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, r3(v)]));
    for (const [label, f] of runs) console.log(JSON.stringify({ file: file.name, dates: label, distractors: values.distractors, ...round(f) }));
    continue;
  }
  for (const [label, f] of runs) rows.push([file.name, label, ...[f.hit1, f.hit5, f.orphanFalseMatch, f.hit1AtFm2, f.bcubedP, f.bcubedR, f.bcubedF1].map((x) => r3(x).toFixed(3)), String(f.n)]);
}
if (!values.json) {
  const head = ['file', 'dates', 'hit1', 'hit5', 'orphanFM', 'hit1@fm2', 'bcubedP', 'bcubedR', 'bcubedF1', 'n'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`distractors: ${values.distractors ? 'all other files' : 'none'}${sample !== undefined ? `, sample ${sample}` : ''}`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}
