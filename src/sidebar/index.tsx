// Entry of sidebar.html, in an iframe on the article or in the browser's side panel. With panel.ts,
// the only sidebar modules that touch the extension API: everything below App receives its calls
// through context.
import { render } from 'preact';
import { localizeDocument, t } from '../shared/i18n';
import { callBackground } from '../shared/messaging';
import { followTheme } from '../ui/theme';
import { App } from './App';
import { officialsLoader } from './officials-load';
import { panelLink } from './panel';
import './sidebar.css';

localizeDocument(document);
followTheme(document.documentElement);
document.title = t('sidebarTitle');
const root = document.getElementById('app');
// On the article the page is the iframe's parent; in the side panel it is a top-level document.
const inPanel = window.top === window;
document.documentElement.dataset['surface'] = inPanel ? 'panel' : 'page';
if (root) {
  if (inPanel) {
    const link = panelLink();
    render(<App call={link.call} panel={link} officials={officialsLoader} />, root);
  } else {
    // In a page, nothing is shown and nothing is asked until the frame's content script hands over
    // the ticket that makes this frame the tab's sidebar (background/sidebar-ticket.ts). A frame a
    // page made itself never gets one and stays blank: no story, no button that acts.
    const onTicket = (event: MessageEvent): void => {
      const ticket: unknown = event.source === window.parent && event.data ? (event.data as { storylineTicket?: unknown }).storylineTicket : undefined;
      if (typeof ticket !== 'string') return;
      removeEventListener('message', onTicket);
      callBackground('sidebar/claim', { ticket }).then(
        () => render(<App call={callBackground} officials={officialsLoader} />, root),
        () => undefined,
      );
    };
    addEventListener('message', onTicket);
  }
}
