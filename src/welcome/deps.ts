// What the welcome page needs from the browser, as one object: index.tsx provides the real one, unit
// tests a fake, so the page's components never import webextension-polyfill themselves.
import type { Directory } from '../formats/directory';
import type { BackgroundCalls, ReqOf, ResOf } from '../contracts/messages';
import type { FeedBatchResult, FeedProgress } from '../contracts/views';

export interface WelcomeDeps {
  call<K extends keyof BackgroundCalls>(type: K, payload: ReqOf<BackgroundCalls, K>): Promise<ResOf<BackgroundCalls, K>>;
  /** The directory shipped in the extension, validated (a broken file is an error, never a guess). */
  loadDirectory(): Promise<Directory>;
  /**
   * Asks once for the host access all chosen feeds need. Call it first thing in the click handler:
   * Firefox grants only while it handles the reader's input.
   */
  requestHosts(origins: string[]): Promise<boolean>;
  /**
   * Listens for per-source progress of a batch, and for what is stored while slow sources are
   * still out (null until then); answers the function that stops listening.
   */
  onProgress(listener: (sources: FeedProgress[], landed: FeedBatchResult | null) => void): () => void;
  /** Listens for the reader's sources changing elsewhere (options, another tab); answers the function that stops listening. */
  onSourcesChanged(listener: () => void): () => void;
  openOptions(): void;
}
