// Main-thread CPU from a Chromium trace, for npm run bench:content. Trace events carry thread time
// (`tdur`, µs of CPU the thread spent, not wall time), so waiting on the worker or the disk counts
// nothing. A page's work is attributed to the extension per top-level task of the renderer's main
// thread (a task, or a microtask checkpoint outside one):
//   - a task that compiles, evaluates or calls into an extension script (its URL is
//     chrome-extension://…), such as the content script's evaluation or its idle callback;
//   - a task (or microtask checkpoint) in which the content script set one of its performance marks
//     (`storyline:*`, bench build only): the continuations after an `await` run as microtasks,
//     which the trace does not name by script;
//   - the creation of the content scripts' isolated world with its extension bindings, the last
//     context made before their first evaluation (a cost any content script brings with it),
//     reported apart as well.
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

export const TRACE_CATEGORIES = [
  '__metadata',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
];

export async function startTrace(cdp: CDPSession, categories: readonly string[] = TRACE_CATEGORIES): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const onData = (data: { value: object[] }): void => void events.push(...(data.value as unknown as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: [...categories] }, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

const TOP_LEVEL = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);

function scriptUrl(event: TraceEvent): string {
  const args = event.args ?? {};
  const data = (typeof args['data'] === 'object' && args['data'] !== null ? args['data'] : {}) as Record<string, unknown>;
  return String(data['url'] ?? args['fileName'] ?? data['scriptName'] ?? '');
}

const isExtensionUrl = (url: string): boolean => /^(?:chrome-extension|moz-extension):/.test(url);

/** The renderer main thread that evaluated scripts of `pageUrl` (or the busiest one). */
export function pageMainThread(events: TraceEvent[], pageUrl: string): { pid: number; tid: number } | null {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && (e.args?.['name'] as string) === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const score = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    const url = scriptUrl(e);
    const weight = url === pageUrl || (e.name === 'ParseHTML' && JSON.stringify(e.args ?? {}).includes(pageUrl)) ? 1000 : 1;
    score.set(key, (score.get(key) ?? 0) + weight);
  }
  const best = [...score.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  const [pid, tid] = best[0].split(':').map(Number) as [number, number];
  return { pid, tid };
}

export interface ExtensionCpu {
  /** Thread CPU of the tasks attributed to the extension, ms. */
  cpuMs: number;
  /** The longest of those tasks (thread CPU), ms. */
  longestTaskMs: number;
  /** How many of them took more than 50 ms of CPU. */
  longTasks: number;
  /** Of cpuMs, the making of the isolated world, ms. */
  worldMs: number;
  /** Each task over 50 ms: its CPU and what it was (the isolated world, a script's evaluation or call, or the marks it holds). */
  longTaskList: { ms: number; what: string }[];
}

