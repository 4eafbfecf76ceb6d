// The few extension calls the gate makes, on the browser's own global: the gate runs on every page,
// so it carries neither webextension-polyfill (src/shared/browser.ts) nor the typed message layer.
// Firefox's `browser.*` and Chrome MV3's `chrome.*` both return promises for these calls.

type Listener<A extends unknown[]> = { addListener(fn: (...args: A) => unknown): void; removeListener(fn: (...args: A) => unknown): void };

export interface ExtApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
  };
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>> };
    onChanged: Listener<[Record<string, { newValue?: unknown }>, string]>;
  };
}

export function extApi(): ExtApi {
  const scope = globalThis as { browser?: ExtApi; chrome?: ExtApi };
  const api = scope.browser ?? scope.chrome;
  if (!api) throw new Error('no extension API');
  return api;
}
