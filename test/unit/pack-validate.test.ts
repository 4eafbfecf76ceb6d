// The pack validator: a good pack passes; each kind of mistake is reported at its exact place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Pack } from '../../src/formats/model';
import { isIsoDate, isIsoDateTime, validatePack } from '../../src/formats/pack-validate';

const starter = JSON.parse(readFileSync(new URL('../../assets/packs/starter.json', import.meta.url), 'utf8')) as Pack;

function minimal(): Pack {
  return {
    format: 1,
    id: 'p',
    publisher: 'Test',
    version: '1',
    updated: '2026-01-02T03:04:05Z',
    categories: [
      { id: 'world', name: 'World', actions: [{ id: 'a1', kind: 'learn', title: 'Read', details: 'Read more.' }] },
      { id: 'europe', name: 'Europe', parent: 'world', actions: [] },
    ],
    outlets: [{ id: 'example.com', name: 'Example', domain: 'example.com' }],
    stories: [{
      id: 's1',
      title: 'A story',
      summary: 'What happened.',
      categories: ['world'],
      articles: [{ id: 'r1', url: 'https://example.com/a', title: 'A', outlet: 'example.com', published: '2025-08-15T19:56:54-04:00', kind: 'report' }],
      opinions: [{ id: 'o1', title: 'View', author: 'Someone', summary: 'Argues.' }],
      actions: [{
        id: 'c1', kind: 'contact-official', title: 'Write', details: 'Write to them.',
        template: { subject: 'S', body: 'Dear {representative}, … {name}' },
        contacts: [{ name: 'A Person', email: 'a@example.com', checked: '2026-01-01' }],
        hashtags: ['Tag'],
      }],
    }],
  };
}

/** The errors of `minimal()` after `change`. */
function errorsAfter(change: (p: Pack & Record<string, unknown>) => void): string[] {
  const pack = minimal() as Pack & Record<string, unknown>;
  change(pack);
  const result = validatePack(pack);
  return result.ok ? [] : result.errors;
}

const story = (p: Pack) => p.stories[0]!;

test('the starter pack and a minimal pack pass', () => {
  assert.equal(validatePack(starter).ok, true);
  const result = validatePack(minimal());
  assert.deepEqual(result.ok ? [] : result.errors, []);
});

test('unknown extra keys are tolerated', () => {
  assert.deepEqual(errorsAfter((p) => {
    p['x-comment'] = 'hello';
    Object.assign(story(p), { extra: 1 });
  }), []);
});

test('not an object, wrong format, bad updated', () => {
  assert.deepEqual(validatePack([]), { ok: false, errors: ['pack: must be an object'] });
  assert.deepEqual(errorsAfter((p) => {
    (p as Record<string, unknown>)['format'] = 2;
    p.updated = '2026-01-02 03:04';
  }), ['format: must be 1', 'updated: not an ISO 8601 date-time with offset']);
});

test('URLs must be http(s)', () => {
  assert.deepEqual(errorsAfter((p) => {
    story(p).articles[0]!.url = 'javascript:alert(1)';
    story(p).opinions[0]!.url = 'not a url';
  }), ['stories[0].articles[0].url: not an http(s) URL', 'stories[0].opinions[0].url: not an http(s) URL']);
});

test('action kinds and article kinds must be known', () => {
  assert.deepEqual(errorsAfter((p) => {
    Object.assign(p.categories[0]!.actions[0]!, { kind: 'boycott' });
    Object.assign(story(p).articles[0]!, { kind: 'rumour' });
  }), [
    'categories[0].actions[0].kind: must be one of petition, contact-official, donate, volunteer, event, learn, share, write',
    'stories[0].articles[0].kind: must be one of report, opinion, analysis',
  ]);
});

test('references to unknown categories and outlets', () => {
  assert.deepEqual(errorsAfter((p) => {
    story(p).categories.push('sport');
    story(p).articles[0]!.outlet = 'nowhere.example';
    p.categories[1]!.parent = 'asia';
  }), [
    "categories[1].parent: unknown category 'asia'",
    "stories[0].categories[1]: unknown category 'sport'",
    "stories[0].articles[0].outlet: unknown outlet 'nowhere.example'",
  ]);
});

test('duplicate ids', () => {
  assert.deepEqual(errorsAfter((p) => {
    p.categories[1]!.id = 'world';
    p.categories[1]!.parent = undefined;
    story(p).articles.push({ ...story(p).articles[0]! });
    story(p).actions.push({ ...story(p).actions[0]! });
  }), [
    "categories[1].id: duplicate id 'world'",
    "stories[0].articles[1].id: duplicate id 'r1' (article ids are unique in the whole pack)",
    "stories[0].actions[1].id: duplicate id 'c1'",
  ]);
});

