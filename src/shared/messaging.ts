// In shared/ because the content script and every page call the background; it loads the browser, so not in contracts/.
// Typed calls to the background for the pages and the content script. Answers arrive as a Result
// envelope; a failed call throws here, in the caller, with the receiver's reason. (The background
// calls content scripts through background/content-calls.ts, with the browser it was given.)
import { browser } from './browser';
import { unwrap } from '../contracts/call-result';
import type { BackgroundCalls, ReqOf, ResOf } from '../contracts/messages';

export async function callBackground<K extends keyof BackgroundCalls>(
  type: K,
  payload: ReqOf<BackgroundCalls, K>,
): Promise<ResOf<BackgroundCalls, K>> {
  return unwrap(await browser.runtime.sendMessage({ type, payload }));
}
