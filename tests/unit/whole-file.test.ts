import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileWhole } from '../../src/config/whole-file.js';

describe('writeFileWhole', () => {
  it('makes the folder, writes the file with its mode and replaces an older one, leaving no draft', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tunes-whole-'));
    const path = join(dir, 'deep', 'unit.service');
    writeFileWhole(path, 'old\n', 0o644);
    writeFileWhole(path, 'new\n', 0o644);
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(statSync(path).mode & 0o777).toBe(0o644);
    expect(readdirSync(join(dir, 'deep'))).toEqual(['unit.service']);
  });

  it('a file it cannot put in place is an io error naming it, and the draft is removed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tunes-whole-'));
    const path = join(dir, 'taken');
    mkdirSync(join(path, 'child'), { recursive: true }); // a non-empty folder: the rename over it fails
    writeFileSync(join(path, 'child', 'x'), '');
    expect(() => writeFileWhole(path, 'text', 0o644)).toThrow(expect.objectContaining({ code: 'io', message: expect.stringMatching(/^cannot write .*taken: /) }));
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});
