// Signed packs. A publisher may sign the exact bytes of its pack file with Ed25519 and serve the
// detached signature beside it, at the pack's URL with `.sig` appended to the path, as the base64 of
// the 64-byte signature (surrounding white space ignored). The reader pins the publisher's public
// key when subscribing: base64 of the raw 32-byte key. With a key pinned, a pack without a valid
// signature is refused and the installed version stays. Verification is WebCrypto's `Ed25519`
// (Node 20, Chrome 137+, Firefox 129+), so no crypto library ships in the extension.
import type { Pack } from './model';
import { validatePack } from './pack-validate';

export type PackOpenResult = { ok: true; pack: Pack } | { ok: false; error: string };

/** Errors listed at most in one message; the rest are counted. */
const MAX_ERRORS_SHOWN = 10;

/** Where the detached signature of the pack at `packUrl` lives: same URL, `.sig` added to the path. */
export function signatureUrl(packUrl: string): string {
  const url = new URL(packUrl);
  url.pathname += '.sig';
  return url.href;
}

function fromBase64(text: string, length: number): Uint8Array<ArrayBuffer> | null {
  const clean = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) return null;
  try {
    const bytes = Uint8Array.from(atob(clean), (c) => c.charCodeAt(0));
    return bytes.length === length ? bytes : null;
  } catch {
    return null;
  }
}

/** A pinned key as typed or pasted by the reader: base64 of the raw 32-byte Ed25519 key, else null. */
export function parsePublicKey(text: string): Uint8Array<ArrayBuffer> | null {
  return fromBase64(text, 32);
}

/** Whether `signature` (base64, as served in the `.sig` file) signs exactly `bytes` under `publicKey`. */
export async function verifyPackSignature(bytes: Uint8Array<ArrayBuffer>, signature: string, publicKey: string): Promise<boolean> {
  const key = parsePublicKey(publicKey);
  const sig = fromBase64(signature, 64);
  if (!key || !sig) return false;
  const imported = await crypto.subtle.importKey('raw', key, { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, imported, sig, bytes);
}

/**
 * Pack bytes as fetched or picked → a validated Pack, or the reason it is refused. With `trust`,
 * the signature is checked first, over the bytes exactly as received (before any decoding).
 */
export async function openPack(bytes: Uint8Array<ArrayBuffer>, trust?: { publicKey: string; signature: string | null }): Promise<PackOpenResult> {
  if (trust) {
    if (trust.signature === null) return { ok: false, error: "not signed, but this publisher's key is pinned" };
    let verified: boolean;
    try {
      verified = await verifyPackSignature(bytes, trust.signature, trust.publicKey);
    } catch (err) {
      // Browsers before Chrome 137 / Firefox 129 have no Ed25519 in WebCrypto.
      return { ok: false, error: `cannot check the signature here: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (!verified) return { ok: false, error: 'bad signature: the pack is not signed by the pinned publisher key' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    return { ok: false, error: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  return openPackText(text);
}

/** A pack file's text as JSON; a byte-order mark is dropped first, as TextDecoder would have dropped it from bytes. Throws on bad JSON. */
export function parsePackJson(text: string): unknown {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/**
 * A pack file's text, checked whole: JSON, then the schema. For a file the reader chose, which no
 * signature covers: parsing the text as it came, rather than encoding it to bytes for openPack and
 * decoding them again, keeps one copy of a 40 MB pack out of the worker's heap at its peak.
 */
export function openPackText(text: string): PackOpenResult {
  let json: unknown;
  try {
    json = parsePackJson(text);
  } catch (err) {
    return { ok: false, error: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  const result = validatePack(json);
  if (result.ok) return result;
  const more = result.errors.length - MAX_ERRORS_SHOWN;
  return { ok: false, error: [...result.errors.slice(0, MAX_ERRORS_SHOWN), ...(more > 0 ? [`… and ${more} more`] : [])].join('\n') };
}
