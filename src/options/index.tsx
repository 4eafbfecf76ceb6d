// Entry of options.html: wires the real browser into the options app.
import { render } from 'preact';
import { localizeDocument, t } from '../shared/i18n';
import { callBackground } from '../shared/messaging';
import { followTheme } from '../ui/theme';
import { App } from './App';
import { browserPlatform } from './platform';
import './options.css';

localizeDocument(document);
followTheme(document.documentElement);
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<App call={callBackground} platform={browserPlatform} />, root);
