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
import { awaitTicket, onParentRefresh } from './frame-link';
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
    render(<App call={link.call} subscribe={link.subscribe} panel={link} officials={officialsLoader} />, root);
  } else {
    awaitTicket((ticket) => {
      callBackground('sidebar/claim', { ticket }).then(
        () => render(<App call={callBackground} subscribe={onParentRefresh} officials={officialsLoader} />, root),
        () => undefined,
      );
    });
  }
}
