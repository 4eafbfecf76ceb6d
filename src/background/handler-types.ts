// The shape of a background handler: a validated payload and the trusted facts about its sender.
import type { SenderKind } from '../contracts/call';
import { CallError } from '../contracts/call-result';
import type { Handler as CallHandler, Handlers as CallHandlers } from '../contracts/dispatch';
import type { backgroundCalls } from '../contracts/messages';

export interface CallContext {
  kind: SenderKind;
  /** The tab the sender lives in (content scripts and the in-page sidebar); absent for the popup and side panel. */
  tabId: number | undefined;
  incognito: boolean;
  /** The sender's frame in its tab (0: the top frame) and, where the browser says, its document. */
  frameId: number;
  documentId: string | undefined;
  /** The sender's address as the browser gives it (a content script's page), never from the payload. */
  url: string | undefined;
}

type Calls = typeof backgroundCalls;
export type Handler<K extends keyof Calls> = CallHandler<Calls[K], CallContext>;
/** A handler for every background call (a missing or extra one does not compile). */
export type Handlers = CallHandlers<Calls, CallContext>;

export function requireTab(context: CallContext): number {
  if (context.tabId === undefined) throw new CallError('refused', 'this call needs a tab');
  return context.tabId;
}

/**
 * The tab a sidebar call is about. The in-page sidebar lives in a tab: that one, whatever the payload
 * says. The side panel is an extension page outside any tab (no `sender.tab`), as trusted as the
 * popup: it names the tab it follows.
 */
export function sidebarTab(context: CallContext, payload: { tabId?: number }): number {
  if (context.tabId !== undefined) return context.tabId;
  if (payload.tabId === undefined) throw new CallError('refused', 'this call needs a tab');
  return payload.tabId;
}
