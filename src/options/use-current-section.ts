// The options page's current section, kept as the reader scrolls (current-section.ts decides).
import { useEffect, useState } from 'preact/hooks';
import { currentSection } from './current-section';

/** The id, among `ids` (section headings in page order), of the section being read; null before the first measure. */
export function useCurrentSection(ids: readonly string[]): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    let frame = 0;
    const measure = (): void => {
      frame = 0;
      const headings = ids.map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
      const index = currentSection({
        tops: headings.map((h) => h.getBoundingClientRect().top),
        viewHeight: window.innerHeight,
        atBottom: Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1,
      });
      setCurrent(headings[index]?.id ?? null);
    };
    // One measure a frame at most, however many scroll and resize events the frame brings.
    const schedule = (): void => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule, { passive: true });
    schedule();
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [ids]);
  return current;
}
