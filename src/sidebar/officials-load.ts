// Loads the officials directory the extension ships (assets/officials → officials/ in the build) from
// the sidebar's own extension origin: a plain fetch of a packaged file, no network and no permission.
// Fetched at most once per sidebar load, and only when a story with a contact step asks for it.
// With it comes the feed of settings changes, so a place set in the options page while a story is
// open here addresses its letters at once (index.tsx is the only importer: this reaches the browser).
import { parseDirectory, type OfficialsDirectory } from '../formats/officials-format';
import { onSettingsChanged } from '../shared/settings-store';
import type { Settings } from '../formats/settings';
import type { DirectoryLoader } from './officials-context';

const DIRECTORY_URL = 'officials/us-congress.json';

let loading: Promise<OfficialsDirectory> | null = null;

function loadDirectory(): Promise<OfficialsDirectory> {
  loading ??= fetch(new URL(DIRECTORY_URL, document.baseURI))
    .then((response) => {
      if (!response.ok) throw new Error(`${DIRECTORY_URL}: HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    })
    .then(parseDirectory);
  // A failure is not kept: the next story shown may try again. A packaged file that will not
  // load is a broken build, not something the reader can act on: the detail goes to the console
  // (for a bug report), the step tells the reader what it means.
  loading.catch((error: unknown) => {
    loading = null;
    console.error('[storyline] the officials directory could not be loaded:', error);
  });
  return loading;
}

export const officialsLoader: DirectoryLoader = Object.assign(loadDirectory, {
  // The sidebar is an extension page on the article as in the side panel, so storage events reach
  // it (the theme follows them the same way, ui/theme.ts).
  onSettingsChanged(listener: (settings: Settings) => void): () => void {
    const stop = new AbortController();
    onSettingsChanged(listener, stop.signal);
    return () => stop.abort();
  },
});
