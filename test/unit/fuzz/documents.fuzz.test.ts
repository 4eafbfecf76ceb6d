// Fuzzing what a reader or a publisher hands us whole: packs, reader-data files, URLs and the
// messages extension pages and content scripts send. Random and adversarial input never makes them
// throw; a good document still passes; what they return obeys its invariants; each grows linearly.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { CallTable } from '../../../src/contracts/call';
import { contentCalls } from '../../../src/contracts/content-calls';
import { parseEnvelope } from '../../../src/contracts/dispatch';
import { backgroundCalls } from '../../../src/contracts/messages';
import type { Pack } from '../../../src/formats/model';
import { validatePack } from '../../../src/formats/pack-validate';
import { parseReaderData, READER_DATA_FORMAT, READER_DATA_VERSION } from '../../../src/formats/reader-data';
import { cleanUrl, displayHost, parseHttpUrl, urlKey } from '../../../src/formats/url';
import { anyJson, anyPayload, anyText, RUNS, urlLike } from './arbitraries';
import { assertLinear, repeat, reportRatios } from './growth';

after(() => reportRatios((line) => console.log(line)));

const starter = JSON.parse(readFileSync(new URL('../../../assets/packs/starter.json', import.meta.url), 'utf8')) as Pack;

/** A copy of `value` with the thing at a random path replaced by `replacement`. */
function mutate(value: unknown, picks: number[], replacement: unknown): unknown {
  if (picks.length === 0 || typeof value !== 'object' || value === null) return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[picks[0]! % keys.length]!;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  (copy as Record<string, unknown>)[key] = mutate((value as Record<string, unknown>)[key], picks.slice(1), replacement);
  return copy;
}

test('validatePack: never throws; the starter pack passes; every refusal names a place', () => {
  assert.equal(validatePack(starter).ok, true);
  const small = { ...starter, stories: starter.stories.slice(0, 3) };
  fc.assert(
    fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.oneof(anyJson, anyText, fc.constant(undefined)), (picks, replacement) => {
      const result = validatePack(mutate(small, picks, replacement));
      if (!result.ok) {
        assert.ok(result.errors.length > 0);
        for (const error of result.errors) assert.match(error, /^[\w[\].]+: /, error);
      }
    }),
    { numRuns: RUNS * 2 },
  );
  fc.assert(fc.property(anyJson, (json) => void validatePack(json)), { numRuns: RUNS });
});

const history = fc.record({
  pageKey: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
  url: fc.webUrl(),
  title: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
  siteName: fc.oneof(fc.constant(null), fc.constant('Site')),
  published: fc.constant(null),
  readAt: fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') }).map((d) => d.toISOString()),
  text: fc.string({ maxLength: 50 }),
});

test('parseReaderData: never throws; a well-formed file is read whole; a damaged one is refused at a place', () => {
  fc.assert(
    fc.property(fc.array(history, { maxLength: 10 }), (entries) => {
      const file = { format: READER_DATA_FORMAT, version: READER_DATA_VERSION, exported: '', history: entries, feeds: [{ url: 'https://f.example/rss' }] };
      const result = parseReaderData(JSON.stringify(file));
      assert.ok(result.ok, result.ok ? '' : result.errors.join('\n'));
      assert.equal(result.data.history.length, entries.length);
    }),
    { numRuns: RUNS },
  );
  const base = { format: READER_DATA_FORMAT, version: READER_DATA_VERSION, history: [{ pageKey: 'k', url: 'https://e.example/', title: 't', readAt: '2026-01-01T00:00:00Z' }], actions: [], following: [] };
  fc.assert(
    fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), anyJson, (picks, replacement) => {
      const result = parseReaderData(JSON.stringify(mutate(base, picks, replacement)) ?? '');
      if (!result.ok) for (const error of result.errors) assert.ok(error.length > 0 && error.length < 500, error);
    }),
    { numRuns: RUNS },
  );
  fc.assert(fc.property(anyText, (text) => void parseReaderData(text)), { numRuns: RUNS });
});

