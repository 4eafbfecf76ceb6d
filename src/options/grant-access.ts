// Asking the browser again for the access sources lost (Firefox lets the reader withdraw Storyline's
// host permissions, and then every source lacks it at once): from one source's row, or for all of a
// section's in one prompt, so that forty feeds do not mean forty prompts.
import { formatCount } from '../shared/format';
import { t } from '../shared/i18n';
import type { OptionsPlatform } from './platform';
import { sourceHost } from './components/SourceAccess';

/**
 * Asks for the access `urls` need, then refreshes each (they were not fetched while access was
 * missing); answers the line to show, or throws the refusal. The permission is asked for before
 * anything is awaited: Firefox grants it only while it handles the reader's click, so the click
 * handler must call this first.
 */
export async function grantAccess(platform: OptionsPlatform, urls: readonly string[], refresh: (url: string) => Promise<unknown>): Promise<string> {
  const [only] = urls;
  const granted = await platform.requestAccess(...urls);
  if (urls.length === 1 && only !== undefined) {
    if (!granted) throw new Error(t('sourceAccessStillRefused', sourceHost(only)));
    await refresh(only);
    return t('sourceAccessGranted', [sourceHost(only), only]);
  }
  if (!granted) throw new Error(t('sourceAccessAllRefused'));
  let refreshed = 0;
  // One at a time (the background queues them anyway); one that fails (removed meanwhile from
  // another page) keeps none of the others from their refresh.
  for (const url of urls) refreshed += await refresh(url).then(
    () => 1,
    () => 0,
  );
  return formatCount('sourceAccessGrantedAll', refreshed);
}
