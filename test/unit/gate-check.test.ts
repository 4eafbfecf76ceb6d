// The gate's check on every page, in Node with its inputs in hand: the storage read is answered
// when the test says, so a switch-on can land exactly where a race would put it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gateCheck } from '../../src/gate/gate-check';

type Changes = Record<string, { newValue?: unknown }>;
type Listener = (changes: Changes, area: string) => void;

const HOST = 'news.example';
const OFF = { settings: { sitesOff: [HOST] } };
const ON = { settings: { sitesOff: [] } };

/** A page with its storage: reads wait until `answer` is called, unless `answering` is set. */
function page(options: { article?: boolean; reloaded?: boolean } = {}) {
  const listeners = new Set<Listener>();
  const pending: ((value: Record<string, unknown>) => void)[] = [];
  let stored: Record<string, unknown> = OFF;
  let answering = false;
  const seen = { reads: 0, asks: 0, forgets: 0, outcomes: [] as string[], failures: [] as unknown[] };
  const controller = new AbortController();
  const run = gateCheck({
    idle: () => Promise.resolve(),
    isArticle: () => options.article ?? true,
    host: HOST,
    storage: () => ({
      local: {
        get: () => {
          seen.reads += 1;
          if (answering) return Promise.resolve(stored);
          // What storage held when the read was asked: a change after that is news for the listener.
          const answer = stored;
          return new Promise((resolve) => pending.push(() => resolve(answer)));
        },
      },
      onChanged: { addListener: (fn: Listener) => listeners.add(fn), removeListener: (fn: Listener) => listeners.delete(fn) },
    }),
    ask: async () => {
      seen.asks += 1;
    },
    reloaded: () => options.reloaded ?? false,
    forget: async () => {
      seen.forgets += 1;
    },
    signal: controller.signal,
    outcome: (kind) => seen.outcomes.push(kind),
    failed: (error) => seen.failures.push(error),
  });
  return {
    run,
    seen,
    listeners,
    /** The reader's setting changes: storage holds it, and every listener hears of it. */
    set(value: Record<string, unknown>, area = 'local') {
      if (area === 'local') stored = value;
      for (const listener of [...listeners]) listener({ settings: { newValue: value['settings'] } }, area);
    },
    /** Answers every read asked so far; from now on reads answer at once. */
    answer() {
      answering = true;
      for (const resolve of pending.splice(0)) resolve(stored);
    },
    handOver() {
      controller.abort();
    },
  };
}

/** Lets every promise callback queued so far run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

test('a switch-on that lands while the settings read is on its way is heard: the page gets Storyline', async () => {
  const p = page();
  p.run();
  await settle();
  assert.equal(p.seen.reads, 1, 'the read is on its way');
  p.set(ON); // the read was asked while the site was off, so it will answer "off"
  p.answer();
  await settle();
  assert.equal(p.seen.asks, 1);
  assert.equal(p.seen.reads, 2, 'the switch-on checked again');
  assert.deepEqual(p.seen.outcomes, [], 'the stale "off" was not reported');
});

test('found off, then switched on: the page is looked at again without a reload, once', async () => {
  const p = page();
  p.answer();
  p.run();
  await settle();
  assert.deepEqual(p.seen.outcomes, ['off']);
  assert.equal(p.seen.asks, 0);
  p.set(ON);
  await settle();
  assert.equal(p.seen.asks, 1);
  p.set({ settings: { sitesOff: [], surface: 'sidebar' } }); // another change to settings, still on
  await settle();
  assert.equal(p.seen.asks, 1, 'asked once: a later change does not ask again');
});

test('a change that keeps the site off, or one in another storage area, does nothing', async () => {
  const p = page();
  p.answer();
  p.run();
  await settle();
  p.set({ settings: { sitesOff: ['example'] } }); // the parent domain: still off
  p.set(ON, 'sync');
  await settle();
  assert.equal(p.seen.asks, 0);
  assert.equal(p.seen.reads, 1);
});

test('runs that overlap (an in-page navigation during the read) end in one message', async () => {
  const p = page();
  p.set(ON);
  p.run();
  await settle();
  p.run();
  await settle();
  assert.equal(p.seen.reads, 2);
  p.answer();
  await settle();
  assert.equal(p.seen.asks, 1, 'the older run, superseded, sent nothing');
});

test('a page that is not an article touches no extension API and listens to nothing', async () => {
  const p = page({ article: false });
  p.answer();
  p.run();
  await settle();
  assert.deepEqual(p.seen.outcomes, ['not-article']);
  assert.equal(p.seen.reads, 0);
  assert.equal(p.seen.forgets, 0);
  assert.equal(p.listeners.size, 0);
});

test('reloaded as a page that is no longer an article, the gate tells the background once, and only then', async () => {
  const p = page({ article: false, reloaded: true });
  p.run();
  await settle();
  p.run(); // an in-page navigation to another view that is not an article either
  await settle();
  assert.equal(p.seen.forgets, 1);
  assert.deepEqual(p.seen.outcomes, ['not-article', 'not-article']);
  assert.equal(p.seen.reads, 0, 'no settings read');
  // A reloaded article asks for the extraction bundle, which reports the page again: nothing to forget.
  const article = page({ reloaded: true });
  article.set(ON);
  article.answer();
  article.run();
  await settle();
  assert.equal(article.seen.asks, 1);
  assert.equal(article.seen.forgets, 0);
});

test('after the extraction bundle takes over, the gate stops listening and a switch-on asks nothing', async () => {
  const p = page();
  p.answer();
  p.run();
  await settle();
  assert.equal(p.listeners.size, 1);
  p.handOver();
  assert.equal(p.listeners.size, 0);
  p.set(ON);
  p.run(); // a navigation heard just before the hand-over
  await settle();
  assert.equal(p.seen.asks, 0);
});

test('a failure of the read goes to `failed`, not to the page', async () => {
  const failures: unknown[] = [];
  const run = gateCheck({
    idle: () => Promise.resolve(),
    isArticle: () => true,
    host: HOST,
    storage: () => ({
      local: { get: () => Promise.reject(new Error('Extension context invalidated.')) },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    }),
    ask: () => Promise.resolve(),
    reloaded: () => false,
    forget: () => Promise.resolve(),
    signal: new AbortController().signal,
    outcome: () => undefined,
    failed: (error) => failures.push(error),
  });
  run();
  await settle();
  assert.equal(failures.length, 1);
  assert.match(String(failures[0]), /context invalidated/);
});