test('URLs: never throw; cleaning is idempotent and drops fragments and tracking; keys agree with cleaning', () => {
  fc.assert(
    fc.property(urlLike, (raw) => {
      const clean = cleanUrl(raw);
      const key = urlKey(raw);
      displayHost(raw);
      assert.equal(clean === null, parseHttpUrl(raw) === null);
      if (clean === null) return;
      assert.equal(cleanUrl(clean), clean);
      assert.ok(!clean.includes('#'));
      for (const name of new URL(clean).searchParams.keys()) assert.doesNotMatch(name, /^(utm_.*|fbclid|gclid)$/i);
      assert.equal(urlKey(clean), key);
      assert.ok(key !== null && !key.includes('#') && !/^https?:/.test(key));
    }),
    { numRuns: RUNS * 3 },
  );
});

test('message parsers: never throw; an accepted payload parses again to itself', () => {
  const types = [...Object.keys(backgroundCalls), ...Object.keys(contentCalls)];
  fc.assert(
    fc.property(fc.constantFrom(...types), anyPayload, (type, payload) => {
      const check = (calls: CallTable): void => {
        const envelope = parseEnvelope(calls, { type, payload });
        if (envelope) assert.deepEqual(parseEnvelope(calls, envelope)?.payload, envelope.payload);
      };
      check(backgroundCalls);
      check(contentCalls);
    }),
    { numRuns: RUNS * 5 },
  );
  fc.assert(fc.property(fc.anything(), (message) => void parseEnvelope(backgroundCalls, message)), { numRuns: RUNS });
});

test('growth: packs, reader data, URLs and messages are linear', () => {
  const stories = (n: number) => ({ ...starter, stories: Array.from({ length: Math.ceil(n / 2_000) }, (_, i) => ({ ...starter.stories[i % starter.stories.length]!, id: `s${i}`, articles: starter.stories[i % starter.stories.length]!.articles.map((a) => ({ ...a, id: `${a.id}-${i}` })) })) });
  assertLinear('validatePack', validatePack, { stories, 'a long summary': (n) => ({ ...starter, stories: [{ ...starter.stories[0]!, summary: 'x'.repeat(n) }] }) }, 400_000);
  const entries = (n: number) => JSON.stringify({ format: READER_DATA_FORMAT, version: READER_DATA_VERSION, history: Array.from({ length: n / 100 }, (_, i) => ({ pageKey: `k${i}`, url: `https://e.example/${i}`, title: 'T', readAt: '2026-01-01T00:00:00Z', text: 'x' })) });
  assertLinear('parseReaderData', parseReaderData, { 'history entries': entries, 'broken entries': (n) => entries(n).replaceAll('"T"', '7') }, 200_000);
  // 4n under MAX_URL_CHARS (4,096), above which urlKey refuses a URL before reading it.
  assertLinear('urlKey', (s: string) => urlKey(s), { slashes: (n) => `https://e.example/${'/'.repeat(n)}x`, 'trailing slashes': (n) => `https://e.example/a${'/'.repeat(n)}`, 'tracking parameters': (n) => `https://e.example/?${'utm_a=1&'.repeat(n / 8)}q=1` }, 1_000);
  // Sizes above 128k characters: the platform's URL parser takes a faster path below about that
  // length, a step (not a growth) that a 40k → 160k pair would read as superlinear.
  assertLinear('cleanUrl', (s: string) => cleanUrl(s), { 'tracking parameters': (n) => `https://e.example/?${'utm_a=1&'.repeat(n / 8)}q=1`, 'long path': (n) => `https://e.example/${repeat('a/')(n)}` }, 160_000);
  const article = (n: number) => ({ type: 'article/found', payload: { article: { url: 'https://e.example/', canonicalUrl: null, title: 'T'.repeat(Math.min(n, 1_000)), byline: null, siteName: null, published: null, lang: null, excerpt: null, text: 'x'.repeat(Math.min(n, 6_000)) } } });
  assertLinear('parseEnvelope', (m: unknown) => parseEnvelope(backgroundCalls, m), {
    'pack text': (n) => ({ type: 'pack/import', payload: { text: 'x'.repeat(n) } }),
    'settings with many sites': (n) => ({ type: 'settings/update', payload: { change: { sitesOff: Array.from({ length: n / 20 }, (_, i) => `s${i}.example`) } } }),
    article,
  }, 40_000);
});
