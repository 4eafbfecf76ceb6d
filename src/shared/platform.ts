// In shared/ because its notes concern every process; its code (page access) serves the popup and the manifest test.
// Where Chrome and Firefox differ, and where each difference is handled.
//
// - Background: Chrome MV3 runs it as a service worker, Firefox MV3 as an event page
//   (`background.scripts`). One source manifest; scripts/lib/manifest.ts writes each browser's form.
//   The code is the same: every listener is registered synchronously at the top level (src/background/index.ts
//   calls start.ts before anything is awaited).
// - `browser.*` returns promises natively in Firefox; Chrome has `chrome.*`. src/shared/browser.ts is
//   the one import of webextension-polyfill, which hands back Firefox's own `browser` untouched.
// - No `offscreen` API in Firefox: nothing here needs one. Readability runs in the content script,
//   on the page's own DOM, and the background does no DOM work.
// - Sidebars: Storyline's sidebar is an extension page in an iframe on the page, the same in both.
//   The reader may show it in the browser's own panel instead: Chrome `sidePanel`, Firefox
//   `sidebar_action` (src/shared/side-panel.ts); both open only while handling the reader's input.
// - Host permissions (below): opt-in on Firefox, and revocable in both.
//
// This module reaches the permissions API through the global namespace, not the polyfill, so the
// popup's components that use it still import in Node (the unit tests), where there is none.

/** The pages the content script runs on; the manifest's host_permissions, checked by a unit test. */
export const PAGE_ORIGINS = ['http://*/*', 'https://*/*'];

interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
}

function permissionsApi(): PermissionsApi | undefined {
  const g = globalThis as { browser?: { permissions?: PermissionsApi }; chrome?: { permissions?: PermissionsApi } };
  // Firefox: `browser`; Chrome MV3: `chrome`, whose permissions calls also return promises.
  return g.browser?.permissions ?? g.chrome?.permissions;
}

/**
 * Whether Storyline may read pages. Firefox (since 127) grants MV3 host permissions at install, but
 * the reader can withdraw them in the add-ons manager, as a Chrome user can set site access to "on
 * click": then no page gets a launcher, and the popup says why and asks again. Outside an extension
 * page there is no API and nothing to ask for.
 */
export async function hasPageAccess(): Promise<boolean> {
  const api = permissionsApi();
  return api ? api.contains({ origins: PAGE_ORIGINS }) : true;
}

/**
 * Asks the reader for access to pages again. Call it straight from a click handler, before any
 * await: Firefox refuses a permission request outside the task of a user gesture.
 */
export function requestPageAccess(): Promise<boolean> {
  const api = permissionsApi();
  return api ? api.request({ origins: PAGE_ORIGINS }) : Promise.resolve(true);
}
