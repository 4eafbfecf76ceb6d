// Search-as-you-type over the stored stories (the popup's search, the sidebar's on a page of no
// story): debounced, and only the answer to the latest query is kept, so a slow early answer can
// never replace a newer one. While the next answer is on its way the last hits stay, so the list
// does not collapse and reflow at every keystroke.
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_QUERY_TEXT, type BackgroundCalls, type ReqOf } from '../contracts/messages';
import type { SearchHit } from '../contracts/views';
import { formatCount, quoteStart } from '../shared/format';
import { t } from '../shared/i18n';

export const SEARCH_DEBOUNCE_MS = 120;

export type SearchState =
  | { status: 'idle' }
  /**
   * `hits` and `said`: the last answer's and its status line, kept until this one's come (the
   * status emptied and filled again read "2 stories" out after every pause in typing).
   */
  | { status: 'searching'; query: string; hits: SearchHit[]; said: string }
  | { status: 'done'; query: string; hits: SearchHit[] }
  | { status: 'error'; query: string };

/** The one call the search makes, as the popup's and the sidebar's callers both provide it. */
export type SearchCall = (type: 'search/stories', payload: ReqOf<BackgroundCalls, 'search/stories'>) => Promise<SearchHit[]>;

export function useStorySearch(call: SearchCall, query: string): SearchState {
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
    setState((last) => ({ status: 'searching', query: trimmed, hits: searchHits(last), said: searchStatusText(last) }));
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

/** The hits to list: the answer's, or the last answer's while the next is on its way. */
export function searchHits(state: SearchState): SearchHit[] {
  return state.status === 'done' || state.status === 'searching' ? state.hits : [];
}

/** The search's outcome in words, for the line under the box (read out as a status). */
export function searchStatusText(state: SearchState): string {
  switch (state.status) {
    case 'idle':
      return '';
    case 'searching':
      return state.said;
    case 'error':
      return t('searchFailed');
    case 'done':
      return state.hits.length === 0 ? t('searchStoredNoHits', quoteStart(state.query)) : formatCount('storyCount', state.hits.length);
  }
}
