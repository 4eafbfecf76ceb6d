// A row removed with its own button takes the focus with it: the browser puts it on the page's
// body, and a keyboard or screen-reader user starts again from the top. This hook moves it where the
// reader was instead: the same button of the row that took the removed row's place (the next one,
// or the last when the removed row was last), else the section's fallback (its add field, or its
// heading) once the list is empty. A button that goes while its row stays (the row's "Forget
// answer", once there is no answer) hands the focus to the control that followed it in the row; one
// that stays but can no longer be used ("Clear history" once history is empty) to the next of its
// list, else the fallback.
//
// Usage: the section's root takes the returned ref; each row's removing button carries
// `data-removes`, valued when the section holds more than one list (the focus stays in the list the
// row was in); the element to fall back on carries `data-removal-fallback` (focusable, or with
// tabIndex -1). `rows` are what the lists are drawn from: the focus moves once one has changed.
//
// The sections disable their buttons while a change is under way, and Chromium then drops the focus
// on the body at once (Firefox leaves it on the disabled button): a destination still disabled when
// the rows change is waited for, render by render, until the section is done.
import { useEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';

const CONTROL = '[data-removes]';
// List names are the components' own words, never the page's.
const controlsOf = (list: string): string => `[data-removes="${list}"]`;

interface Pressed {
  /** The list of the control pressed, and its place among that list's controls. */
  list: string;
  place: number;
  control: Element;
  /** The control that followed it in its row, if any. */
  after: Element | null;
  /** Whether the rows changed since: the change has landed, and the focus may move. */
  landed: boolean;
}

const usable = (element: Element): element is HTMLElement => element instanceof HTMLElement && element.isConnected && !element.matches(':disabled');

/** Where the focus goes after `last`, or 'wait' while that place is disabled (the section is busy). */
function destination(section: HTMLElement, last: Pressed): HTMLElement | null | 'wait' {
  if (!usable(last.control) && last.after?.isConnected) return usable(last.after) ? last.after : 'wait';
  // The pressed control itself only while it can still be used: one disabled for good is passed over.
  const controls = [...section.querySelectorAll(controlsOf(last.list))].filter((c) => c !== last.control || usable(c));
  const next = controls[Math.min(last.place, controls.length - 1)];
  if (next) return usable(next) ? next : 'wait';
  return section.querySelector<HTMLElement>('[data-removal-fallback]');
}

export function useFocusAfterRemoval<T extends HTMLElement>(...rows: unknown[]): RefObject<T | null> {
  const root = useRef<T>(null);
  /** The removing control last pressed, until the focus has gone where it should. */
  const pressed = useRef<Pressed | null>(null);

  useEffect(() => {
    const element = root.current;
    if (!element) return undefined;
    const onClick = (event: Event): void => {
      const control = event.target instanceof Element ? event.target.closest(CONTROL) : null;
      const list = control?.getAttribute('data-removes') ?? '';
      if (control) pressed.current = { list, place: [...element.querySelectorAll(controlsOf(list))].indexOf(control), control, after: control.nextElementSibling, landed: false };
    };
    // A key or a pointer pressed since (before the click it may make, which comes after): the
    // reader moved on, and a change that lands later does not pull the focus back.
    const onOther = (): void => {
      pressed.current = null;
    };
    const page = element.ownerDocument;
    // Capture: the place is read before the click's own handler changes anything.
    element.addEventListener('click', onClick, true);
    page.addEventListener('keydown', onOther, true);
    page.addEventListener('pointerdown', onOther, true);
    return () => {
      element.removeEventListener('click', onClick, true);
      page.removeEventListener('keydown', onOther, true);
      page.removeEventListener('pointerdown', onOther, true);
    };
  }, []);

  useEffect(() => {
    if (pressed.current) pressed.current.landed = true;
  }, rows);

  // After every render while a press is pending: declared after the one above, so it runs after it.
  useEffect(() => {
    const last = pressed.current;
    const element = root.current;
    if (!last?.landed || last.place < 0 || !element) return;
    // Only when the focus was lost with the control (or is stuck on it, disabled): a reader who
    // moved on keeps their place.
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected && (active !== last.control || usable(active))) {
      pressed.current = null;
      return;
    }
    const next = destination(element, last);
    if (next === 'wait') return;
    pressed.current = null;
    next?.focus();
  });

  return root;
}
