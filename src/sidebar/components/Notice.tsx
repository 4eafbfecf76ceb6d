import type { ComponentChildren } from 'preact';
import { useAutoFocus } from '../focus';

interface Props {
  title: string;
  detail?: string;
  /** 'alert' for failures, 'status' for calm states such as "no match". */
  role: 'alert' | 'status';
  children?: ComponentChildren;
  /** Shown with the notice but outside its live region: what changes while the notice stands. */
  after?: ComponentChildren;
}

/** A whole-panel message: the panel is never blank, whatever the background answered. */
export function Notice({ title, detail, role, children, after }: Props) {
  const headingRef = useAutoFocus<HTMLHeadingElement>();
  return (
    <div class={`notice notice-${role}`}>
      <div role={role}>
        <h1 class="notice-title" tabIndex={-1} ref={headingRef}>
          {title}
        </h1>
        {detail && <p class="notice-detail">{detail}</p>}
        {children}
      </div>
      {after}
    </div>
  );
}
