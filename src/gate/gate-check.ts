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
  /** The article test (og:type, JSON-LD, readerability). */
  isArticle(): boolean;
  host(): string;
  /** The extension's storage; first touched on an article page. */
  storage(): ExtApi['storage'];
  /** Asks the background to inject the extraction bundle. */
  ask(): Promise<unknown>;
  /** The extraction bundle has taken over this frame. */
  handedOver(): boolean;
  /** Stops the gate: the extraction bundle took over, or the extension is gone. */
  signal: AbortSignal;
  mark(name: string): void;
  outcome(kind: Outcome): void;
  /** A check threw (the extension is gone, or a failure of ours). */
  failed(error: unknown): void;
}

/** Whether stored settings switch Storyline off on `host` (or a parent domain); anything malformed is "on". */
export function siteOffIn(stored: unknown, host: string): boolean {
  const raw = typeof stored === 'object' && stored !== null ? (stored as { sitesOff?: unknown }).sitesOff : undefined;
  const sites = Array.isArray(raw) ? raw.filter((site): site is string => typeof site === 'string') : [];
  return hostInList(sites, host);
}

/**
 * The gate's check: each run looks at the page as it is then, and a newer run supersedes an older one
 * still waiting (so however runs overlap, one look ends in at most one message).
 */
export function gateCheck(inputs: GateInputs): () => void {
  let latest = 0;
  /** Where the latest check stands: only a check that is reading, or found the site off, is redone on a switch-on. */
  let stage: 'idle' | 'reading' | 'off' | 'asked' = 'idle';
  let watching = false;

  function watchSettings(): void {
    if (watching) return;
    watching = true;
    const { onChanged } = inputs.storage();
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
      if ((stage === 'reading' || stage === 'off') && !siteOffIn(changes[SETTINGS_KEY]?.newValue, inputs.host())) run();
    };
    onChanged.addListener(listener);
    inputs.signal.addEventListener('abort', () => onChanged.removeListener(listener), { once: true });
  }

  async function check(): Promise<void> {
    const mine = ++latest;
    const current = (): boolean => mine === latest && !inputs.signal.aborted && !inputs.handedOver();
    stage = 'idle';
    await inputs.idle();
    if (!current()) return;
    // The article test first: on a page that is not an article "off on this site" changes nothing, and
    // the extension APIs are not touched at all (their first use in a page costs milliseconds).
    if (!inputs.isArticle()) {
      inputs.mark('gate-other');
      return inputs.outcome('not-article');
    }
    inputs.mark('gate-article');
    stage = 'reading';
    watchSettings();
    const stored = await inputs.storage().local.get(SETTINGS_KEY);
    // A newer check (an in-page navigation, or the switch-on heard while this read was on its way) answers instead.
    if (!current()) return;
    if (siteOffIn(stored[SETTINGS_KEY], inputs.host())) {
      stage = 'off';
      return inputs.outcome('off');
    }
    stage = 'asked';
    // The background checks the sender (this tab's top frame) and injects content.js into it.
    await inputs.ask();
  }

  function run(): void {
    check().catch(inputs.failed);
  }

  return run;
}
