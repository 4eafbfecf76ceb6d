import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface Props {
  /** The stable `data-section` hook (categories, coverage, opinions, actions). */
  name: string;
  title: string;
  /** A short line beside the heading, such as a count. */
  aside?: string;
  children: ComponentChildren;
}

/** One labelled landmark of the story page: screen readers list it by its heading. */
export function Section({ name, title, aside, children }: Props) {
  const headingId = useId();
  return (
    <section class="section" data-section={name} aria-labelledby={headingId}>
      <div class="section-head">
        <h2 id={headingId} class="section-title">
          {title}
        </h2>
        {aside && <p class="section-aside">{aside}</p>}
      </div>
      {children}
    </section>
  );
}