test('an article id used by two stories is refused: stored ids are packId/articleId', () => {
  assert.deepEqual(
    errorsAfter((p) => {
      const second = structuredClone(story(p));
      second.id = 'another-story';
      second.articles = [{ ...second.articles[0]! }];
      p.stories.push(second);
    }),
    ["stories[1].articles[0].id: duplicate id 'r1' (article ids are unique in the whole pack)"],
  );
});

test('dates: published needs an offset, checked a real date', () => {
  assert.deepEqual(errorsAfter((p) => {
    story(p).articles[0]!.published = '2025-08-15T19:56:54';
    story(p).actions[0]!.contacts![0]!.checked = '2025-02-30';
    story(p).actions[0]!.checked = 'last week';
  }), [
    'stories[0].articles[0].published: not an ISO 8601 date-time with offset',
    'stories[0].actions[0].contacts[0].checked: not an ISO date (YYYY-MM-DD)',
    'stories[0].actions[0].checked: not an ISO date (YYYY-MM-DD)',
  ]);
});

test('dates: a report or opinion dated before 1990 (a template\'s 0000-01-01) is refused', () => {
  assert.deepEqual(errorsAfter((p) => {
    story(p).articles[0]!.published = '0000-01-01T00:00:00Z';
    story(p).opinions = [{ id: 'o1', title: 'View', source: 'Example', summary: 'Argues.', published: '1989-12-31T23:59:59Z', kind: 'opinion' }];
  }), [
    'stories[0].articles[0].published: not a publication date: an ISO 8601 date-time with offset, from 1990 on',
    'stories[0].opinions[0].published: not a publication date: an ISO 8601 date-time with offset, from 1990 on',
  ]);
  assert.deepEqual(errorsAfter((p) => void (story(p).articles[0]!.published = '1990-01-01T00:00:00Z')), []);
});

test('contacts need a checked date; emails, hashtags and templates are checked', () => {
  assert.deepEqual(errorsAfter((p) => {
    const action = story(p).actions[0]!;
    Object.assign(action.contacts![0]!, { checked: undefined, email: 'nobody' });
    action.hashtags = ['#Tag', 'two words'];
    action.template = { subject: '', body: 'Dear {representative' };
  }), [
    'stories[0].actions[0].template.subject: must be a non-empty string',
    'stories[0].actions[0].template.body: has a {placeholder} the letter cannot fill: write {name}, a letter then letters, digits, _ or -, closed on the same line',
    'stories[0].actions[0].contacts[0].email: not an email address',
    'stories[0].actions[0].contacts[0].checked: must be a non-empty string',
    "stories[0].actions[0].hashtags[0]: must be a word without '#' or spaces",
    "stories[0].actions[0].hashtags[1]: must be a word without '#' or spaces",
  ]);
});

test('wrong types and missing fields', () => {
  assert.deepEqual(errorsAfter((p) => {
    Object.assign(story(p), { title: 42, opinions: 'none' });
    Object.assign(p.outlets[0]!, { domain: 'Example.COM/path', lean: '' });
    Object.assign(p, { stories: [story(p), null] });
  }), [
    'outlets[0].domain: not a lower-case domain name',
    'outlets[0].lean: must be a non-empty string',
    'stories[0].title: must be a non-empty string',
    'stories[0].opinions: must be an array',
    'stories[1]: must be an object',
  ]);
});

test('ISO checkers', () => {
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2025-02-29'), false);
  assert.equal(isIsoDateTime('2025-08-15T19:56:54.123+05:30'), true);
  assert.equal(isIsoDateTime('2025-08-15T24:00:00Z'), false);
  assert.equal(isIsoDateTime('2025-08-15'), false);
});

test('a category may carry a description of at most 500 characters', () => {
  assert.deepEqual(errorsAfter((p) => {
    p.categories[0]!.description = 'News from other countries and between them.';
    p.categories[1]!.description = 'é'.repeat(500);
  }), []);
  assert.deepEqual(errorsAfter((p) => {
    p.categories[0]!.description = '  ';
    // 500 astral characters are 1000 UTF-16 units: the limit counts characters, as JSON Schema does.
    p.categories[1]!.description = `${'𝔸'.repeat(500)}!`;
    Object.assign(p.categories, { 2: { id: 'asia', name: 'Asia', description: 7, actions: [] } });
  }), [
    'categories[0].description: must be a non-empty string',
    'categories[1].description: longer than 500 characters',
    'categories[2].description: must be a non-empty string',
  ]);
});

