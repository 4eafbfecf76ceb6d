// Pack subscriptions against a local HTTP server: first fetch installs, 304 keeps, a new version
// replaces, and a failed fetch, bad signature, malformed pack, huge or slow answer keeps the
// installed version and records why. Every request lands in the network log.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { addSubscription, refreshAllSubscriptions, refreshSubscription, removeSubscription, subscriptionViews } from '../../src/background/sources/subscriptions';
import { clearNetworkLog, networkLog } from '../../src/background/sources/network-log';
import { installPack } from '../../src/background/pack-store';
import { samplePack } from '../fixtures/packs';
import { answer, startServer, type LocalServer } from './sources/local-server';
import { testEnv } from './sources-env';
import { packStoryCount } from '../fixtures/stored-packs';

const b64 = (bytes: ArrayBuffer): string => Buffer.from(new Uint8Array(bytes)).toString('base64');
const json = { 'content-type': 'application/json' };

let server: LocalServer;
let publicKey: string;
/** What /live.json serves now; tests change it to simulate a publisher's update. */
let live = { body: JSON.stringify(samplePack('1')), etag: '"v1"', signature: '' };
let sign: (text: string) => Promise<string>;

before(async () => {
  const pair = (await webcrypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  publicKey = b64(await webcrypto.subtle.exportKey('raw', pair.publicKey));
  sign = async (text) => b64(await webcrypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, new TextEncoder().encode(text)));
  live.signature = await sign(live.body);
  server = await startServer({
    '/live.json': (req, res) => {
      if (req.headers['if-none-match'] === live.etag) res.writeHead(304).end();
      else res.writeHead(200, { ...json, etag: live.etag }).end(live.body);
    },
    '/live.json.sig': (_req, res) => res.writeHead(200).end(live.signature),
    '/moved.json': answer(302, { location: '/live.json' }),
    '/invalid.json': answer(200, json, '{"format": 1,'),
    // Stored as a/b/x: the place of pack a's story b/x, imported from a file.
    '/nested.json': answer(200, json, JSON.stringify({ ...samplePack('1'), id: 'a/b', stories: [{ ...samplePack('1').stories[0]!, id: 'x' }] })),
    '/gone.json': answer(404, {}, 'no'),
    '/huge.json': answer(200, json, `[${'0,'.repeat(150_000)}0]`),
    '/slow.json': (_req, res) => {
      const timer = setTimeout(() => res.writeHead(200, json).end('{}'), 3_000);
      res.on('close', () => clearTimeout(timer));
    },
  });
});
after(() => server.close());

test('subscribing installs the pack; a refresh answered 304 keeps it; a new version replaces it', async () => {
  live = { ...live, body: JSON.stringify(samplePack('1')), etag: '"v1"' };
  const env = await testEnv();
  const added = await addSubscription(env, server.url('/live.json'), null);
  assert.equal(added.error, null);
  assert.equal(added.packId, 'sample');
  assert.equal(added.version, '1');
  assert.equal((await env.database.get('packs', 'sample'))?.origin, 'url');

  const again = await refreshSubscription(env, server.url('/live.json'));
  assert.equal(again.error, null);
  assert.equal(env.packChanges(), 1, 'a 304 installs nothing');
  assert.equal(server.requests.at(-1)?.headers['if-none-match'], '"v1"');

  live = { ...live, body: JSON.stringify({ ...samplePack('2', ['summit']), updated: '2025-08-17T00:00:00Z' }), etag: '"v2"' };
  const replaced = await refreshSubscription(env, server.url('/live.json'));
  assert.equal(replaced.version, '2');
  assert.equal(await packStoryCount(env.database, 'sample'), 1);

  const log = await networkLog(env.database);
  assert.deepEqual(log.map((e) => e.outcome), ['fresh', 'not-modified', 'fresh']);
  assert.ok(log.every((e) => e.url === server.url('/live.json') && e.purpose === 'pack'));
});

test('a failed fetch, an invalid pack, a huge or a slow answer keeps the installed version and says why', async () => {
  live = { ...live, body: JSON.stringify(samplePack('1')), etag: '"e1"' };
  const env = await testEnv();
  await addSubscription(env, server.url('/live.json'), null);
  const sub = await env.database.get('subscriptions', server.url('/live.json'));
  assert.ok(sub);
  for (const [path, reason] of [
    ['/gone.json', /HTTP 404/],
    ['/invalid.json', /not valid JSON/],
    ['/huge.json', /larger than/],
    ['/slow.json', /no complete answer within/],
  ] as const) {
    // The same subscription, now pointing at a broken answer.
    await env.database.put('subscriptions', { ...sub, url: server.url(path), etag: null });
    const view = await refreshSubscription(env, server.url(path));
    assert.match(view.error ?? '', reason, path);
    assert.equal(view.okAt, sub.okAt, path);
    assert.equal((await env.database.get('packs', 'sample'))?.version, '1', path);
  }
});

