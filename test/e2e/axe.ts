// axe-core run inside a document of the extension (the in-page sidebar frame, the popup, the options
// page). The library is evaluated into the document through the debugging protocol, which the
// pages' content security policy does not govern; nothing of it ships with the extension.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Surface } from './driver/types';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA, plus axe's best practices (landmarks, one main heading, …). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Violations as one line each: rule, impact and the first few elements it found. */
export async function axeViolations(surface: Surface): Promise<string[]> {
  await surface.evaluate(`(() => { if (!globalThis.axe) { ${AXE_SOURCE}\n } return typeof globalThis.axe; })()`);
  return surface.evaluate<string[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')))`,
  );
}
