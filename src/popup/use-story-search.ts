// Search-as-you-type over the stored stories: debounced, and only the answer to the latest query is
// kept, so a slow early answer can never replace a newer one.
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_QUERY_TEXT } from '../contracts/messages';
import type { SearchHit } from '../contracts/views';
import type { PopupDeps } from './deps';

export const SEARCH_DEBOUNCE_MS = 120;

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; query: string }
  | { status: 'done'; query: string; hits: SearchHit[] }
  | { status: 'error'; query: string };

export function useStorySearch(call: PopupDeps['call'], query: string): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const latest = useRef(0);

  useEffect(() => {
    // The box takes no more than the background reads, but a paste can bring more in some browsers.
    const trimmed = query.trim().slice(0, MAX_QUERY_TEXT);
    const ticket = ++latest.current;
    if (!trimmed) {
      setState({ status: 'idle' });
      return undefined;
    }
    setState({ status: 'searching', query: trimmed });
    const timer = setTimeout(() => {
      call('search/stories', { query: trimmed }).then(
        (hits) => ticket === latest.current && setState({ status: 'done', query: trimmed, hits }),
        () => ticket === latest.current && setState({ status: 'error', query: trimmed }),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [call, query]);

  return state;
}
