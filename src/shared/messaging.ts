// Typed senders for the call maps in messages.ts. Answers arrive as a Result envelope; a failed
// call throws here, in the caller, with the receiver's reason.
import { browser } from './browser';
import { CallRefused } from './call';
import type { BackgroundCalls, ContentCalls, ReqOf, ResOf, Result } from './messages';

function unwrap<T>(answer: unknown): T {
  const result = answer as Result<T> | undefined;
  if (!result || typeof result !== 'object' || !('ok' in result)) throw new Error('no answer');
  if (!result.ok) throw new CallRefused(result.error);
  return result.value;
}

export async function callBackground<K extends keyof BackgroundCalls>(
  type: K,
  payload: ReqOf<BackgroundCalls, K>,
): Promise<ResOf<BackgroundCalls, K>> {
  return unwrap(await browser.runtime.sendMessage({ type, payload }));
}

/** Calls the content script of a tab's top frame only: subframes never receive page calls. */
export async function callContent<K extends keyof ContentCalls>(
  tabId: number,
  type: K,
  payload: ReqOf<ContentCalls, K>,
): Promise<ResOf<ContentCalls, K>> {
  return unwrap(await browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 }));
}
