// Who sent a message, decided from `sender` alone (the browser fills it in; a page cannot forge it).
import type { SenderKind } from '../contracts/call';
import type { BackgroundRuntime, Runtime } from './browser-api';

const PAGES: Record<string, SenderKind> = {
  'sidebar.html': 'sidebar',
  'popup.html': 'popup',
  'options.html': 'options',
  'welcome.html': 'welcome',
};

/** Who the extension is: its id and its pages' origin. */
export type ExtensionIdentity = Pick<BackgroundRuntime, 'id' | 'getURL'>;

export function senderKind(runtime: ExtensionIdentity, sender: Runtime.MessageSender): SenderKind | null {
  if (sender.id !== runtime.id || !sender.url) return null;
  const origin = runtime.getURL('');
  if (sender.url.startsWith(origin)) {
    const page = sender.url.slice(origin.length).split(/[?#]/)[0] ?? '';
    return PAGES[page] ?? null;
  }
  // Content scripts run in the top frame of http(s) pages only.
  if (sender.tab?.id !== undefined && sender.frameId === 0 && /^https?:/.test(sender.url)) return 'content';
  return null;
}
