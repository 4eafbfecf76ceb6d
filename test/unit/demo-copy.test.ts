// The demo site is written in our own words: no run of 8 words of any page's text (headlines aside:
// they are facts) stands in a seed page. The seeds are test data beside the repository
// (../shared/seed-stories); without them there is nothing to compare with, and the test says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { copiedRuns } from '../../scripts/lib/copy-check';
import { buildDemoSite } from '../../scripts/lib/demo-site';
import { readSeeds, readSeedTexts } from '../../scripts/lib/seed-parser';

const SEEDS = resolve(import.meta.dirname, '../../../shared/seed-stories');
const needsSeeds = existsSync(SEEDS) ? {} : { skip: 'needs ../shared/seed-stories (test data beside the repository)' };

/** What a reader sees of each page, headlines removed (the article's h1, the front page's links). */
function pageTexts(): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [path, html] of buildDemoSite()) {
    const doc = new JSDOM(html).window.document;
    for (const headline of doc.querySelectorAll('h1, main li > a')) headline.remove();
    texts[path] = doc.body.textContent ?? '';
  }
  return texts;
}

test('no run of 8 words of any demo page stands in a seed page', needsSeeds, () => {
  const texts = pageTexts();
  assert.ok(Object.keys(texts).length >= 11);
  assert.deepEqual(copiedRuns(texts, readSeedTexts(SEEDS)), []);
});

test('the check would catch a seed sentence on a demo page', needsSeeds, () => {
  const texts = pageTexts();
  const seedLead = readSeeds(SEEDS)[1]?.body[0] ?? '';
  const [first] = Object.keys(texts);
  assert.ok(first && seedLead.split(' ').length > 8);
  texts[first] += ` ${seedLead}`;
  assert.deepEqual([...new Set(copiedRuns(texts, readSeedTexts(SEEDS)).map((c) => c.path))], [first]);
});
