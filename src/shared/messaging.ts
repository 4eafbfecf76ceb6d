// Typed senders for the call maps in messages.ts. Answers arrive as a Result envelope; a failed
// call throws here, in the caller, with the receiver's reason.
import { browser } from './browser';
import { unwrap } from './call';
import type { BackgroundCalls, ContentCalls, ReqOf, ResOf } from './messages';

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
