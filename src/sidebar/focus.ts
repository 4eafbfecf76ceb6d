// Moving focus when the panel's content changes, so keyboard and screen-reader users land on the new
// heading instead of on a control that no longer exists.
import { useEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';

export function useAutoFocus<T extends HTMLElement>(enabled = true): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    // Only while the reader is in the sidebar: focusing inside a document that does not have the
    // focus would pull it out of the page (a sidebar opened by itself on a chosen site, a side
    // panel following a tab switch).
    if (enabled && document.hasFocus()) ref.current?.focus({ preventScroll: true });
  }, [enabled]);
  return ref;
}
