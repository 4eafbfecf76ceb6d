// Typed calls from the background to a tab's content script, through the tabs API it was given.
// Answers arrive as a Result envelope; a refusal throws here (CallRefused) with the content script's code.
import type { ReqOf, ResOf } from '../contracts/call';
import { unwrap } from '../contracts/call-result';
import type { ContentCalls } from '../contracts/content-calls';
import type { BackgroundTabs } from './browser-api';

export type CallContent = <K extends keyof ContentCalls>(tabId: number, type: K, payload: ReqOf<ContentCalls, K>) => Promise<ResOf<ContentCalls, K>>;

/** Calls reach the content script of a tab's top frame only: subframes never receive page calls. */
export function contentCaller(tabs: Pick<BackgroundTabs, 'sendMessage'>): CallContent {
  return async (tabId, type, payload) => unwrap(await tabs.sendMessage(tabId, { type, payload }, { frameId: 0 }));
}
