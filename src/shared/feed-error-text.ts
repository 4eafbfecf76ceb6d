// A source's failure in the reader's words (the welcome page's progress, the options page's
// sources): what happened, never an HTTP status alone.
import type { FeedErrorCode } from '../contracts/views';
import { t, type MessageKey } from './i18n';

const REASON: Record<FeedErrorCode, MessageKey> = {
  timeout: 'feedErrorTimeout',
  'not-found': 'feedErrorNotFound',
  busy: 'feedErrorBusy',
  'server-error': 'feedErrorServer',
  'http-error': 'feedErrorHttp',
  'not-a-feed': 'feedErrorNotAFeed',
  'too-large': 'feedErrorTooLarge',
  network: 'feedErrorNetwork',
  'redirect-loop': 'feedErrorRedirectLoop',
  'no-access': 'feedErrorNoAccess',
  storage: 'feedErrorStorage',
};

export function feedErrorText(code: FeedErrorCode): string {
  return t(REASON[code]);
}
