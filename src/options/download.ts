// Saving a file from the options page: a temporary object URL behind a link with `download`, the
// one way an extension page writes a file without the `downloads` permission.
export function downloadJson(name: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  // Revoked later, not at once: the browser reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/**
 * `storyline-history-2026-11-24.json`, dated by the reader's own calendar: an export made on the
 * evening of the 24th in New York is the 24th's, though it is already the 25th in UTC.
 */
export const datedName = (what: string, now = new Date()): string =>
  `storyline-${what}-${now.getFullYear()}-${twoDigits(now.getMonth() + 1)}-${twoDigits(now.getDate())}.json`;
