import { describe, expect, it } from 'vitest';
import { contentRange, resolveByteRange } from '../../src/server/byte-range.js';

describe('resolveByteRange', () => {
  const size = 1000;

  it('sends the whole file without a Range header or an empty one', () => {
    expect(resolveByteRange(undefined, size)).toEqual({ kind: 'full' });
    expect(resolveByteRange('bytes=-', size)).toEqual({ kind: 'full' });
  });

  it('answers first bytes, middle and open-ended ranges', () => {
    expect(resolveByteRange('bytes=0-99', size)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(resolveByteRange('bytes=400-599', size)).toEqual({ kind: 'partial', start: 400, end: 599 });
    expect(resolveByteRange('bytes=900-', size)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(resolveByteRange('bytes=999-999', size)).toEqual({ kind: 'partial', start: 999, end: 999 });
    expect(resolveByteRange(' bytes = 5 - 9 ', size)).toEqual({ kind: 'partial', start: 5, end: 9 });
  });

  it('clamps an end past the file to its last byte', () => {
    expect(resolveByteRange('bytes=500-5000', size)).toEqual({ kind: 'partial', start: 500, end: 999 });
  });

  it('answers suffix ranges, the whole file when the suffix is longer than it', () => {
    expect(resolveByteRange('bytes=-500', size)).toEqual({ kind: 'partial', start: 500, end: 999 });
    expect(resolveByteRange('bytes=-1', size)).toEqual({ kind: 'partial', start: 999, end: 999 });
    expect(resolveByteRange('bytes=-5000', size)).toEqual({ kind: 'partial', start: 0, end: 999 });
  });

  it('calls ranges that start past the end, or ask for zero bytes, unsatisfiable', () => {
    expect(resolveByteRange('bytes=1000-', size)).toEqual({ kind: 'unsatisfiable' });
    expect(resolveByteRange('bytes=1000-2000', size)).toEqual({ kind: 'unsatisfiable' });
    expect(resolveByteRange('bytes=-0', size)).toEqual({ kind: 'unsatisfiable' });
    expect(resolveByteRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(resolveByteRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(resolveByteRange('bytes=99999999999999999999-', size)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores headers it does not honour: malformed, other units, several ranges, reversed', () => {
    for (const header of ['bytes=abc', 'items=0-10', 'bytes=0-10,20-30', 'bytes=10-5', '0-10', 'bytes=--5']) {
      expect(resolveByteRange(header, size)).toEqual({ kind: 'full' });
    }
  });

  it('formats Content-Range', () => {
    expect(contentRange({ kind: 'partial', start: 0, end: 99 }, size)).toBe('bytes 0-99/1000');
    expect(contentRange({ kind: 'unsatisfiable' }, size)).toBe('bytes */1000');
  });
});
