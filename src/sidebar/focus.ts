// Moving focus when the panel's content changes, so keyboard and screen-reader users land on the new
// heading instead of on a control that no longer exists.
import { useEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';

export function useAutoFocus<T extends HTMLElement>(enabled = true): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus({ preventScroll: true });
  }, [enabled]);
  return ref;
}
