// The CSS half of the zone rules (eslint.config.js checks imports from script; ESLint reads no CSS):
// a stylesheet @imports only stylesheets of its own folder or of src/ui/, so no page's look
// depends on another process's files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(import.meta.dirname, '../../src');

/** Every .css file under src/, relative to it. */
function stylesheets(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.css'));
}

/** The top folder of src/ a path lies in ('sidebar' for sidebar/styles/story.css). */
function zoneOf(file: string): string {
  return file.split(/[\\/]/)[0]!;
}

/** The problems of one stylesheet: each @import that leaves its own folder for anything but ui/. */
function crossImports(file: string, text: string): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(/@import\s+(?:url\()?\s*['"]([^'"]+)['"]/g)) {
    const target = relative(SRC, join(SRC, dirname(file), match[1]!));
    const to = zoneOf(target);
    if (to !== zoneOf(file) && to !== 'ui') problems.push(`${file} imports ${target}`);
  }
  return problems;
}

test('a stylesheet imports only its own folder and ui/', () => {
  const files = stylesheets();
  assert.ok(files.length >= 5, `found only ${files.length} stylesheets under src/`);
  assert.deepEqual(files.flatMap((file) => crossImports(file, readFileSync(join(SRC, file), 'utf8'))), []);
});

test('the check sees a cross import', () => {
  assert.deepEqual(crossImports('popup/popup.css', "@import '../sidebar/styles/story.css';\n@import '../ui/tokens.css';"), ['popup/popup.css imports sidebar/styles/story.css']);
});
