// Host permissions for sources: the manifest's host permissions cover every http(s) site, which
// Firefox lets the reader withdraw; the options and welcome pages ask again for a source's host
// when it is missing, and it is checked here before every fetch.
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
