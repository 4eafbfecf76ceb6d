// The reading history's search: what the reader typed, and what the background found for it (every
// entry is searched, not only those listed). It asks once the reader pauses (each keystroke asked,
// and the background read all of history each time: six searches for "police"); only the latest
// question's answer is shown, whatever order the answers come in.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryView } from '../contracts/views';
import { errorText } from '../shared/error-text';
import type { Call } from './App';

export interface Found {
  query: string;
  entries: HistoryView[];
  /** Entries that match in all (more than are listed when the search is broad). */
  matched: number;
}

export interface HistoryFind {
  query: string;
  /** Null while the search box is blank: the newest entries are listed instead. */
  found: Found | null;
  /** Why the last search failed, or ''. */
  failed: string;
  search(query: string): void;
  /** The same search again, after history changed under it. */
  again(): Promise<void>;
}

/** How long typing pauses before the search is made: the popup's story search waits as long. */
export const HISTORY_FIND_DEBOUNCE_MS = 120;

export function useHistoryFind(call: Call): HistoryFind {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [failed, setFailed] = useState('');
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const ask = async (q: string): Promise<void> => {
    const asked = ++latest.current;
    if (!q.trim()) {
      setFound(null);
      setFailed('');
      return;
    }
    try {
      const answer = await call('history/find', { query: q });
      if (asked === latest.current) {
        setFound({ query: q, ...answer });
        setFailed('');
      }
    } catch (error) {
      if (asked === latest.current) setFailed(errorText(error));
    }
  };

  return {
    query,
    found,
    failed,
    search(q) {
      setQuery(q);
      clearTimeout(timer.current);
      // A blank box brings the newest entries back at once; words wait for a pause in the typing.
      if (!q.trim()) void ask(q);
      else timer.current = setTimeout(() => void ask(q), HISTORY_FIND_DEBOUNCE_MS);
    },
    again: () => ask(query),
  };
}