test('with a pinned key, a bad signature keeps the previous version; a good one installs', async () => {
  live = { body: JSON.stringify(samplePack('1')), etag: '"s1"', signature: '' };
  live.signature = await sign(live.body);
  const env = await testEnv();
  const added = await addSubscription(env, server.url('/live.json'), publicKey);
  assert.equal(added.error, null);
  assert.equal(added.pinned, true);

  live = { ...live, body: JSON.stringify(samplePack('2')), etag: '"s2"' }; // signature still the old body's
  const refused = await refreshSubscription(env, server.url('/live.json'));
  assert.match(refused.error ?? '', /bad signature/);
  assert.equal((await env.database.get('packs', 'sample'))?.version, '1');
  assert.equal((await env.database.get('subscriptions', server.url('/live.json')))?.etag, '"s1"', 'a refused answer is fetched again next time');

  live.signature = await sign(live.body);
  const accepted = await refreshSubscription(env, server.url('/live.json'));
  assert.equal(accepted.error, null);
  assert.equal(accepted.version, '2');
  assert.deepEqual((await networkLog(env.database)).slice(0, 2).map((e) => e.purpose), ['pack-signature', 'pack']);
});

test('redirects are followed and logged; a revoked host permission fetches nothing', async () => {
  live = { ...live, body: JSON.stringify(samplePack('1')), etag: '"r1"' };
  const env = await testEnv();
  const view = await addSubscription(env, server.url('/moved.json'), null);
  assert.equal(view.packId, 'sample');
  assert.deepEqual((await networkLog(env.database)).map((e) => e.outcome).reverse(), ['redirect', 'fresh']);

  env.denied.add(new URL(server.url('/')).host);
  const before = server.requests.length;
  const denied = await refreshSubscription(env, server.url('/moved.json'));
  assert.match(denied.error ?? '', /no permission to reach http:\/\/127\.0\.0\.1\/\*/);
  assert.equal(server.requests.length, before);
  assert.equal(view.access, true);
  assert.equal(denied.access, false, 'the options page offers to grant access again');
  assert.deepEqual((await subscriptionViews(env)).map((s) => s.access), [false]);

  env.denied.clear();
  const again = await refreshSubscription(env, server.url('/moved.json'));
  assert.deepEqual([again.access, again.error], [true, null]);

  assert.ok((await networkLog(env.database)).length > 0);
  await clearNetworkLog(env.database);
  assert.deepEqual(await networkLog(env.database), []);
});

test('a subscription cannot take the built-in pack or a reserved id; removing it removes its pack only', async () => {
  const env = await testEnv();
  await installPack(env.database, { ...samplePack(), id: 'starter' }, 'builtin');
  live = { ...live, body: JSON.stringify({ ...samplePack('9'), id: 'starter' }), etag: '"b"' };
  const refused = await addSubscription(env, server.url('/live.json'), null);
  assert.match(refused.error ?? '', /built-in/);
  assert.equal((await env.database.get('packs', 'starter'))?.version, '1');

  live = { ...live, body: JSON.stringify({ ...samplePack(), id: 'feeds' }), etag: '"f"' };
  assert.match((await refreshSubscription(env, server.url('/live.json'))).error ?? '', /reserved/);

  live = { ...live, body: JSON.stringify(samplePack('1')), etag: '"ok"' };
  await refreshSubscription(env, server.url('/live.json'));
  await removeSubscription(env, server.url('/live.json'));
  assert.equal(await env.database.get('packs', 'sample'), undefined);
  assert.equal(await packStoryCount(env.database, 'sample'), 0);
  assert.equal((await env.database.get('packs', 'starter'))?.origin, 'builtin');
});

test('a pack that cannot be installed is the subscription\'s error, and the refresh goes on with the next one', async () => {
  live = { ...live, body: JSON.stringify(samplePack('1')), etag: '"n1"' };
  const env = await testEnv();
  await installPack(env.database, { ...samplePack('1'), id: 'a', stories: [{ ...samplePack('1').stories[0]!, id: 'b/x' }] }, 'file');
  const nested = await addSubscription(env, server.url('/nested.json'), null);
  assert.match(nested.error ?? '', /would take the place/);
  assert.equal(nested.packId, null);
  assert.equal(await env.database.get('packs', 'a/b'), undefined);
  await env.database.put('subscriptions', { url: server.url('/live.json'), publicKey: null, packId: null, addedAt: '2025-08-20T00:00:00Z', checkedAt: null, okAt: null, error: null, etag: null, lastModified: null });
  await refreshAllSubscriptions(env);
  assert.equal((await env.database.get('packs', 'sample'))?.origin, 'url', 'the next subscription was fetched and installed');
  assert.match((await env.database.get('subscriptions', server.url('/nested.json')))?.error ?? '', /would take the place/);
});
