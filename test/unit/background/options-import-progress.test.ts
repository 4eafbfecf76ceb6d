// A pack import's progress, broadcast to every options tab, carries the id the page that started
// it gave it (each tab shows its own import's alone); an import sent without one (a script) still
// reports its progress, without an id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Result } from '../../../src/contracts/call-result';
import { isImportProgress, type ImportProgress } from '../../../src/contracts/source-events';
import { samplePack } from '../../fixtures/packs';
import { pageSender, startFakeBackground } from './background-env';

const options = pageSender('options.html');

test("each import's progress names the import it is of", async () => {
  const bg = startFakeBackground();
  const progress = (): ImportProgress[] => bg.broadcasts.filter(isImportProgress);
  const answer = (await bg.send({ type: 'pack/import', payload: { text: JSON.stringify(samplePack()), importId: 'tab-a-import-1' } }, options)) as Result<unknown>;
  assert.ok(answer.ok);
  const first = progress();
  assert.ok(first.length > 0, 'progress was reported');
  assert.deepEqual(new Set(first.map((p) => p.importId)), new Set(['tab-a-import-1']));
  const last = first.at(-1)!;
  assert.equal(last.done, last.total, 'up to the end');

  assert.ok(((await bg.send({ type: 'pack/import', payload: { text: JSON.stringify(samplePack('2')) } }, options)) as Result<unknown>).ok);
  const second = progress().slice(first.length);
  assert.ok(second.length > 0);
  assert.ok(second.every((p) => !('importId' in p)), 'no id given, none sent');
});
