// Which in-page sidebar may act for a tab. sidebar.html is web-accessible (the content script could
// not frame it otherwise), so a page can frame it too, nearly transparent, under the reader's
// pointer: a clickjacking surface whose buttons ("Not this story", Follow, ticks) act for the reader.
// The frame our content script made is told apart by a one-time ticket:
//   1. the content script asks for a ticket when it makes the frame (only the top frame's content
//      script may ask, and pages cannot message the background at all);
//   2. it posts the ticket into that frame with the extension's origin as target, so the browser
//      delivers it to our document in that frame and to nothing else (a page that navigated the
//      frame elsewhere gets nothing);
//   3. the sidebar presents it; the background remembers the presenting frame (and its document,
//      where the browser names one) and answers sidebar calls from that frame only.
// Checking the sender's frame against the frame the content script made would need its frame id,
// which only Firefox can read from an element (runtime.getFrameId); webNavigation.getAllFrames
// would need a permission that warns "read your browsing history" and still could not tell which
// of two sidebar frames is ours. The ticket works in both browsers with no new permission.
import { CallError } from '../contracts/call-result';
import type { TabStates } from './tab-state';

export async function issueTicket(states: TabStates, tabId: number): Promise<string> {
  const ticket = crypto.randomUUID();
  await states.update(tabId, { sidebarTicket: ticket });
  return ticket;
}

/** The frame presenting the tab's current ticket becomes its sidebar; the ticket is spent either way. */
export async function claimTicket(states: TabStates, tabId: number, ticket: string, frameId: number, documentId: string | undefined): Promise<void> {
  const { sidebarTicket } = await states.get(tabId);
  if (!sidebarTicket || frameId === 0) throw new CallError('refused', 'no sidebar was opened here');
  await states.update(tabId, { sidebarTicket: null });
  if (ticket !== sidebarTicket) throw new CallError('refused', 'not the ticket of this tab’s sidebar');
  await states.update(tabId, { sidebarFrame: { frameId, documentId: documentId ?? null } });
}

/** Whether a frame of the tab is the sidebar that presented its ticket. */
export async function isTabSidebar(states: TabStates, tabId: number, frameId: number, documentId: string | undefined): Promise<boolean> {
  const { sidebarFrame } = await states.get(tabId);
  if (!sidebarFrame || sidebarFrame.frameId !== frameId) return false;
  return sidebarFrame.documentId === null || documentId === undefined || sidebarFrame.documentId === documentId;
}
