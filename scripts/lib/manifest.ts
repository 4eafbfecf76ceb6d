// One source manifest, transformed per browser. Chrome runs the background as a service worker and
// rejects Firefox-only keys with a warning; Firefox MV3 runs it as an event page (background.scripts),
// needs browser_specific_settings.gecko for its id, and has `sidebar_action` where Chrome has
// `side_panel` and the `sidePanel` permission.
// Web-accessible resources: Chrome serves them at a fixed chrome-extension://<id>/ URL that any site
// can probe to tell Storyline is installed, unless `use_dynamic_url` makes them load only from a URL
// whose id changes every browser session (what runtime.getURL gives the content script). Firefox
// already serves them from a random moz-extension://<uuid>/ made for each install, and its manifest
// schema has no such key, so it is left out there.
export type TargetBrowser = 'chrome' | 'firefox';

type Manifest = Record<string, unknown> & {
  background?: { service_worker?: string; scripts?: string[] };
  side_panel?: { default_path?: string };
  permissions?: string[];
  action?: { default_icon?: unknown };
  web_accessible_resources?: (Record<string, unknown> & { use_dynamic_url?: boolean })[];
};

export function manifestFor(source: Manifest, target: TargetBrowser, version: string): Manifest {
  const manifest: Manifest = structuredClone(source);
  manifest['version'] = version;
  const worker = source.background?.service_worker;
  if (!worker) throw new Error('manifest.json: background.service_worker is required');
  if (target === 'chrome') {
    delete manifest['browser_specific_settings'];
    // 116 for sidePanel.open; 130 for use_dynamic_url to keep the sidebar's page from being probed (above).
    manifest['minimum_chrome_version'] = '130';
  } else {
    manifest['background'] = { scripts: [worker] };
    manifest.web_accessible_resources = manifest.web_accessible_resources?.map(({ use_dynamic_url: _chromeOnly, ...entry }) => entry);
    // Firefox's sidebar shows the same page as Chrome's side panel; it has no `sidePanel` permission.
    const panel = source.side_panel?.default_path;
    delete manifest['side_panel'];
    manifest['permissions'] = (source.permissions ?? []).filter((p) => p !== 'sidePanel');
    if (panel) {
      manifest['sidebar_action'] = {
        default_panel: panel,
        default_title: source['name'],
        default_icon: source.action?.default_icon,
        // Installing Storyline must not open a sidebar the reader did not ask for.
        open_at_install: false,
      };
    }
  }
  return manifest;
}
