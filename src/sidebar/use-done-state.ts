// Optimistic done/not-done state for a story's checklist: the box ticks at once, the background is
// told, and a failed save puts the box back and says so politely.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { ActionView } from '../contracts/views';
import { useCall } from './api';

export interface DoneState {
  isDone(action: ActionView): boolean;
  setDone(action: ActionView, done: boolean): void;
  /** The last save failure, for a polite live region; null when all is saved. */
  error: string | null;
}

export function useDoneState(storyId: string): DoneState {
  const call = useCall();
  const [overrides, setOverrides] = useState<Readonly<Record<string, boolean>>>({});
  const [error, setError] = useState<string | null>(null);

  const isDone = (action: ActionView): boolean => overrides[action.id] ?? action.done;

  const setDone = (action: ActionView, done: boolean): void => {
    setOverrides((current) => ({ ...current, [action.id]: done }));
    setError(null);
    call('action/set-done', { storyId, actionId: action.id, done }).catch(() => {
      setOverrides((current) => ({ ...current, [action.id]: !done }));
      setError(t('actionSaveFailed', action.title));
    });
  };

  return { isDone, setDone, error };
}
