// The sidebar in an iframe on the article: the in-page counterpart of panel.ts. Nothing is shown
// and nothing is asked until the frame's content script hands over the ticket that makes this
// frame the tab's sidebar (background/sidebar-ticket.ts), with a port; a frame a page made itself
// never gets one and stays blank. Afterwards the content script tells the frame, on that port,
// when what it shows may have changed (in-page-ui.ts refreshSidebar): the page holds no end of
// it, so it cannot keep the sidebar asking the background.
import { isRecord } from '../formats/guards';

let parentPort: MessagePort | null = null;

/** Calls `claim` with the first ticket the parent (the content script's page) posts with a port. */
export function awaitTicket(claim: (ticket: string) => void): void {
  const onTicket = (event: MessageEvent): void => {
    const ticket: unknown = event.source === window.parent && isRecord(event.data) ? event.data['storylineTicket'] : undefined;
    const [port] = event.ports;
    if (typeof ticket !== 'string' || !port) return;
    removeEventListener('message', onTicket);
    parentPort = port;
    claim(ticket);
  };
  addEventListener('message', onTicket);
}

/** Calls `listener` whenever the content script says the view may have changed; answers "stop". */
export function onParentRefresh(listener: (change: 'state') => void): () => void {
  const port = parentPort;
  if (!port) return () => undefined;
  // The frame belongs to one tab: only that tab's state changes.
  const handle = (event: MessageEvent): void => {
    if (event.data === 'refresh') listener('state');
  };
  port.addEventListener('message', handle);
  port.start();
  return () => port.removeEventListener('message', handle);
}
