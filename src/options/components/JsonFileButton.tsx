import type { ComponentChildren } from 'preact';

interface Props {
  /** The button's label. */
  children: ComponentChildren;
  /** Extra classes beside `button file-button` (e.g. `primary`). */
  variant?: string;
  disabled: boolean;
  testId: string;
  onFile(file: File): void;
}

/**
 * A button that picks one JSON file. The input is emptied as soon as it is read, so choosing the
 * same file again (after fixing it, or after an import cut short) fires again.
 */
export function JsonFileButton({ children, variant, disabled, testId, onFile }: Props) {
  return (
    <label class={variant ? `button ${variant} file-button` : 'button file-button'}>
      {children}
      <input
        type="file"
        accept=".json,application/json"
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
