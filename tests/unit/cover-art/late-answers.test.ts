import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { swallowLateAnswers } from '../../../src/ui/terminal/late-answers.js';

/** A stream as Ink reads it (utf8, 'readable' then read() until null), through the filter. */
function input(now: () => number, forMs = 5000) {
  const raw = new PassThrough();
  raw.setEncoding('utf8');
  const stdin = swallowLateAnswers(raw as unknown as NodeJS.ReadStream, forMs, now);
  const got: string[] = [];
  stdin.on('readable', () => {
    let chunk;
    while ((chunk = stdin.read()) !== null) got.push(String(chunk));
  });
  return { raw, got };
}

async function until(what: string, check: () => boolean, last: () => unknown): Promise<void> {
  for (let i = 0; i < 500 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`never saw ${what}; last: ${JSON.stringify(last())}`);
}

describe('late answers to the terminal query', () => {
  it('are taken out of the input, keys around them kept', async () => {
    const { raw, got } = input(() => 0);
    raw.write('j\x1b[?62;4ck');
    raw.write('\x1b_Gi=31;OK\x1b\\\x1b[6;20;10t\x1b[4;600;1000t');
    raw.write('/');
    await until('the keys', () => got.join('') === 'jk/', () => got);
    expect(got.join('')).not.toContain('\x1b');
  });

  it('cut in two reads, still taken out; a real key that only starts like one (Escape, PageDown) gets through', async () => {
    const { raw, got } = input(() => 0);
    raw.write('a\x1b[?6');
    await new Promise((r) => setTimeout(r, 20));
    raw.write('2;22cb');
    await until('both keys', () => got.join('') === 'ab', () => got);
    raw.write('\x1b[6~');
    await until('PageDown', () => got.join('') === 'ab\x1b[6~', () => got);
    raw.write('\x1b');
    await until('Escape, once no answer followed it', () => got.join('') === 'ab\x1b[6~\x1b', () => got);
  });

  it('after the window, input passes untouched', async () => {
    let clock = 0;
    const { raw, got } = input(() => clock, 1000);
    clock = 2000;
    raw.write('x\x1b[?62;4c');
    await until('the input as it came', () => got.join('') === 'x\x1b[?62;4c', () => got);
  });
});
