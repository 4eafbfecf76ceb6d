// Granting sources their access again from the options page: every source of a section in one
// prompt (a reader who withdrew Storyline's access did so for all at once), asked before anything
// is awaited (Firefox grants only while it handles the click), then each refreshed, one failing
// keeping none of the others from theirs; a refusal is said, and nothing is fetched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './ui/dom';
import { grantAccess } from '../../src/options/grant-access';
import type { OptionsPlatform } from '../../src/options/platform';

const URLS = ['https://one.example/feed.xml', 'https://two.example/feed.xml', 'https://three.example/feed.xml'];

/** A platform whose prompt answers `grants`, recording each prompt's addresses. */
function platform(grants: boolean) {
  const prompts: string[][] = [];
  const fake: OptionsPlatform = {
    requestAccess: async (...urls) => {
      prompts.push(urls);
      return grants;
    },
    onImportProgress: () => () => undefined,
    onSourcesChanged: () => () => undefined,
    onSettingsChanged: () => () => undefined,
  };
  return { fake, prompts };
}

/** A refresh that fails for `failing` (removed meanwhile from another page), recording each one asked for. */
function refresher(failing: ReadonlySet<string> = new Set()) {
  const asked: string[] = [];
  const refresh = async (url: string): Promise<null> => {
    asked.push(url);
    if (failing.has(url)) throw new Error('no such feed');
    return null;
  };
  return { refresh, asked };
}

test('all of a section\'s sources: one prompt for all, asked first; each refreshed, one failing stops none', async () => {
  const { fake, prompts } = platform(true);
  const { refresh, asked } = refresher(new Set([URLS[1]!]));
  const granting = grantAccess(fake, URLS, refresh);
  assert.deepEqual(prompts, [URLS], 'asked at once, before anything is awaited');
  assert.equal(await granting, 'Access granted; 2 sources were refreshed.');
  assert.equal(prompts.length, 1, 'one prompt');
  assert.deepEqual(asked, URLS, 'the one after the failure too');
});

test('refused in the one prompt: said, and nothing refreshed', async () => {
  const { fake } = platform(false);
  const { refresh, asked } = refresher();
  await assert.rejects(grantAccess(fake, URLS, refresh), { message: 'Access was not granted. The sources stay, but they cannot be refreshed.' });
  assert.deepEqual(asked, []);
});

test('one source: said by its host and address', async () => {
  const { refresh, asked } = refresher();
  assert.equal(await grantAccess(platform(true).fake, [URLS[0]!], refresh), `Access to one.example granted; ${URLS[0]} was refreshed.`);
  assert.deepEqual(asked, [URLS[0]]);
  await assert.rejects(grantAccess(platform(false).fake, [URLS[0]!], refresh), { message: 'Access to one.example was not granted. The source stays, but it cannot be refreshed.' });
  assert.deepEqual(asked, [URLS[0]], 'refused: not refreshed');
});
