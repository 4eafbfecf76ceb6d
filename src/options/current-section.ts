// Which section of the options page the reader is at, for the table of contents to show it.
// Pure (the page's measures in, an index out) so that it is tested without a layout engine.

/** Where the page stands: each section heading's top and the view's height, in CSS pixels. */
export interface SectionLayout {
  /** Each heading's top relative to the top of the view, in page order. */
  tops: readonly number[];
  viewHeight: number;
  /** The page is scrolled as far as it goes: the last sections may never reach the reading line. */
  atBottom: boolean;
  /** The heading the address's fragment names (the contents link last followed), -1 for none. */
  target: number;
}

/**
 * A heading at or above this share of the view has been reached: its section is the one being read
 * (a section jumped to from the contents sits at the top, within this line).
 */
export const READING_LINE = 0.25;

/**
 * The index of the section being read: the last whose heading has reached the reading line, else
 * the first. Scrolled to the bottom, the short last sections can never scroll up to the line, and
 * a jump to any of them ends at the same place: the one the reader jumped to (the fragment) is
 * taken while its heading is in view, else the last heading in view.
 */
export function currentSection({ tops, viewHeight, atBottom, target }: SectionLayout): number {
  if (tops.length === 0) return -1;
  const line = viewHeight * READING_LINE;
  let current = 0;
  for (let i = 0; i < tops.length; i++) if (tops[i]! <= line) current = i;
  if (atBottom) {
    const top = tops[target];
    if (target >= current && top !== undefined && top >= 0 && top < viewHeight) return target;
    for (let i = tops.length - 1; i > current; i--) {
      if (tops[i]! < viewHeight) return i;
    }
  }
  return current;
}
