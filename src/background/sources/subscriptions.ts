// Pack subscriptions: a pack URL the reader added, refreshed on a schedule with conditional
// requests. With a publisher key pinned, the detached signature (`<url>.sig`) must verify. Any
// failure (fetch, signature, malformed pack) keeps the installed version and records why.
import { CallError } from '../../contracts/call-result';
import type { Pack } from '../../formats/model';
import { openPack, signatureUrl } from '../../formats/pack-signature';
import type { SubscriptionRecord } from '../../formats/storage-schema';
import type { SubscriptionView } from '../../contracts/views';
import { installPack, removePack } from '../pack-store';
import { logProblem } from '../log';
import { storageCode } from '../storage-errors';
import { packRefusal } from './pack-ownership';
import { NEVER_CHECKED, refreshView, type SourceEnv } from './source-env';

type Checked = { error: string } | { pack: Pack | null; etag: string | null; lastModified: string | null };

async function fetchSignature(env: SourceEnv, url: string): Promise<{ signature: string | null } | { error: string }> {
  const res = await env.fetch({ url: signatureUrl(url), purpose: 'pack-signature' });
  if (res.status === 'fresh') return { signature: new TextDecoder().decode(res.body) };
  // No signature file at all: openPack refuses it with its own message, since a key is pinned.
  if (res.status === 'error' && res.httpStatus === 404) return { signature: null };
  return { error: `could not fetch the signature: ${res.status === 'error' ? res.message : 'no body'}` };
}

async function check(env: SourceEnv, sub: SubscriptionRecord): Promise<Checked> {
  // Validators only while the pack they describe is installed; otherwise a 304 would leave nothing.
  const installed = sub.packId !== null && (await env.database.get('packs', sub.packId)) !== undefined;
  const validators = installed ? { etag: sub.etag, lastModified: sub.lastModified } : {};
  const res = await env.fetch({ url: sub.url, purpose: 'pack', ...validators });
  if (res.status === 'error') return { error: `fetch failed: ${res.message}` };
  if (res.status === 'not-modified') return { pack: null, etag: sub.etag, lastModified: sub.lastModified };
  let trust: { publicKey: string; signature: string | null } | undefined;
  if (sub.publicKey) {
    const sig = await fetchSignature(env, sub.url);
    if ('error' in sig) return sig;
    trust = { publicKey: sub.publicKey, signature: sig.signature };
  }
  const opened = await openPack(res.body, trust);
  if (!opened.ok) return { error: opened.error };
  const refusal = await packRefusal(env.database, opened.pack, sub.url);
  if (refusal) return { error: refusal };
  return { pack: opened.pack, etag: res.etag, lastModified: res.lastModified };
}

/** Why a fetch or an install failed, as the subscription records it. */
function failureText(error: unknown): string {
  if (storageCode(error) === 'storage-full') return 'the browser\'s storage is full: nothing was installed';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Fetches the subscription and installs what changed; never throws for a bad source: a failure
 * (the network, the signature, the pack, or its install: a full disk, a pack whose ids clash with
 * another's) keeps the installed version and is recorded as the subscription's error, and the
 * refresh goes on with the next source.
 */
export async function refreshSubscription(env: SourceEnv, url: string): Promise<SubscriptionView> {
  const { database } = env;
  const sub = await database.get('subscriptions', url);
  if (!sub) throw new CallError('not-found', 'no such subscription');
  const at = env.now().toISOString();
  let next: SubscriptionRecord = { ...sub, checkedAt: at };
  let installed: string | null = null;
  try {
    const checked = await check(env, sub);
    if ('error' in checked) {
      next = { ...next, error: checked.error };
    } else {
      next = { ...next, okAt: at, error: null, etag: checked.etag, lastModified: checked.lastModified };
      if (checked.pack) {
        await installPack(database, checked.pack, 'url', at);
        installed = checked.pack.id;
        next.packId = installed;
        // The URL now serves another pack: the one it served before goes.
        if (sub.packId && sub.packId !== installed) await removePack(database, sub.packId);
      }
    }
  } catch (error) {
    // A pack installed before the failure stays recorded as this subscription's (without
    // validators, so that it is fetched whole again).
    next = { ...sub, checkedAt: at, error: failureText(error), ...(installed ? { packId: installed, etag: null, lastModified: null } : {}) };
  }
  // Validators are kept only with a pack that was installed: a refused answer must be fetched again.
  await database.put('subscriptions', next);
  if (installed) await env.packsChanged();
  return subscriptionView(env, next);
}

export async function addSubscription(env: SourceEnv, url: string, publicKey: string | null): Promise<SubscriptionView> {
  if (await env.database.get('subscriptions', url)) throw new CallError('exists', 'already subscribed to this URL');
  await env.database.put('subscriptions', { url, publicKey, packId: null, addedAt: env.now().toISOString(), ...NEVER_CHECKED });
  return refreshSubscription(env, url);
}

export async function removeSubscription(env: SourceEnv, url: string): Promise<void> {
  const sub = await env.database.get('subscriptions', url);
  if (!sub) throw new CallError('not-found', 'no such subscription');
  await env.database.delete('subscriptions', url);
  if (sub.packId) {
    await removePack(env.database, sub.packId);
    await env.packsChanged();
  }
}

export async function refreshAllSubscriptions(env: SourceEnv): Promise<void> {
  for (const sub of await env.database.getAll('subscriptions')) {
    // One that went meanwhile (removed by the reader) does not stop the others.
    await refreshSubscription(env, sub.url).catch((error: unknown) => logProblem(`subscription ${sub.url}`, error));
  }
}

async function subscriptionView(env: SourceEnv, sub: SubscriptionRecord): Promise<SubscriptionView> {
  const pack = sub.packId ? await env.database.get('packs', sub.packId) : undefined;
  return {
    ...refreshView(sub),
    url: sub.url,
    access: await env.hasAccess(sub.url),
    pinned: sub.publicKey !== null,
    packId: sub.packId,
    publisher: pack?.publisher ?? null,
    version: pack?.version ?? null,
  };
}

export async function subscriptionViews(env: SourceEnv): Promise<SubscriptionView[]> {
  const subs = await env.database.getAll('subscriptions');
  return Promise.all(subs.map((s) => subscriptionView(env, s)));
}
