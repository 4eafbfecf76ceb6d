// One source manifest, transformed per browser. Chrome runs the background as a service worker and
// rejects Firefox-only keys with a warning; Firefox MV3 runs it as an event page (background.scripts)
// and needs browser_specific_settings.gecko for its id.
export type TargetBrowser = 'chrome' | 'firefox';

type Manifest = Record<string, unknown> & { background?: { service_worker?: string; scripts?: string[] } };

export function manifestFor(source: Manifest, target: TargetBrowser, version: string): Manifest {
  const manifest: Manifest = structuredClone(source);
  manifest['version'] = version;
  const worker = source.background?.service_worker;
  if (!worker) throw new Error('manifest.json: background.service_worker is required');
  if (target === 'chrome') {
    delete manifest['browser_specific_settings'];
    manifest['minimum_chrome_version'] = '116';
  } else {
    manifest['background'] = { scripts: [worker] };
  }
  return manifest;
}
