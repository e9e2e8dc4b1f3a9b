import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldersToRescan } from '../../src/services/library/changed-folders.js';
import { copyFixtures } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('foldersToRescan', () => {
  it('keeps folders that hold audio, climbs from gone or emptied ones up to the library folder, drops nested and outside paths', () => {
    const root = tempDir('tunes-music-');
    const other = tempDir('tunes-music-');
    mkdirSync(join(root, 'Artist', 'Album', 'CD1'), { recursive: true });
    mkdirSync(join(root, 'Artist', 'Empty'), { recursive: true });
    mkdirSync(join(root, 'Solo'), { recursive: true });
    copyFixtures(join(root, 'Artist', 'Album', 'CD1'), ['opus.opus']);
    copyFixtures(join(root, 'Solo'), ['wav.wav']);
    const roots = [root, other];

    expect(foldersToRescan([join(root, 'Solo')], roots)).toEqual([join(root, 'Solo')]);
    // A deleted album folder: the first folder above it that still holds audio.
    expect(foldersToRescan([join(root, 'Artist', 'Gone')], roots)).toEqual([join(root, 'Artist')]);
    expect(foldersToRescan([join(root, 'Artist', 'Empty')], roots)).toEqual([join(root, 'Artist')]);
    // Inside another changed folder: scanned with it.
    expect(foldersToRescan([join(root, 'Artist', 'Album', 'CD1'), join(root, 'Artist', 'Empty')], roots)).toEqual([join(root, 'Artist')]);
    // An emptied library folder is scanned itself (where the scan's unmounted protection applies).
    expect(foldersToRescan([join(other, 'gone')], roots)).toEqual([other]);
    expect(foldersToRescan(['/somewhere/else', `${root}-not-inside`], roots)).toEqual([]);
  });
});
