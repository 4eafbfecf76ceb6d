// Loads the officials directory the extension ships (assets/officials → officials/ in the build) from
// the sidebar's own extension origin: a plain fetch of a packaged file, no network and no permission.
// Fetched at most once per sidebar load, and only when a story with a contact step asks for it.
import { parseDirectory, type OfficialsDirectory } from '../formats/officials-format';

const DIRECTORY_URL = 'officials/us-congress.json';

let loading: Promise<OfficialsDirectory> | null = null;

export function officialsLoader(): Promise<OfficialsDirectory> {
  loading ??= fetch(new URL(DIRECTORY_URL, document.baseURI))
    .then((response) => {
      if (!response.ok) throw new Error(`${DIRECTORY_URL}: HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    })
    .then(parseDirectory);
  // A failure is not kept: the next story shown may try again.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
