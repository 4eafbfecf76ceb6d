// Entry of sidebar.html. The only sidebar module that touches the extension API: everything below
// App receives `callBackground` through context.
import { render } from 'preact';
import { localizeDocument, t } from '../shared/i18n';
import { callBackground } from '../shared/messaging';
import { followTheme } from '../shared/theme';
import { App } from './App';
import './sidebar.css';

localizeDocument(document);
followTheme(document.documentElement);
document.title = t('sidebarTitle');
const root = document.getElementById('app');
if (root) render(<App call={callBackground} />, root);
