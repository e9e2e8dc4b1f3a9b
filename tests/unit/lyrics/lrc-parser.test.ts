import { describe, expect, it } from 'vitest';
import { currentLineIndex, looksLikeLrc, parseLrc, toLrc } from '../../../src/services/lyrics/lrc-parser.js';

describe('parseLrc', () => {
  it('reads all three stamp precisions', () => {
    const { synced, lines } = parseLrc('[00:01]one\n[00:02.5]two\n[00:03.25]three\n[01:04.125]four');
    expect(synced).toBe(true);
    expect(lines).toEqual([
      { start_ms: 1000, text: 'one' },
      { start_ms: 2500, text: 'two' },
      { start_ms: 3250, text: 'three' },
      { start_ms: 64125, text: 'four' },
    ]);
  });

  it('gives a line with several stamps one line per stamp, sorted with the rest', () => {
    const { lines } = parseLrc('[00:10.00][00:30.00]chorus\n[00:20.00]verse');
    expect(lines.map((l) => [l.start_ms, l.text])).toEqual([[10000, 'chorus'], [20000, 'verse'], [30000, 'chorus']]);
  });

  it('sorts out-of-order stamps, keeping the order of lines that share one', () => {
    const { lines } = parseLrc('[00:05.00]b\n[00:01.00]a\n[00:05.00]c');
    expect(lines.map((l) => l.text)).toEqual(['a', 'b', 'c']);
  });

  it('applies [offset:] (positive: sooner) and clamps a negative result at 0', () => {
    expect(parseLrc('[offset:+500]\n[00:02.00]x').lines[0]!.start_ms).toBe(1500);
    expect(parseLrc('[offset:-250]\n[00:02.00]x').lines[0]!.start_ms).toBe(2250);
    const early = parseLrc('[offset:3000]\n[00:01.00]x');
    expect(early.offset_ms).toBe(3000);
    expect(early.lines[0]!.start_ms).toBe(0);
  });

  it('takes a negative stamp as the start', () => {
    expect(parseLrc('[-00:01.00]x').lines[0]).toEqual({ start_ms: 0, text: 'x' });
  });

  it('shows A2 word timings as the plain line', () => {
    const { lines } = parseLrc('[00:12.00]<00:12.00>Line <00:12.50>one <00:13.00>here');
    expect(lines).toEqual([{ start_ms: 12000, text: 'Line one here' }]);
  });

  it('keeps metadata tags apart (lower-case keys) and a bracketed word as text', () => {
    const parsed = parseLrc('[ti:Song]\n[AR:Someone]\n[al: Album ]\n[by:me]\n[length: 03:20]\n[00:01.00][Chorus] la');
    expect(parsed.tags).toEqual({ ti: 'Song', ar: 'Someone', al: 'Album', by: 'me', length: '03:20' });
    expect(parsed.lines).toEqual([{ start_ms: 1000, text: '[Chorus] la' }]);
    expect(parseLrc('[Chorus]\nla la').lines.map((l) => l.text)).toEqual(['[Chorus]', 'la la']);
  });

  it('keeps blank stamped lines (a pause) and reads CRLF, CR and a BOM', () => {
    const { lines } = parseLrc('\ufeff[00:01.00]a\r\n[00:02.00]\r\n[00:03.00]b\r[00:04.00]c');
    expect(lines.map((l) => l.text)).toEqual(['a', '', 'b', 'c']);
  });

  it('reads plain text as unsynced lines, blank runs kept as one', () => {
    const { synced, lines } = parseLrc('\n\nFirst\r\nSecond\n\n\n\nThird\n\n');
    expect(synced).toBe(false);
    expect(lines).toEqual([
      { start_ms: null, text: 'First' },
      { start_ms: null, text: 'Second' },
      { start_ms: null, text: '' },
      { start_ms: null, text: 'Third' },
    ]);
  });

  it('drops stray unstamped lines of a synced file', () => {
    expect(parseLrc('junk\n[00:01.00]a').lines).toEqual([{ start_ms: 1000, text: 'a' }]);
  });

  it('reads 10,000 lines', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `[${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.00]line ${i}`).join('\n');
    const { lines } = parseLrc(text);
    expect(lines).toHaveLength(10_000);
    expect(lines[9_999]).toEqual({ start_ms: 9_999_000, text: 'line 9999' });
  });

  it('survives nasty input', () => {
    for (const input of ['', '[', '[00:', '[:]', '[99999:99.999]x', '[offset:abc]\n[00:01.00]a', '[00:01.00', '<00:01.00>']) {
      expect(() => parseLrc(input)).not.toThrow();
    }
    expect(parseLrc('[offset:abc]\n[00:01.00]a').lines[0]!.start_ms).toBe(1000);
  });
});

describe('toLrc and helpers', () => {
  it('writes synced lines back as LRC that parses to the same lines', () => {
    const lines = [{ start_ms: 500, text: 'a' }, { start_ms: 61_234, text: 'b\nc' }];
    expect(toLrc(lines)).toBe('[00:00.500]a\n[01:01.234]b c');
    expect(parseLrc(toLrc(lines)).lines).toEqual([{ start_ms: 500, text: 'a' }, { start_ms: 61_234, text: 'b c' }]);
  });

  it('tells LRC from plain text', () => {
    expect(looksLikeLrc('[ti:x]\n[00:01.00]a')).toBe(true);
    expect(looksLikeLrc('[Chorus]\nla')).toBe(false);
  });

  it('finds the line playing at a position', () => {
    const { lines } = parseLrc('[00:01.00]a\n[00:02.00]b\n[00:03.00]c');
    expect(currentLineIndex(lines, 0)).toBe(-1);
    expect(currentLineIndex(lines, 1000)).toBe(0);
    expect(currentLineIndex(lines, 2999)).toBe(1);
    expect(currentLineIndex(lines, 99_000)).toBe(2);
  });
});
