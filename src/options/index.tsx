// Entry of options.html: wires the real browser into the options app.
import { render } from 'preact';
import { localizeDocument, t } from '../shared/i18n';
import { callBackground } from '../shared/messaging';
import { App } from './App';
import './options.css';

localizeDocument(document);
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<App call={callBackground} />, root);
