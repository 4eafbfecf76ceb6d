// Signed pack subscriptions over a local server: the detached `.sig` is checked with WebCrypto
// Ed25519 against the pinned key; tampered, wrongly signed, unsigned, invalid JSON and invalid packs
// are refused with a reason (so the caller keeps the installed version).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { fetchSource } from '../../../src/background/sources/source-fetch';
import { openPack, parsePublicKey, signatureUrl, verifyPackSignature } from '../../../src/formats/pack-signature';
import { samplePack } from '../../fixtures/packs';
import { answer, startServer, type LocalServer } from './local-server';

const b64 = (bytes: ArrayBuffer | Uint8Array): string => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64');

async function keyPair(): Promise<{ publicKey: string; sign: (data: Uint8Array<ArrayBuffer>) => Promise<string> }> {
  const pair = (await webcrypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  const raw = await webcrypto.subtle.exportKey('raw', pair.publicKey);
  return { publicKey: b64(raw), sign: async (data) => b64(await webcrypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, data)) };
}

const json = { 'content-type': 'application/json' };
const packBytes = new TextEncoder().encode(JSON.stringify(samplePack('2'), null, 2));
let server: LocalServer;
let publisher: Awaited<ReturnType<typeof keyPair>>;

before(async () => {
  publisher = await keyPair();
  const impostor = await keyPair();
  const signature = await publisher.sign(packBytes);
  const tampered = new TextDecoder().decode(packBytes).replace('Story summit', 'Story forged');
  server = await startServer({
    '/pack.json': answer(200, json, new TextDecoder().decode(packBytes)),
    '/pack.json.sig': answer(200, { 'content-type': 'text/plain' }, `${signature}\n`),
    '/tampered.json': answer(200, json, tampered),
    '/tampered.json.sig': answer(200, {}, signature),
    '/impostor.json': answer(200, json, new TextDecoder().decode(packBytes)),
    '/impostor.json.sig': answer(200, {}, await impostor.sign(packBytes)),
    '/unsigned.json': answer(200, json, new TextDecoder().decode(packBytes)),
    '/invalid.json': answer(200, json, '{"format": 1, "id": "x",'),
    '/invalid-pack.json': answer(200, json, JSON.stringify({ ...samplePack(), stories: [{ id: 's' }] })),
  });
});
after(() => server.close());

/** What the background does on refresh: the pack, then its signature when a key is pinned. */
async function subscribe(path: string, publicKey?: string) {
  const pack = await fetchSource({ url: server.url(path), purpose: 'pack' });
  if (pack.status !== 'fresh') return { ok: false as const, error: pack.status };
  if (!publicKey) return openPack(pack.body);
  const sig = await fetchSource({ url: signatureUrl(pack.finalUrl), purpose: 'pack-signature' });
  return openPack(pack.body, { publicKey, signature: sig.status === 'fresh' ? new TextDecoder().decode(sig.body) : null });
}

test('a pack signed by the pinned key opens; the signature lives at URL + .sig', async () => {
  assert.equal(signatureUrl('https://p.example/packs/world.json?v=2'), 'https://p.example/packs/world.json.sig?v=2');
  const result = await subscribe('/pack.json', publisher.publicKey);
  assert.equal(result.ok && result.pack.version, '2');
});

test('tampered bytes, another key, or no signature are refused when a key is pinned', async () => {
  assert.deepEqual(await subscribe('/tampered.json', publisher.publicKey), { ok: false, error: 'bad signature: the pack is not signed by the pinned publisher key' });
  assert.deepEqual(await subscribe('/impostor.json', publisher.publicKey), { ok: false, error: 'bad signature: the pack is not signed by the pinned publisher key' });
  assert.deepEqual(await subscribe('/unsigned.json', publisher.publicKey), { ok: false, error: "not signed, but this publisher's key is pinned" });
  assert.equal((await subscribe('/unsigned.json')).ok, true, 'without a pinned key no signature is needed');
});

test('invalid JSON and an invalid pack are refused with the reason and the place', async () => {
  const invalid = await subscribe('/invalid.json');
  assert.match(invalid.ok ? '' : invalid.error, /^not valid JSON: /);
  const badPack = await subscribe('/invalid-pack.json');
  assert.equal(badPack.ok ? '' : badPack.error.split('\n')[0], 'stories[0].title: must be a non-empty string');
});

test('keys and signatures of the wrong shape never verify', async () => {
  assert.equal(parsePublicKey('not base64!'), null);
  assert.equal(parsePublicKey(b64(new Uint8Array(31))), null, '31 bytes is no Ed25519 key');
  assert.equal(parsePublicKey(` ${publisher.publicKey}\n`)?.length, 32);
  const signature = await publisher.sign(packBytes);
  assert.equal(await verifyPackSignature(packBytes, signature, publisher.publicKey), true);
  assert.equal(await verifyPackSignature(packBytes, signature.slice(4), publisher.publicKey), false);
  assert.equal(await verifyPackSignature(packBytes, signature, 'AAAA'), false);
});
