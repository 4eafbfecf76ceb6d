import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillTemplate, mailtoUrl, placeholderLabel, placeholders } from '../../src/sidebar/letter';

test('placeholders are found in order, once each, across subject and body', () => {
  assert.deepEqual(placeholders('To {Representative}', 'Dear {representative}, I am {name} of {address}. {name}'), ['representative', 'name', 'address']);
  assert.deepEqual(placeholders('no placeholders here, {not one}'), []);
});

test('filling replaces what the reader gave and leaves the rest visible', () => {
  const body = 'Dear {representative}, from {name} ({email}).';
  assert.equal(fillTemplate(body, { representative: 'Senator Doe', name: '  Ana ' }), 'Dear Senator Doe, from Ana ({email}).');
  assert.equal(fillTemplate(body, {}), body);
});

test('mailto URLs carry subject and body encoded, spaces as %20', () => {
  const url = mailtoUrl('Peace & Ukraine', 'Line one\nLine two', 'office@example.gov');
  assert.equal(url, 'mailto:office@example.gov?subject=Peace%20%26%20Ukraine&body=Line%20one%0ALine%20two');
  assert.match(mailtoUrl('S', 'B'), /^mailto:\?subject=S&body=B$/);
});

test('placeholder labels read as words', () => {
  assert.equal(placeholderLabel('your_name'), 'Your name');
  assert.equal(placeholderLabel('representative'), 'Representative');
});

test('a letter is filled from the story, the reader\'s name and their officials; the rest stays a visible blank', async () => {
  const { readFileSync } = await import('node:fs');
  const { catalogSource, setMessageSource } = await import('../../src/shared/i18n');
  const { letterValues } = await import('../../src/sidebar/letter');
  const { officialsFor } = await import('../../src/sidebar/officials');
  const { parseDirectory } = await import('../../src/formats/officials-format');
  setMessageSource(catalogSource(JSON.parse(readFileSync(new URL('../../assets/_locales/en/messages.json', import.meta.url), 'utf8')), 'en-US'));
  const directory = parseDirectory(JSON.parse(readFileSync(new URL('../fixtures/officials/expected.json', import.meta.url), 'utf8')));
  const body = 'Dear {representative} and {senators},\nAbout "{story}": {ask}.\n{name}';

  const wa = letterValues({ story: ' Ferry fares rise ', name: ' Ana Example ', officials: officialsFor(directory, { country: 'US', state: 'WA', district: 3 }) });
  assert.equal(
    fillTemplate(body, wa),
    'Dear Representative Flo Three and Senator Ada Senior and Senator Bo Junior,\nAbout "Ferry fares rise": {ask}.\nAna Example',
  );
  // D.C.'s member is a delegate, and it has no senators: that blank stays.
  const dc = letterValues({ story: 'S', officials: officialsFor(directory, { country: 'US', state: 'DC', district: 0 }) });
  assert.equal(fillTemplate(body, dc), 'Dear Delegate Hal Capital and {senators},\nAbout "S": {ask}.\n{name}');
  // A vacant seat, a place the directory lacks, another country, no place: nobody is named.
  for (const place of [{ country: 'US', state: 'WA', district: 2 }, { country: 'US', state: 'WA', district: 9 }, { country: 'ZZ' }, null]) {
    const values = letterValues({ story: 'S', officials: officialsFor(directory, place) });
    assert.equal(values['representative'], undefined, JSON.stringify(place));
  }
  assert.deepEqual(letterValues({ story: 'S', officials: officialsFor(directory, { country: 'ZZ' }) }), { story: 'S' });
  assert.deepEqual(letterValues({ story: '  ', name: '' }), {});
  setMessageSource(undefined);
});
