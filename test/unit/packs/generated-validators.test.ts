// The validators generated from schemas/ (src/formats/generated/, scripts/lib/schema-codegen.ts) for
// packs and the source directory: committed up to date, runnable under the extension's CSP (no
// eval, no new Function), free of ajv at run time, and linear on untrusted input, however many
// errors it holds.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ucs2length from 'ajv/dist/runtime/ucs2length';
import { GENERATED, staleGenerated } from '../../../scripts/lib/schema-codegen';
import { ROOT } from '../../../scripts/build';
import type { Pack } from '../../../src/formats/model';
import { validateDirectory } from '../../../src/formats/directory';
import { validatePack } from '../../../src/formats/pack-validate';
import { codePoints } from '../../../src/formats/schema-runtime';
import { samplePack } from '../../fixtures/packs';
import { assertLinear, repeat, reportRatios } from '../fuzz/growth';

after(() => reportRatios((line) => console.log(line)));

test('every generated validator is what its schema gives now (else: npm run gen:validators)', () => {
  assert.deepEqual(staleGenerated(ROOT), []);
});

test('the generated code evaluates no strings and needs nothing of ajv at run time', () => {
  for (const out of Object.values(GENERATED)) {
    const code = readFileSync(join(ROOT, out), 'utf8');
    // The extension's CSP (script-src 'self') forbids both; ajv's non-standalone mode uses new Function.
    assert.doesNotMatch(code, /\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(|setTimeout\s*\(\s*['"`]/, out);
    assert.doesNotMatch(code, /\brequire\s*\(|from\s+['"]ajv/, out);
    const imports = [...code.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    assert.deepEqual(imports, ['../schema-runtime'], out);
  }
});

test("codePoints counts as ajv's ucs2length, which JSON Schema's maxLength means", () => {
  const count = (ucs2length as unknown as { default?: (s: string) => number }).default ?? (ucs2length as unknown as (s: string) => number);
  fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (a, b) => {
    assert.equal(codePoints(a), count(a));
    assert.equal(codePoints(a + b + '\ud800'), count(a + b + '\ud800'));
  }));
});

/** The sample pack with `change` made. */
function packWith(change: (pack: Pack & Record<string, unknown>) => void): Pack {
  const pack = samplePack() as Pack & Record<string, unknown>;
  change(pack);
  return pack;
}

test('linear in the number of errors: a pack of many broken stories', () => {
  const broken = packWith((p) => Object.assign(p, { stories: Array.from({ length: 3 }, () => null) }));
  assert.deepEqual(validatePack(broken).ok ? [] : (validatePack(broken) as { errors: string[] }).errors, ['stories[0]: must be an object', 'stories[1]: must be an object', 'stories[2]: must be an object']);
  assertLinear('validatePack (errors)', validatePack, {
    // ajv's own concat made this quadratic: 80k such stories took 62 s, now about 2 s; 40k here.
    'stories that are not objects': (n) => packWith((p) => Object.assign(p, { stories: Array.from({ length: n / 4 }, () => null) })),
    'stories without a title': (n) => packWith((p) => Object.assign(p, { stories: Array.from({ length: n / 100 }, (_, i) => ({ ...p.stories[0]!, id: `s${i}`, title: 7, articles: [] })) })),
    'opinions with bad URLs': (n) => packWith((p) => Object.assign(p.stories[0]!, { opinions: Array.from({ length: n / 50 }, (_, i) => ({ id: `o${i}`, title: 'T', summary: 'S', url: 'ftp://x' })) })),
  }, 40_000);
});

test('linear on the strings the patterns read, well past their length limits', () => {
  const contact = (email: string) => packWith((p) => Object.assign(p.stories[0]!.actions[0]!, { contacts: [{ name: 'N', email, checked: '2025-01-01' }] }));
  assertLinear('validatePack (patterns)', validatePack, {
    'an email of dots': (n) => contact(`a@${'.'.repeat(n)} `),
    'a URL host of letters then a space': (n) => packWith((p) => Object.assign(p.stories[0]!.articles[0]!, { url: `http://${'a'.repeat(n)} ` })),
    'a template body of open braces': (n) => packWith((p) => Object.assign(p.stories[0]!.actions[0]!, { template: { subject: 'S', body: `${'{'.repeat(n)}}` } })),
    'a domain of labels': (n) => packWith((p) => Object.assign(p.outlets[0]!, { domain: `${repeat('a.')(n)}-` })),
    'a hashtag of letters then a space': (n) => packWith((p) => Object.assign(p.stories[0]!.actions[0]!, { hashtags: [`${'a'.repeat(n)} `] })),
  }, 40_000);
});

test('the directory validator is linear in errors and in the strings its patterns read', () => {
  const outlet = { id: 'example.com', name: 'Example', domain: 'example.com', country: 'GB', kind: 'newspaper', feeds: { top: 'https://example.com/rss' }, from: { top: 'outlet' } };
  const directory = (outlets: unknown[]) => ({ format: 1, checked: '2026-12-02', recommended: [], outlets });
  const withFeed = (top: string, from = 'outlet') => directory([{ ...outlet, feeds: { top }, from: { top: from } }]);
  assert.equal(validateDirectory(directory([outlet])).ok, true);
  assertLinear('validateDirectory', validateDirectory, {
    'outlets that are not objects': (n) => directory(Array.from({ length: n / 4 }, () => null)),
    'outlets sharing an id': (n) => directory(Array.from({ length: n / 100 }, () => outlet)),
    'a feed host of labels then a space': (n) => withFeed(`https://${repeat('a.')(n)}com `),
    'a feed host of dots before a proxy': (n) => withFeed(`https://${'.'.repeat(n)}x`),
    "an origin that ends in a line break": (n) => withFeed('https://example.com/rss', `kite:${'a'.repeat(n)}\n`),
  }, 40_000);
});
