// Host permissions for sources: asked for by the options page when the reader adds a source
// (`optional_host_permissions`), checked here before every fetch because the reader can revoke them.
import { sourcePermission } from '../../formats/source-request';
import type { BackgroundBrowser } from '../browser-api';

/** Whether the reader lets Storyline fetch `url`, by the permissions API given. */
export function hostPermission(permissions: BackgroundBrowser['permissions']): (url: string) => Promise<boolean> {
  return async (url) => {
    const origin = sourcePermission(url);
    if (!origin) return false;
    return permissions.contains({ origins: [origin] });
  };
}
