// A row removed with its own button takes the focus with it: the browser puts it on the page's
// body, and a keyboard or screen-reader user starts again from the top. This hook moves it where the
// reader was instead: the same button of the row that took the removed row's place (the next one,
// or the last when the removed row was last), else the section's fallback (its add field, or its
// heading) once the list is empty.
//
// Usage: the section's root takes the returned ref; each row's removing button carries
// `data-removes`, valued when the section holds more than one list (the focus stays in the list the
// row was in); the element to fall back on carries `data-removal-fallback` (focusable, or with
// tabIndex -1). `rows` are what the lists are drawn from: the focus moves when one changes.
import { useEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';

const CONTROL = '[data-removes]';
// List names are the components' own words, never the page's.
const controlsOf = (list: string): string => `[data-removes="${list}"]`;

export function useFocusAfterRemoval<T extends HTMLElement>(...rows: unknown[]): RefObject<T | null> {
  const root = useRef<T>(null);
  /** The list and place among its removing buttons of the one last pressed, until the rows change. */
  const pressed = useRef<{ list: string; place: number } | null>(null);

  useEffect(() => {
    const element = root.current;
    if (!element) return undefined;
    const onClick = (event: Event): void => {
      const control = event.target instanceof Element ? event.target.closest(CONTROL) : null;
      const list = control?.getAttribute('data-removes') ?? '';
      if (control) pressed.current = { list, place: [...element.querySelectorAll(controlsOf(list))].indexOf(control) };
    };
    // Capture: the place is read before the click's own handler changes anything.
    element.addEventListener('click', onClick, true);
    return () => element.removeEventListener('click', onClick, true);
  }, []);

  useEffect(() => {
    const last = pressed.current;
    pressed.current = null;
    const element = root.current;
    if (last === null || last.place < 0 || !element) return;
    // Only when the focus was lost with the row: a reader who moved on keeps their place.
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const controls = element.querySelectorAll<HTMLElement>(controlsOf(last.list));
    const next = controls[Math.min(last.place, controls.length - 1)] ?? element.querySelector<HTMLElement>('[data-removal-fallback]');
    next?.focus();
  }, rows);

  return root;
}
