import type { ComponentChildren } from 'preact';
import { busyAttributes } from '../../ui/busy-button';

interface Props {
  /** The button's label. */
  children: ComponentChildren;
  /** Extra classes beside `button file-button` (e.g. `primary`). */
  variant?: string;
  /** Nothing can be chosen now: the native attribute, out of the tab order. */
  disabled?: boolean;
  /**
   * Working on what the reader pressed: the input keeps the focus (busy-button.tsx), marked
   * aria-disabled, and opens no file chooser.
   */
  busy?: boolean;
  testId: string;
  onFile(file: File): void;
}

/**
 * A button that picks one JSON file. The input is emptied as soon as it is read, so choosing the
 * same file again (after fixing it, or after an import cut short) fires again.
 */
export function JsonFileButton({ children, variant, disabled = false, busy = false, testId, onFile }: Props) {
  return (
    <label class={variant ? `button ${variant} file-button` : 'button file-button'}>
      {children}
      <input
        type="file"
        accept=".json,application/json"
        disabled={disabled}
        {...busyAttributes(busy)}
        data-testid={testId}
        onClick={(event) => {
          // Busy: the press does nothing (the label's click comes here too).
          if (busy) event.preventDefault();
        }}
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          // A file that reaches it while busy (dropped on it) waits for the reader's next choice.
          if (file && !busy) onFile(file);
        }}
      />
    </label>
  );
}
