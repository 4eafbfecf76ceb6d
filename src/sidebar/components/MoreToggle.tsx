// The button under a list the sidebar shortens at first (a big story's headlines, its opinions):
// it shows the rest and folds them back, and says which list it opens.
interface Props {
  open: boolean;
  /** The id of the list it opens. */
  controls: string;
  /** What it says: to show all, and to show fewer. */
  more: string;
  fewer: string;
  onToggle(): void;
}

export function MoreToggle({ open, controls, more, fewer, onToggle }: Props) {
  return (
    <button type="button" class="link-button more-toggle" aria-expanded={open} aria-controls={controls} onClick={onToggle}>
      {open ? fewer : more}
    </button>
  );
}
