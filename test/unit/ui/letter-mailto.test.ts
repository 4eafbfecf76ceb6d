// "Open in mail": the letter travels in a mailto: link, its line breaks as CRLF (RFC 6068). Past
// about 2,000 characters some mail handlers cut the link or open nothing, so a long letter's link
// carries the address and subject only, says so beforehand, and copies the body for the reader to
// paste when followed.
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { cleanup, click, document, mount, text } from './dom';
import { LetterTemplate } from '../../../src/sidebar/components/LetterTemplate';
import { MAILTO_MAX } from '../../../src/sidebar/letter';

afterEach(cleanup);

const mailLink = (root: HTMLElement) => root.querySelector<HTMLAnchorElement>('.template-actions a')!;

test('a letter of ordinary length opens in mail whole, with CRLF line breaks', async () => {
  const root = await mount(h(LetterTemplate, { template: { subject: 'About it', body: 'Dear editor,\n\nYes.' }, to: 'letters@example.com' }));
  assert.equal(mailLink(root).getAttribute('href'), 'mailto:letters@example.com?subject=About%20it&body=Dear%20editor%2C%0D%0A%0D%0AYes.');
  assert.equal(root.querySelector('[data-testid="letter-too-long"]'), null);
});

test('a letter too long for a mailto: link opens addressed, and the click copies its body to paste', async () => {
  const body = `Dear editor,\n\n${'A long argument, made at length. '.repeat(80)}\n\nAna`;
  const root = await mount(h(LetterTemplate, { template: { subject: 'About it', body }, to: 'letters@example.com' }));
  const link = mailLink(root);
  assert.equal(link.getAttribute('href'), 'mailto:letters@example.com?subject=About%20it');
  assert.ok(encodeURIComponent(body).length > MAILTO_MAX);
  const hint = root.querySelector('[data-testid="letter-too-long"]');
  assert.equal(text(hint), 'This letter is too long to open in mail whole: Open in mail copies it, then paste it into the new message.');
  assert.equal(link.getAttribute('aria-describedby'), hint?.id);

  let copied: string | undefined;
  const doc = document as unknown as { execCommand(command: string): boolean };
  doc.execCommand = (command) => {
    copied = command === 'copy' ? document.querySelector('textarea')?.value : undefined;
    return true;
  };
  // jsdom does not open mail: the click is stopped once the link has done its part.
  const stop = (event: Event): void => event.preventDefault();
  document.addEventListener('click', stop);
  try {
    await click(link);
  } finally {
    document.removeEventListener('click', stop);
    delete (doc as Partial<typeof doc>).execCommand;
  }
  assert.equal(copied, body);
  assert.equal(text(root.querySelector('.template-status')), 'Letter copied: paste it into the new message.');
});