test('a pack of categories only, with no outlets or stories, is a pack', () => {
  assert.deepEqual(errorsAfter((p) => Object.assign(p, { outlets: [], stories: [] })), []);
});

test('an opinion may come without a byline and with a time and kind; a credited summary is checked part by part', () => {
  const pack = minimal();
  const story = pack.stories[0]!;
  story.opinions = [{ id: 'o1', title: 'View', source: 'Example', summary: 'Argues.', published: '2025-08-16T12:00:00Z', kind: 'analysis', url: 'https://example.com/o' }];
  story.summaryParts = [{ text: 'What happened.', source: 'Example', url: 'https://example.com/a' }];
  assert.deepEqual(validatePack(pack).ok ? [] : (validatePack(pack) as { errors: string[] }).errors, []);
  const bad = structuredClone(pack) as unknown as { stories: { opinions: Record<string, unknown>[]; summaryParts: Record<string, unknown>[] }[] };
  bad.stories[0]!.opinions[0]!['published'] = 'yesterday';
  bad.stories[0]!.opinions[0]!['kind'] = 'report';
  bad.stories[0]!.summaryParts[0]!['source'] = '';
  const result = validatePack(bad);
  assert.equal(result.ok, false);
  const errors = (result as { errors: string[] }).errors.join('\n');
  assert.match(errors, /opinions\[0\]\.published/);
  assert.match(errors, /opinions\[0\]\.kind/);
  assert.match(errors, /summaryParts\[0\]\.source/);
});

test('a blank date, URL or address is told it must be non-empty, as any blank text is', () => {
  assert.deepEqual(errorsAfter((p) => {
    p.updated = ' ';
    story(p).articles[0]!.url = '';
    Object.assign(story(p).actions[0]!.contacts![0]!, { email: ' ', checked: '' });
  }), [
    'updated: must be a non-empty string',
    'stories[0].articles[0].url: must be a non-empty string',
    'stories[0].actions[0].contacts[0].email: must be a non-empty string',
    'stories[0].actions[0].contacts[0].checked: must be a non-empty string',
  ]);
});

test('one message per place, in document order, schema checks and reference checks together', () => {
  assert.deepEqual(errorsAfter((p) => {
    p.categories[1]!.parent = 'europe';
    Object.assign(story(p), { categories: ['nowhere', 'x'.repeat(201), 5] });
    story(p).articles[0]!.url = `https://example.com/${'a'.repeat(2048)}`;
    delete (story(p).articles[0] as unknown as Record<string, unknown>)['title'];
  }), [
    'categories[1].parent: a category cannot be its own parent',
    "stories[0].categories[0]: unknown category 'nowhere'",
    'stories[0].categories[1]: longer than 200 characters',
    'stories[0].categories[2]: must be a string',
    'stories[0].articles[0].url: longer than 2048 characters',
    'stories[0].articles[0].title: must be a non-empty string',
  ]);
});

test('categories whose parents lead back to them are refused, each cycle once; the check is linear', () => {
  assert.deepEqual(errorsAfter((p) => {
    p.categories[0]!.parent = 'europe';
  }), ['categories[0].parent: its parents lead back to it (world → europe → world)']);
  // A cycle reached from a category outside it (asia → world → europe → world) is still named.
  assert.deepEqual(errorsAfter((p) => {
    p.categories.unshift({ id: 'asia', name: 'Asia', parent: 'world', actions: [] });
    p.categories[1]!.parent = 'europe';
  }), ['categories[1].parent: its parents lead back to it (world → europe → world)']);
  // A chain of 20,000 parents, each category's walk ending where an earlier one was cleared.
  const long = minimal();
  long.categories = Array.from({ length: 20_000 }, (_, i) => ({ id: `c${i}`, name: `C${i}`, actions: [], ...(i > 0 ? { parent: `c${i - 1}` } : {}) }));
  long.stories[0]!.categories = ['c0'];
  const started = performance.now();
  assert.equal(validatePack(long).ok, true);
  assert.ok(performance.now() - started < 2_000, 'a long chain is checked in linear time');
});

test('a value that cannot be turned into text (an object without a prototype) is named by its kind, never thrown on', () => {
  const errors = errorsAfter((p) => {
    (story(p).articles[0] as unknown as Record<string, unknown>)['outlet'] = Object.create(null);
  });
  assert.ok(errors.some((e) => /stories\[0\]\.articles\[0\]\.outlet/.test(e)), errors.join('\n'));
});
