import type { Outcome } from '../use-action';

/** The result of the last action in a section: a polite status, or an alert when it failed (either may name an address). */
export function OutcomeLine({ outcome }: { outcome: Outcome | null }) {
  if (outcome?.kind === 'error') {
    return (
      <p class="message-error preserve-lines long-words" role="alert">
        {outcome.text}
      </p>
    );
  }
  return (
    <p class="muted long-words" role="status">
      {outcome?.text ?? ''}
    </p>
  );
}
