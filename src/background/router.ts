// The background's single message entry point: parse, check the sender, run the handler, and
// answer in a Result envelope. Foreign or malformed messages are refused with one log line.
import { backgroundParsers, parseEnvelope, type BackgroundCalls, type Result } from '../contracts/messages';
import type { Runtime } from './browser-api';
import { ALLOWED_SENDERS, type Handler, type Handlers } from './handler-types';
import { logProblem } from './log';
import { senderKind, type ExtensionIdentity, type SenderKind } from './sender';
import { isTabSidebar } from './sidebar-ticket';
import type { TabStates } from './tab-state';
import { storageProblem } from './storage-errors';
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
  const envelope = parseEnvelope(backgroundParsers, message);
  const kind = senderKind(runtime, sender);
  const tab = sender.tab?.id;
  if (tab !== undefined) noteTraffic({ tabId: tab, what: envelope?.type ?? 'malformed', url: sender.url ?? '' });
  if (!envelope || !kind) {
    logProblem('refused message', `malformed or from an unknown sender (${sender.url ?? 'no url'})`);
    return { ok: false, error: 'refused' };
  }
  const type = envelope.type;
  if (!ALLOWED_SENDERS[type].includes(kind)) {
    logProblem(`refused ${type}`, `not allowed from ${kind}`);
    return { ok: false, error: 'refused' };
  }
  const tabId = ownTab(kind, sender);
  const frameId = sender.frameId ?? 0;
  const documentId = (sender as { documentId?: string }).documentId;
  // An in-page sidebar acts for its tab only once it presented the ticket its content script gave it
  // (sidebar-ticket.ts): a page's own frame of sidebar.html gets nothing.
  if (kind === 'sidebar' && tabId !== undefined && type !== 'sidebar/claim' && !(await isTabSidebar(states, tabId, frameId, documentId))) {
    logProblem(`refused ${type}`, `from a sidebar frame that presented no ticket (tab ${tabId}, frame ${frameId})`);
    return { ok: false, error: 'refused' };
  }
  const handler = handlers[type] as Handler<keyof BackgroundCalls>;
  try {
    const value = await handler(envelope.payload as never, {
      kind,
      tabId,
      incognito: sender.tab?.incognito ?? false,
      frameId,
      documentId,
    });
    return { ok: true, value };
  } catch (error) {
    logProblem(type, error);
    // A full disk or a database from a newer version reads in the reader's words.
    return { ok: false, error: storageProblem(error) ?? (error instanceof Error ? error.message : String(error)) };
  }
}
