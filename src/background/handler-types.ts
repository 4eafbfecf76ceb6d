// The shape of a background handler: a validated payload and the trusted facts about its sender.
import type { BackgroundCalls, ReqOf, ResOf } from '../contracts/messages';
import type { SenderKind } from './sender';
import { SOURCE_SENDERS } from './sources/handlers';

export interface CallContext {
  kind: SenderKind;
  /** The tab the sender lives in (content scripts and the in-page sidebar); absent for the popup and side panel. */
  tabId: number | undefined;
  incognito: boolean;
  /** The sender's frame in its tab (0: the top frame) and, where the browser says, its document. */
  frameId: number;
  documentId: string | undefined;
}

export type Handler<K extends keyof BackgroundCalls> = (
  payload: ReqOf<BackgroundCalls, K>,
  context: CallContext,
) => Promise<ResOf<BackgroundCalls, K>>;

export type Handlers = { [K in keyof BackgroundCalls]: Handler<K> };

/** Which senders may make each call. Anything else is refused before a handler runs. */
export const ALLOWED_SENDERS: { [K in keyof BackgroundCalls]: readonly SenderKind[] } = {
  ...SOURCE_SENDERS,
  'article/found': ['content'],
  'page/article': ['content'],
  'page/left': ['content'],
  'page/problem': ['content'],
  'sidebar/ticket': ['content'],
  'sidebar/claim': ['sidebar'],
  'sidebar/view': ['sidebar'],
  'sidebar/story': ['sidebar'],
  'match/reject': ['sidebar'],
  'sidebar/close': ['sidebar'],
  'action/set-done': ['sidebar', 'popup'],
  'story/follow': ['sidebar', 'popup'],
  'popup/state': ['popup'],
  'popup/open-sidebar': ['popup'],
  'popup/open-story': ['popup'],
  'options/state': ['options'],
  'settings/get': ['sidebar', 'popup', 'options'],
  'settings/update': ['sidebar', 'popup', 'options'],
  'search/stories': ['sidebar', 'popup'],
  'data/export': ['options'],
  'data/import': ['options'],
};

export function requireTab(context: CallContext): number {
  if (context.tabId === undefined) throw new Error('this call needs a tab');
  return context.tabId;
}

/**
 * The tab a sidebar call is about. The in-page sidebar lives in a tab: that one, whatever the payload
 * says. The side panel is an extension page outside any tab (no `sender.tab`), as trusted as the
 * popup: it names the tab it follows.
 */
export function sidebarTab(context: CallContext, payload: { tabId?: number }): number {
  if (context.tabId !== undefined) return context.tabId;
  if (payload.tabId === undefined) throw new Error('this call needs a tab');
  return payload.tabId;
}
