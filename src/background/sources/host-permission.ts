// Host permissions for sources: asked for by the options page when the reader adds a source
// (`optional_host_permissions`), checked here before every fetch because the reader can revoke them.
import { browser } from '../../shared/browser';
import { sourcePermission } from '../../shared/source-fetch';

export async function hostPermissionGranted(url: string): Promise<boolean> {
  const origin = sourcePermission(url);
  if (!origin) return false;
  return browser.permissions.contains({ origins: [origin] });
}
