import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillTemplate, mailtoUrl, placeholderLabel, placeholders } from '../../src/sidebar/letter';

test('placeholders are found in order, once each, across subject and body', () => {
  assert.deepEqual(placeholders('To {Representative}', 'Dear {representative}, I am {name} of {address}. {name}'), ['representative', 'name', 'address']);
  assert.deepEqual(placeholders('no placeholders here, {not one}'), []);
});

test('filling replaces what the reader gave and leaves the rest visible', () => {
  const body = 'Dear {representative}, from {name} ({email}).';
  assert.equal(fillTemplate(body, new Map([['representative', 'Senator Doe'], ['name', '  Ana ']])), 'Dear Senator Doe, from Ana ({email}).');
  assert.equal(fillTemplate(body, new Map()), body);
});

test('mailto URLs carry subject and body encoded, spaces as %20, line breaks as CRLF (RFC 6068)', () => {
  const url = mailtoUrl('Peace & Ukraine', 'Line one\nLine two\r\nthree\rfour', 'office@example.gov');
  assert.equal(url, 'mailto:office@example.gov?subject=Peace%20%26%20Ukraine&body=Line%20one%0D%0ALine%20two%0D%0Athree%0D%0Afour');
  // A subject is one header line; an empty body is left out.
  assert.equal(mailtoUrl('Two\nlines', ''), 'mailto:?subject=Two%20lines');
  assert.match(mailtoUrl('S', 'B'), /^mailto:\?subject=S&body=B$/);
});

test('placeholder labels read as words', () => {
  assert.equal(placeholderLabel('your_name'), 'Your name');
  assert.equal(placeholderLabel('representative'), 'Representative');
});

test('a letter is filled from the story, the reader\'s name and their officials; the rest stays a visible blank', async () => {
  const { readFileSync } = await import('node:fs');
  const { catalogSource, setMessageSource } = await import('../../src/shared/i18n');
  const { letterFill } = await import('../../src/sidebar/letter');
  const { officialsFor } = await import('../../src/sidebar/officials');
  const { parseDirectory } = await import('../../src/formats/officials-format');
  setMessageSource(catalogSource(JSON.parse(readFileSync(new URL('../../assets/_locales/en/messages.json', import.meta.url), 'utf8')), 'en-US'));
  const directory = parseDirectory(JSON.parse(readFileSync(new URL('../fixtures/officials/expected.json', import.meta.url), 'utf8')));
  const body = 'Dear {representative} and {senators},\nAbout "{story}": {ask}.\n{name}';

  const today = '2026-06-16';
  const wa = letterFill({ story: ' Ferry fares rise ', name: ' Ana Example ', today, officials: officialsFor(directory, { country: 'US', state: 'WA', district: 3 }) }).values;
  assert.equal(
    fillTemplate(body, wa),
    'Dear Representative Flo Three and Senator Ada Senior and Senator Bo Junior,\nAbout "Ferry fares rise": {ask}.\nAna Example',
  );
  // D.C.'s member is a delegate, and it has no senators: nobody can fill that blank (letter-absent.test.ts).
  const dc = letterFill({ story: 'S', today, officials: officialsFor(directory, { country: 'US', state: 'DC', district: 0 }) });
  assert.equal(fillTemplate(body, dc.values), 'Dear Delegate Hal Capital and {senators},\nAbout "S": {ask}.\n{name}');
  assert.deepEqual([...dc.absent], ['senators']);
  // A vacant seat, a place the directory lacks, another country, no place: nobody is named.
  for (const place of [{ country: 'US', state: 'WA', district: 2 }, { country: 'US', state: 'WA', district: 9 }, { country: 'ZZ' }, null]) {
    const { values, absent } = letterFill({ story: 'S', today, officials: officialsFor(directory, place) });
    assert.equal(values.get('representative'), undefined, JSON.stringify(place));
    assert.equal(absent.size, 0, JSON.stringify(place));
  }
  assert.deepEqual([...letterFill({ story: 'S', today, officials: officialsFor(directory, { country: 'ZZ' }) }).values], [['story', 'S']]);
  assert.deepEqual([...letterFill({ story: '  ', name: '', today }).values], []);
  setMessageSource(undefined);
});
