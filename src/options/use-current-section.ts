// The options page's current section, kept as the reader scrolls (current-section.ts decides).
import { useEffect, useState } from 'preact/hooks';
import { currentSection } from './current-section';

/** The id, among `ids` (section headings in page order), of the section being read; null before the first measure. */
export function useCurrentSection(ids: readonly string[]): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    const measure = (): void => {
      const headings = ids.map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
      const index = currentSection({
        tops: headings.map((h) => h.getBoundingClientRect().top),
        viewHeight: window.innerHeight,
        atBottom: Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1,
        target: headings.findIndex((h) => `#${h.id}` === window.location.hash),
      });
      setCurrent(headings[index]?.id ?? null);
    };
    // Browsers fire scroll and resize once a frame at most (in the frame's rendering steps), so each
    // is measured as it comes. A followed contents link that does not scroll (the page already at
    // its bottom) still names another section: hashchange.
    const events = ['scroll', 'resize', 'hashchange'] as const;
    for (const type of events) window.addEventListener(type, measure, { passive: true });
    measure();
    return () => {
      for (const type of events) window.removeEventListener(type, measure);
    };
  }, [ids]);
  return current;
}
