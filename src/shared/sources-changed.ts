// The background's word that the reader's sources changed (a feed or a subscription added, removed
// or refreshed), heard by the extension pages that list them: the options and welcome pages then
// read them again. Trusted by its sender, an extension page or the background, never its payload.
import { browser, fromExtension, type Runtime } from './browser';
import { isSourcesChanged } from '../contracts/source-events';

/** Calls `listener` at each such word; answers the function that stops listening. */
export function onSourcesChanged(listener: () => void): () => void {
  const handle = (message: unknown, sender: Runtime.MessageSender): undefined => {
    if (isSourcesChanged(message) && fromExtension(sender)) listener();
    return undefined;
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}
