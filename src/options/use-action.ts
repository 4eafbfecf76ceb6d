// A button's work: runs one call at a time and keeps its outcome as a status line to announce.
import { useState } from 'preact/hooks';
import { errorText } from '../shared/error-text';

export interface Outcome {
  kind: 'ok' | 'error';
  text: string;
}

export function useAction(): { busy: boolean; outcome: Outcome | null; run: (work: () => Promise<string>) => Promise<void>; setOutcome: (o: Outcome | null) => void } {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = async (work: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'ok', text: await work() });
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, outcome, run, setOutcome };
}
