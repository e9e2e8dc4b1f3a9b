import { describe, expect, it } from 'vitest';
import { hasUnsafeCharacters, terminalSafe, terminalSafeJson, terminalSafeLines } from '../../src/text/terminal-safe.js';

const CONTROL_BYTES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('terminalSafe', () => {
  it('leaves ordinary text, accents, CJK and emoji alone', () => {
    for (const text of ['Hoppípolla', 'Sigur Rós', '坂本龍一', 'AC/DC 🤘', "R'Lyeh", '']) {
      expect(terminalSafe(text)).toBe(text);
    }
  });

  it('turns ESC sequences (SGR, clear screen, OSC title and clipboard, DCS) into visible text', () => {
    const nasty = '\x1b[31mRed\x1b[0m\x1b[2J\x1b]0;pwned\x07\x1b]52;c;aGVsbG8=\x1b\\\x1bPq#0\x1b\\';
    const safe = terminalSafe(nasty);
    expect(safe).not.toMatch(CONTROL_BYTES);
    expect(safe).toBe('␛[31mRed␛[0m␛[2J␛]0;pwned␇␛]52;c;aGVsbG8=␛\\␛Pq#0␛\\');
  });

  it('replaces C1 controls (8-bit CSI) and bidi overrides', () => {
    expect(terminalSafe('a\u009b31mb')).toBe('a\ufffd31mb');
    expect(terminalSafe('abc\u202egnp.exe')).toBe('abc\ufffdgnp.exe');
    expect(terminalSafe('\u2066x\u2069')).toBe('\ufffdx\ufffd');
  });

  it('keeps a field on one line', () => {
    expect(terminalSafe('one\ntwo\r\nthree\tfour')).toBe('one␊two␍␊three four');
    expect(terminalSafe('nul\0byte\x7f')).toBe('nul␀byte␡');
  });

  it('says whether text needs it', () => {
    expect(hasUnsafeCharacters('plain')).toBe(false);
    expect(hasUnsafeCharacters('a\x1bb')).toBe(true);
    expect(hasUnsafeCharacters('a\u202eb')).toBe(true);
  });
});

describe('terminalSafeLines', () => {
  it('keeps line feeds, folds CR LF, and cleans everything else', () => {
    expect(terminalSafeLines('one\r\ntwo\n\x1b[2Jthree')).toBe('one\ntwo\n␛[2Jthree');
    expect(terminalSafeLines('a\rb')).toBe('a␍b');
  });
});

describe('terminalSafeJson', () => {
  it('escapes what JSON leaves raw but a terminal acts on, and parses back to the same value', () => {
    const value = { title: 'a\u009b31mb\u202ec\u2028d\x7fe\x1b[2J', n: 1, list: ['Björk', '坂本龍一'] };
    const text = terminalSafeJson(value);
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2028\u2029]/);
    expect(text).toContain('\\u009b');
    expect(JSON.parse(text)).toEqual(value);
    expect(terminalSafeJson({ plain: 'Sigur Rós' })).toBe(JSON.stringify({ plain: 'Sigur Rós' }));
  });
});
