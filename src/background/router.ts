// The background's single message entry point: the shared dispatch (contracts/dispatch.ts) with the
// background's own steps between: a traffic note per tab, the in-page sidebar's ticket, the log and
// storage failure codes. Foreign or malformed messages are refused with one log line.
import type { SenderKind } from '../contracts/call';
import type { Result } from '../contracts/call-result';
import { admit, answerCall, failureOf, REFUSED } from '../contracts/dispatch';
import { backgroundCalls } from '../contracts/messages';
import type { Runtime } from './browser-api';
import type { Handlers } from './handler-types';
import { logProblem } from './log';
import { senderKind, type ExtensionIdentity } from './sender';
import { isTabSidebar } from './sidebar-ticket';
import type { TabStates } from './tab-state';
import { storageCode } from './storage-errors';
import { noteTraffic } from './traffic';

/**
 * The tab a sender lives in. sidebar.html counts as in a tab only as a frame of a page (the in-page
 * sidebar); as a top-level document (the browser's side panel, or the page opened in a window of
 * its own) it follows a tab it names, like the popup.
 */
function ownTab(kind: SenderKind, sender: Runtime.MessageSender): number | undefined {
  if (kind === 'sidebar' && (sender.frameId ?? 0) === 0) return undefined;
  return sender.tab?.id;
}

export interface RouterDeps {
  /** Who the extension is, to tell its own pages and content scripts from anyone else. */
  runtime: ExtensionIdentity;
  /** Where the in-page sidebar's ticket is kept. */
  states: TabStates;
  handlers: Handlers;
}

export type Route = (message: unknown, sender: Runtime.MessageSender) => Promise<Result<unknown>>;

export function createRouter({ runtime, states, handlers }: RouterDeps): Route {
  return (message, sender) => route(runtime, states, handlers, message, sender);
}

async function route(
  runtime: ExtensionIdentity,
  states: TabStates,
  handlers: Handlers,
  message: unknown,
  sender: Runtime.MessageSender,
): Promise<Result<unknown>> {
  const kind = senderKind(runtime, sender);
  const admitted = admit(backgroundCalls, message, kind);
  const tab = sender.tab?.id;
  if (tab !== undefined) noteTraffic({ tabId: tab, what: admitted.type ?? 'malformed', url: sender.url ?? '' });
  if (!admitted.ok) {
    if (admitted.type && kind) logProblem(`refused ${admitted.type}`, admitted.why);
    else logProblem('refused message', `malformed or from an unknown sender (${sender.url ?? 'no url'})`);
    return REFUSED;
  }
  const { type } = admitted;
  const tabId = ownTab(admitted.kind, sender);
  const frameId = sender.frameId ?? 0;
  const documentId = (sender as { documentId?: string }).documentId;
  // An in-page sidebar acts for its tab only once it presented the ticket its content script gave it
  // (sidebar-ticket.ts): a page's own frame of sidebar.html gets nothing.
  if (admitted.kind === 'sidebar' && tabId !== undefined && type !== 'sidebar/claim' && !(await isTabSidebar(states, tabId, frameId, documentId))) {
    logProblem(`refused ${type}`, `from a sidebar frame that presented no ticket (tab ${tabId}, frame ${frameId})`);
    return REFUSED;
  }
  const context = { kind: admitted.kind, tabId, incognito: sender.tab?.incognito ?? false, frameId, documentId, url: sender.url };
  return answerCall(handlers, admitted, context, (error) => {
    logProblem(type, error);
    // A full disk or a database from a newer version has a code of its own, which pages put in the reader's words.
    return failureOf(error, storageCode);
  });
}
