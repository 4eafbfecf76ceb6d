// The gate's one question, "is this page for Storyline?", as a sequence with its inputs passed in,
// so the order of its steps can be tested in Node (test/unit/gate-check.test.ts): the article test,
// then "off on this site" from storage, then one message asking for the extraction bundle.
//
// The order that matters: the settings are watched before they are read. A reader who switches the
// site on while the read is on its way changes storage after the read was asked for, so the read may
// answer "off"; the change event is then the only news of it, and a listener added after the answer
// would miss it and leave the page without Storyline until a reload.
import { hostInList, SETTINGS_KEY } from '../formats/settings';
import type { Outcome } from '../content/timing';
import type { ExtApi } from './ext-api';

export interface GateInputs {
  /** Resolves when the page is idle (the gate's work waits for the page's own). */
  idle(): Promise<void>;
  /** The article test (og:type, JSON-LD, readerability); the caller marks its timing. */
  isArticle(): boolean;
  /** The page's host name (an in-page navigation keeps it). */
  host: string;
  /** The extension's storage; first touched on an article page. */
  storage(): ExtApi['storage'];
  /** Asks the background to inject the extraction bundle. */
  ask(): Promise<unknown>;
  /** Whether this document came from a reload: the tab's address did not change. Asked only on a page that is not an article. */
  reloaded(): boolean;
  /** Tells the background the tab no longer shows the article it matched. */
  forget(): Promise<unknown>;
  /** Aborted when the extraction bundle takes over this frame, or the extension is gone. */
  signal: AbortSignal;
  outcome(kind: Outcome): void;
  /** A check threw (the extension is gone, or a failure of ours). */
  failed(error: unknown): void;
}

/** Whether stored settings switch Storyline off on `host` (or a parent domain); anything malformed is "on". */
export function siteOffIn(stored: unknown, host: string): boolean {
  // A primitive has no such property either: only null and undefined need the optional chain.
  const raw = (stored as { sitesOff?: unknown } | null | undefined)?.sitesOff;
  const sites = Array.isArray(raw) ? raw.filter((site): site is string => typeof site === 'string') : [];
  return hostInList(sites, host);
}

/**
 * The gate's check: each run looks at the page as it is then, and a newer run supersedes an older one
 * still waiting (so however runs overlap, one look ends in at most one message).
 */
export function gateCheck(inputs: GateInputs): () => void {
  let latest = 0;
  /**
   * A check is reading the settings or found the site off: a switch-on redoes the check (not once it
   * asked). Left set while a newer check waits for an idle moment: a switch-on then starts one more,
   * which supersedes it, and still one message at most is sent.
   */
  let offOrReading = false;
  let watching = false;
  let forgotten = false;
  const onSettings = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const change = area === 'local' ? changes[SETTINGS_KEY] : undefined;
    if (change && offOrReading && !siteOffIn(change.newValue, inputs.host)) run();
  };

  async function check(): Promise<void> {
    const mine = ++latest;
    const current = (): boolean => mine === latest && !inputs.signal.aborted;
    await inputs.idle();
    if (!current()) return;
    // The article test first: on a page that is not an article "off on this site" changes nothing, and
    // the extension APIs are not touched at all (their first use in a page costs milliseconds).
    if (!inputs.isArticle()) {
      // Reloaded as a page that is no longer an article (a paywall, an error page): the tab kept its
      // address, so the background still holds the last document's match, which the popup and the
      // side panel would show. Only then does a page that is not an article send a message.
      if (!forgotten && inputs.reloaded()) {
        forgotten = true;
        await inputs.forget();
      }
      return inputs.outcome('not-article');
    }
    offOrReading = true;
    if (!watching) {
      watching = true;
      const { onChanged } = inputs.storage();
      onChanged.addListener(onSettings);
      inputs.signal.addEventListener('abort', () => onChanged.removeListener(onSettings), { once: true });
    }
    const stored = await inputs.storage().local.get(SETTINGS_KEY);
    // A newer check (an in-page navigation, or the switch-on heard while this read was on its way) answers instead.
    if (!current()) return;
    if (siteOffIn(stored[SETTINGS_KEY], inputs.host)) return inputs.outcome('off');
    offOrReading = false;
    // The background checks the sender (this tab's top frame) and injects content.js into it.
    await inputs.ask();
  }

  function run(): void {
    check().catch(inputs.failed);
  }

  return run;
}