/** The extension's share of a page's main-thread CPU in a trace (see the top of this file). */
export function extensionCpu(events: TraceEvent[], pageUrl: string): ExtensionCpu | null {
  const thread = pageMainThread(events, pageUrl);
  if (!thread) return null;
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const marks = events.filter((e) => e.name.startsWith('storyline:') && e.ph !== 'M').map((e) => e.ts);
  const tasks: { event: TraceEvent; children: TraceEvent[] }[] = [];
  let end = -Infinity;
  for (const e of own) {
    if (e.ts >= end && TOP_LEVEL.has(e.name)) {
      tasks.push({ event: e, children: [] });
      end = e.ts + (e.dur ?? 0);
    } else if (e.ts < end) tasks.at(-1)?.children.push(e);
  }
  const firstEval = tasks.findIndex((t) => t.children.some((c) => c.name === 'EvaluateScript' && isExtensionUrl(scriptUrl(c))));
  const firstParse = tasks.findIndex((t) => t.children.some((c) => c.name === 'ParseHTML'));
  let world = -1;
  for (let i = firstEval - 1; i > firstParse && firstParse >= 0; i--) {
    if (tasks[i]!.children.some((c) => c.name === 'LocalWindowProxy::Initialize')) {
      world = i;
      break;
    }
  }
  let cpu = 0;
  let longest = 0;
  let long = 0;
  let worldMs = 0;
  const longTaskList: { ms: number; what: string }[] = [];
  // Marks only (instant events): a measure's begin event carries the time of the mark it starts from.
  const markNames = events.filter((e) => e.name.startsWith('storyline:') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'i'));
  tasks.forEach(({ event, children }, i) => {
    const from = event.ts;
    const to = event.ts + (event.dur ?? 0);
    const evaluatesExtension = children.some((c) => isExtensionUrl(scriptUrl(c)));
    const marked = marks.some((ts) => ts >= from && ts <= to);
    if (process.env['BENCH_DEBUG'] && (event.tdur ?? 0) > 300) {
      const top = children.filter((c) => (c.tdur ?? 0) > 300).slice(0, 6).map((c) => `${c.name}:${((c.tdur ?? 0) / 1000).toFixed(1)}:${scriptUrl(c).slice(-12)}`);
      console.error(`${(event.ts / 1000).toFixed(0)} ${((event.tdur ?? 0) / 1000).toFixed(1)}ms eval=${evaluatesExtension} marked=${marked} world=${i === world} ${top.join(' ')}`);
    }
    if (!evaluatesExtension && !marked && i !== world) return;
    const ms = (event.tdur ?? event.dur ?? 0) / 1000;
    if (i === world) worldMs = ms;
    cpu += ms;
    longest = Math.max(longest, ms);
    if (ms > 50) {
      long++;
      const scripts = [...new Set(children.map((c) => scriptUrl(c)).filter(isExtensionUrl).map((url) => url.split('/').pop()))];
      const held = [...new Set(markNames.filter((m) => m.ts >= from && m.ts <= to).map((m) => m.name.slice('storyline:'.length)))];
      longTaskList.push({ ms, what: i === world ? 'isolated world' : [...scripts.map((f) => `script ${f}`), ...(held.length ? [`marks ${held.join(', ')}`] : [])].join('; ') });
    }
  });
  return { cpuMs: cpu, longestTaskMs: longest, longTasks: long, worldMs, longTaskList };
}

/** One thread's top-level tasks (a task, or a microtask checkpoint outside one), in time order. */
function topLevelTasks(events: TraceEvent[], pid: number, tid: number): TraceEvent[] {
  const tasks: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of events.filter((x) => x.pid === pid && x.tid === tid && x.ph === 'X').sort((a, b) => a.ts - b.ts)) {
    // Nested slices are inside a task already taken.
    if (e.ts < end || !TOP_LEVEL.has(e.name)) continue;
    end = e.ts + (e.dur ?? 0);
    tasks.push(e);
  }
  return tasks;
}

const taskCpuMs = (e: TraceEvent): number => (e.tdur ?? e.dur ?? 0) / 1000;

/** Thread CPU of the main-thread task(s) between two user-timing marks (the yardstick's parse), ms. */
export function cpuBetweenMarks(events: TraceEvent[], pageUrl: string, from: string, to: string): number | null {
  const thread = pageMainThread(events, pageUrl);
  const start = events.find((e) => e.name === from && e.ph !== 'M');
  const stop = events.find((e) => e.name === to && e.ph !== 'M');
  if (!thread || !start || !stop) return null;
  let cpu = 0;
  for (const e of topLevelTasks(events, thread.pid, thread.tid)) if (e.ts + (e.dur ?? 0) >= start.ts && e.ts <= stop.ts) cpu += taskCpuMs(e);
  return cpu;
}

/** What Chromium names an extension service worker's thread in a trace. */
export const SERVICE_WORKER_THREAD = 'ServiceWorker thread';
/** Enough to read threads' names and their tasks' CPU: little tracing overhead. */
export const TASK_CATEGORIES = ['__metadata', 'toplevel'];

/**
 * Thread CPU (ms) of every top-level task on the threads a trace names `threadName`, over the
 * whole trace; null when no thread has that name. For a worker's own work over a span, trace
 * browser-wide from just before the span to just after it: time the thread waited (on the
 * network, the store, a core the other processes held) counts nothing.
 */
export function namedThreadCpu(events: TraceEvent[], threadName: string): number | null {
  const threads = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.['name'] === threadName);
  if (threads.length === 0) return null;
  let cpu = 0;
  for (const { pid, tid } of threads) for (const e of topLevelTasks(events, pid, tid)) cpu += taskCpuMs(e);
  return cpu;
}
