// Pack subscriptions: a pack URL the reader added, refreshed on a schedule with conditional
// requests. With a publisher key pinned, the detached signature (`<url>.sig`) must verify. Any
// failure (fetch, signature, malformed pack) keeps the installed version and records why.
import { CallError } from '../../contracts/call-result';
import type { Pack } from '../../formats/model';
import { openPack, signatureUrl } from '../../formats/pack-signature';
import type { SubscriptionRecord } from '../../formats/storage-schema';
import type { SubscriptionView } from '../../contracts/views';
import { installPack, removePack } from '../pack-store';
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

/** Fetches the subscription and installs what changed; never throws for a bad source. */
export async function refreshSubscription(env: SourceEnv, url: string): Promise<SubscriptionView> {
  const { database } = env;
  const sub = await database.get('subscriptions', url);
  if (!sub) throw new CallError('not-found', 'no such subscription');
  const checked = await check(env, sub);
  const at = env.now().toISOString();
  let next: SubscriptionRecord;
  if ('error' in checked) {
    next = { ...sub, checkedAt: at, error: checked.error };
  } else {
    next = { ...sub, checkedAt: at, okAt: at, error: null, etag: checked.etag, lastModified: checked.lastModified };
    if (checked.pack) {
      await installPack(database, checked.pack, 'url', at);
      // The URL now serves another pack: the one it served before goes.
      if (sub.packId && sub.packId !== checked.pack.id) await removePack(database, sub.packId);
      next.packId = checked.pack.id;
    }
  }
  // Validators are kept only with a pack that was installed: a refused answer must be fetched again.
  await database.put('subscriptions', next);
  if (!('error' in checked) && checked.pack) await env.packsChanged();
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
  for (const sub of await env.database.getAll('subscriptions')) await refreshSubscription(env, sub.url);
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
