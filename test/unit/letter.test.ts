import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillTemplate, mailtoUrl, placeholderLabel, placeholders } from '../../src/shared/letter';

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
