// A wave of a feed batch is due once the answers pause, or once its first answer has waited its
// longest, however the others trickle in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WaveTimer } from '../../../src/background/sources/wave-timer';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

test('a pause after the latest answer makes the wave due, once', async () => {
  let due = 0;
  const timer = new WaveTimer(40, 10_000, () => due++);
  timer.answered();
  await sleep(10);
  timer.answered();
  while (due === 0) await sleep(5);
  await sleep(100);
  assert.equal(due, 1, 'the hold timer went with the settle one');
});

test('answers that never pause still make the wave due when its first has waited its longest', async () => {
  let due = 0;
  const first = performance.now();
  let at = 0;
  const timer = new WaveTimer(60, 150, () => {
    due++;
    at = performance.now() - first;
  });
  // An answer every 20 ms: never a 60 ms pause.
  for (let i = 0; due === 0; i++) {
    timer.answered();
    await sleep(20);
    assert.ok(i < 200, 'the wave came due');
  }
  // Not before the hold (timers may fire a millisecond early against performance.now()).
  assert.ok(at >= 140, `due after its first answer waited ${Math.round(at)} ms`);
  timer.clear();
});

test('a cleared timer is never due', async () => {
  let due = 0;
  const timer = new WaveTimer(10, 20, () => due++);
  timer.answered();
  timer.clear();
  await sleep(60);
  assert.equal(due, 0);
});
