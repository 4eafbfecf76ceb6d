// npm run bench:match -- [--data DIR] [--distractors] [--json] [--sample N] [--only NAME,...]
// Runs the match and stream protocols of shared/data/stories/README.md on every *.jsonl in DIR:
// with dates (moved where they are labels) and with dates removed. --distractors adds every story
// of the other files as extra clusters. --sample N runs N queries of each kind per file (iteration
// only; reported figures use the full run). hit1@fm2 is Hit@1 at the bar that keeps that run's own
// orphan false matches within 2%: read off the run, for comparison, not a calibrated figure.
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR, dataDirOrExit, hasDates, listFiles, loadFile, matchProtocol, streamProtocol, type DataFile } from './lib/dataset';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: DEFAULT_DATA_DIR },
    distractors: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    sample: { type: 'string' },
    only: { type: 'string' },
    'no-stream': { type: 'boolean', default: false },
  },
});
const sample = values.sample !== undefined ? Number(values.sample) : undefined;
const files = listFiles(dataDirOrExit('bench:match', values.data, 'skip')).map(loadFile);
const only = values.only?.split(',');

function run(file: DataFile, withDates: boolean) {
  const distractors = values.distractors ? files.filter((f) => f !== file) : [];
  const m = matchProtocol(file, distractors, { withDates, ...(sample !== undefined ? { sample } : {}) });
  const b = values['no-stream'] ? { p: NaN, r: NaN, f1: NaN } : streamProtocol(file, withDates);
  return { hit1: m.hit1, hit5: m.hit5, orphanFalseMatch: m.orphanFalseMatch, hit1AtFm2: m.hit1AtFm2, bcubedP: b.p, bcubedR: b.r, bcubedF1: b.f1, n: m.n };
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const rows: string[][] = [];
for (const file of files) {
  if (only && !only.includes(file.name)) continue;
  const dated = hasDates(file);
  const main = run(file, dated);
  const noDates = dated ? run(file, false) : undefined;
  const dates = !dated ? 'none' : file.datesMoved ? 'moved ±24h' : 'as is';
  if (values.json) {
    const round = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, r3(v)]));
    console.log(JSON.stringify({ file: file.name, ...round(main), dates, distractors: values.distractors, ...(noDates ? { noDates: round(noDates) } : {}) }));
    continue;
  }
  for (const [label, f] of [[dates, main], ['removed', noDates]] as const) {
    if (!f) continue;
    rows.push([file.name, label, ...[f.hit1, f.hit5, f.orphanFalseMatch, f.hit1AtFm2, f.bcubedP, f.bcubedR, f.bcubedF1].map((x) => r3(x).toFixed(3)), String(f.n)]);
  }
}
if (!values.json) {
  const head = ['file', 'dates', 'hit1', 'hit5', 'orphanFM', 'hit1@fm2', 'bcubedP', 'bcubedR', 'bcubedF1', 'n'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`distractors: ${values.distractors ? 'all other files' : 'none'}${sample !== undefined ? `, sample ${sample}` : ''}`);
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}
