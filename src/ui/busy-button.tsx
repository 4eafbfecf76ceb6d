// A control busy with the reader's own press keeps the focus. A focused control that becomes
// `disabled` loses it in Chromium (to the page's body, where it stays once the control is enabled
// again: a keyboard or screen-reader user starts again from the top), so while busy it is only
// marked `aria-disabled="true"` (read out as unavailable, styled as disabled in tokens.css) and its
// press does nothing: no second call, and no second submit of its form (a submit button's click is
// cancelled, which also stops the implicit submission of Enter in one of the form's fields).
//
// Two states, kept apart on purpose:
// - `busy`: the work the reader's press started is under way. The control stays focusable.
// - `disabled`: there is nothing to do (nothing to save, no choice made): the native attribute,
//   which takes the control out of the tab order. Never set it for busy.
//
// Removing buttons of the options page hand the focus on instead (focus-after-removal.ts).
import type { ButtonHTMLAttributes, TargetedMouseEvent } from 'preact';

/** The attributes of a control (a button, a select, a file input) busy with the reader's press. */
export function busyAttributes(busy: boolean): { 'aria-disabled'?: 'true' } {
  return busy ? { 'aria-disabled': 'true' } : {};
}

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'aria-disabled'> & {
  /** The reader's press is being acted on: focusable, marked unavailable, and pressing it does nothing. */
  busy: boolean;
  onClick?: (event: TargetedMouseEvent<HTMLButtonElement>) => void;
};

/** A `<button>` that stays focusable while busy (see above); `disabled` is only for nothing to do. */
export function BusyButton({ busy, onClick, ...rest }: Props) {
  return (
    <button
      {...rest}
      {...busyAttributes(busy)}
      onClick={(event) => {
        if (busy) {
          // Not again, and not the form's submit either.
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    />
  );
}
