// The sidebar in an iframe on the article: the in-page counterpart of panel.ts. Nothing is shown
// and nothing is asked until the frame's content script hands over the ticket that makes this
// frame the tab's sidebar (background/sidebar-ticket.ts); a frame a page made itself never gets
// one and stays blank. Afterwards the content script tells the frame when what it shows may have
// changed (in-page-ui.ts refreshSidebar).
import { isRecord } from '../formats/guards';

/** Calls `claim` with the first ticket the parent (the content script's page) posts. */
export function awaitTicket(claim: (ticket: string) => void): void {
  const onTicket = (event: MessageEvent): void => {
    const ticket: unknown = event.source === window.parent && isRecord(event.data) ? event.data['storylineTicket'] : undefined;
    if (typeof ticket !== 'string') return;
    removeEventListener('message', onTicket);
    claim(ticket);
  };
  addEventListener('message', onTicket);
}

/**
 * Calls `listener` whenever the parent says the view may have changed; answers "stop". The page
 * can post the same: it carries nothing, and what is shown is asked of the background.
 */
export function onParentRefresh(listener: (change: 'state') => void): () => void {
  // The frame belongs to one tab: only that tab's state changes.
  const handle = (event: MessageEvent): void => {
    if (event.source === window.parent && isRecord(event.data) && event.data['storylineRefresh'] === true) listener('state');
  };
  addEventListener('message', handle);
  return () => removeEventListener('message', handle);
}
