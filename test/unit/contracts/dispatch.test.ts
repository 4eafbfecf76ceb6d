// The one dispatcher both receivers use (the background's router and the content script): a call
// is refused unless it is known, its payload parses and its sender may make it; a handler's answer
// or failure comes back in a Result envelope, a thrown CallError keeping its code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answer, call, type CallsOf, type ReqOf } from '../../../src/contracts/call';
import { CallError, CallRefused, unwrap, wasInterrupted } from '../../../src/contracts/call-result';
import { dispatch, type Handlers } from '../../../src/contracts/dispatch';
import { isRecord, str } from '../../../src/formats/guards';
import { errorText } from '../../../src/shared/error-text';
import { CATALOG } from '../ui/dom';

const calls = {
  'note/add': call({
    senders: ['options', 'popup'],
    parse: (p) => {
      const text = isRecord(p) ? str(p['text'], 20) : undefined;
      return text === undefined ? undefined : { text };
    },
    answer: answer<number>(),
  }),
};
type Calls = CallsOf<typeof calls>;

/** A handler that answers the text's length, or fails as the text asks. */
function handlers(seen: ReqOf<Calls, 'note/add'>[]): Handlers<typeof calls, string> {
  return {
    async 'note/add'(payload, context) {
      seen.push(payload);
      if (payload.text === 'missing') throw new CallError('not-found', `no note for ${context}`);
      if (payload.text === 'broken') throw new TypeError('x is undefined');
      return payload.text.length;
    },
  };
}

const REFUSED = { ok: false, error: { code: 'refused' } };

test('a known call from an allowed sender is answered with its handler\'s value and context', async () => {
  const seen: ReqOf<Calls, 'note/add'>[] = [];
  assert.deepEqual(await dispatch(calls, handlers(seen), { type: 'note/add', payload: { text: 'four' } }, 'popup', 'ctx'), { ok: true, value: 4 });
  assert.deepEqual(seen, [{ text: 'four' }]);
});

test('an unknown call, a bad payload or a sender that may not make it is refused before the handler runs', async () => {
  const seen: ReqOf<Calls, 'note/add'>[] = [];
  const run = (message: unknown, kind: Parameters<typeof dispatch>[3]) => dispatch(calls, handlers(seen), message, kind, 'ctx');
  assert.deepEqual(await run({ type: 'note/remove', payload: {} }, 'options'), REFUSED);
  assert.deepEqual(await run({ type: 'toString', payload: {} }, 'options'), REFUSED);
  assert.deepEqual(await run({ type: 'note/add', payload: { text: 7 } }, 'options'), REFUSED);
  assert.deepEqual(await run({ type: 'note/add', payload: { text: 'x'.repeat(21) } }, 'options'), REFUSED);
  assert.deepEqual(await run('note/add', 'options'), REFUSED);
  assert.deepEqual(await run({ type: 'note/add', payload: { text: 'ok' } }, 'content'), REFUSED);
  assert.deepEqual(await run({ type: 'note/add', payload: { text: 'ok' } }, null), REFUSED);
  assert.deepEqual(seen, []);
});

test('a thrown CallError keeps its code and detail; anything else is "failed" with its message', async () => {
  const run = (text: string) => dispatch(calls, handlers([]), { type: 'note/add', payload: { text } }, 'options', 'tab 3');
  assert.deepEqual(await run('missing'), { ok: false, error: { code: 'not-found', detail: 'no note for tab 3' } });
  assert.deepEqual(await run('broken'), { ok: false, error: { code: 'failed', detail: 'x is undefined' } });
});

test('unwrap gives the value, or throws CallRefused with the code; a lost answer is an interruption', async () => {
  assert.equal(unwrap(await dispatch(calls, handlers([]), { type: 'note/add', payload: { text: 'abc' } }, 'options', '')), 3);
  const refused = (() => {
    try {
      unwrap({ ok: false, error: { code: 'not-found', detail: 'no note' } });
    } catch (error) {
      return error;
    }
    return null;
  })();
  assert.ok(refused instanceof CallRefused);
  assert.deepEqual([refused.code, refused.detail, wasInterrupted(refused)], ['not-found', 'no note', false]);
  assert.throws(() => unwrap(undefined), (error: unknown) => wasInterrupted(error));
});

test('pages put a refusal in the reader\'s words: by its code, with or replaced by its detail', () => {
  const words = (key: string): string => CATALOG[key]!.message;
  assert.equal(errorText(new CallRefused('storage-full', 'QuotaExceededError')), words('storageFull'));
  assert.equal(errorText(new CallRefused('invalid', 'stories[0].title: required')), `${words('errorInvalid')}: stories[0].title: required`);
  assert.equal(errorText(new CallRefused('failed', 'TypeError: x is null')), `${words('errorFailed')}: TypeError: x is null`);
  assert.equal(errorText(new CallRefused('refused')), words('errorRefused'));
  assert.equal(errorText(new CallRefused('exists')), words('errorExists'));
  // Something already there or gone, or a refusal with its reason: the detail says it all, as a sentence.
  assert.equal(errorText(new CallRefused('exists', 'this feed is already added')), 'This feed is already added.');
  assert.equal(errorText(new CallRefused('not-found', 'no such pack')), 'No such pack.');
  assert.equal(errorText(new CallRefused('refused', 'the built-in pack cannot be removed')), 'The built-in pack cannot be removed.');
  assert.equal(errorText(new Error('our own words')), 'our own words');
});
