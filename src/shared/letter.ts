// Letter templates: `{name}`-style placeholders the reader fills in before sending a letter.
// Pure functions, so the sidebar and the tests share them.

const PLACEHOLDER = /\{([a-z][a-z0-9_-]{0,40})\}/gi;

/** The placeholders of a template, in order of first appearance, without repeats. */
export function placeholders(...texts: string[]): string[] {
  const seen = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(PLACEHOLDER)) seen.add(match[1]!.toLowerCase());
  return [...seen];
}

/** The text with every filled placeholder replaced; unfilled ones stay visible as `{name}`. */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, key: string) => values[key.toLowerCase()]?.trim() || whole);
}

/** A mailto: URL with subject and body (and the recipient when there is exactly one address). */
export function mailtoUrl(subject: string, body: string, to = ''): string {
  const params = new URLSearchParams({ subject, body }).toString().replace(/\+/g, '%20');
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?${params}`;
}

/** Human label for a placeholder key: `your_name` → "Your name". */
export function placeholderLabel(key: string): string {
  const words = key.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
