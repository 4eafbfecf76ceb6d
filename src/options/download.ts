// Saving a file from the options page: a temporary object URL behind a link with `download`, the
// one way an extension page writes a file without the `downloads` permission.
export function downloadJson(name: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  // Revoked later, not at once: the browser reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `storyline-history-2026-11-24.json` */
export const datedName = (what: string, now = new Date()): string => `storyline-${what}-${now.toISOString().slice(0, 10)}.json`;
