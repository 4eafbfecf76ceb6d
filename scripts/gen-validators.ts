// Writes the validators generated from schemas/ into src/formats/generated/ (committed, so Node
// scripts such as `npm run pack` and the tests need no build step; the build and a unit test
// refuse a stale one):
//   npx tsx scripts/gen-validators.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build';
import { generatedFiles, staleGenerated } from './lib/schema-codegen';

const stale = new Set(staleGenerated(ROOT));
for (const [path, text] of generatedFiles(ROOT)) if (stale.has(path)) writeFileSync(join(ROOT, path), text);
console.log(stale.size ? `wrote ${[...stale].join(', ')}` : 'up to date');
