// The colour tokens keep the contrast their comments promise, in both schemes: text 4.5:1 on every
// background it is set on (WCAG 1.4.3), a field's border 3:1 (1.4.11: the border is all that shows
// where a field is). Read from src/ui/tokens.css itself, so a colour changed there is checked here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const css = readFileSync(new URL('../../../src/ui/tokens.css', import.meta.url), 'utf8');
const pairs = new Map([...css.matchAll(/(--[\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)].map((m) => [m[1]!, [m[2]!, m[3]!] as const]));

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const ratio = (a: string, b: string): number => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

function check(foreground: string, backgrounds: string[], least: number): void {
  for (const scheme of [0, 1] as const) {
    for (const background of backgrounds) {
      const [fg, bg] = [pairs.get(foreground)?.[scheme], pairs.get(background)?.[scheme]];
      assert.ok(fg && bg, `${foreground} and ${background} are light-dark() pairs`);
      const r = ratio(fg, bg);
      assert.ok(r >= least, `${foreground} on ${background} (${scheme ? 'dark' : 'light'}): ${r.toFixed(2)}:1, below ${least}:1`);
    }
  }
}

test('text and muted text are 4.5:1 on every background', () => {
  check('--text', ['--bg', '--surface', '--surface-2'], 4.5);
  check('--muted', ['--bg', '--surface', '--surface-2'], 4.5);
  check('--accent', ['--bg', '--surface'], 4.5);
});

test('a field\'s border is 3:1 on every background a field sits on', () => {
  check('--field-border', ['--bg', '--surface', '--surface-2'], 3);
});
