import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plausibleDurationMs } from '../../src/services/library/file-sanity.js';
import { readTags } from '../../src/services/library/tag-reader.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('reading tags of what is not a regular file', () => {
  it('refuses a FIFO at once (a file replaced between the walk and the read) instead of waiting for a writer', async () => {
    const fifo = join(tempDir(), 'song.mp3');
    execFileSync('mkfifo', [fifo]);
    expect(await readTags(fifo, 4096)).toEqual({ ok: false, reason: 'not a regular file (a pipe or a device)' });
    expect(await readTags('/dev/zero', 4096)).toEqual({ ok: false, reason: 'not a regular file (a pipe or a device)' });
  });
});

describe('plausibleDurationMs', () => {
  it('keeps lengths a file can hold and drops negative, infinite and absurd ones', () => {
    expect(plausibleDurationMs(214_600, 3_400_000)).toBe(214_600);
    expect(plausibleDurationMs(1234.6)).toBe(1235);
    for (const bad of [-5, 0, Number.NaN, Number.POSITIVE_INFINITY, 8 * 24 * 3600 * 1000, null, undefined]) {
      expect(plausibleDurationMs(bad), String(bad)).toBeNull();
    }
    // 5 KB cannot play for 4.9 years, nor an hour.
    expect(plausibleDurationMs(154_618_822_584, 5417)).toBeNull();
    expect(plausibleDurationMs(3_600_000, 5417)).toBeNull();
    // An hour of FLAC silence is ~700 KB: kept.
    expect(plausibleDurationMs(3_600_000, 700_000)).toBe(3_600_000);
  });
});
