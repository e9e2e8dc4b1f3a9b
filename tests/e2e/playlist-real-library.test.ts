import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixtures } from '../helpers/fixtures.js';
import { registerUser, runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

type Show = { entries: Array<{ position: number; available: boolean; song: { title: string; path: string } }> };

describe('playlists over a scanned library', () => {
  it('keeps songs whose file went missing listed as unavailable, and closes the gap when they are pruned', async () => {
    const home = tempDir();
    const music = tempDir('tunes-music-');
    copyFixtures(music, ['flac.flac', 'mp3-id3v24.mp3', 'opus.opus', 'vorbis.ogg']);
    await registerUser(home, 'admin');
    expect((await runTunes(['library', 'add', music], { home })).code).toBe(0);

    await runTunes(['playlist', 'create', 'Real'], { home });
    const add = await runTunes(['playlist', 'add', 'real', '--search', 'title', '--all'], { home });
    expect(add.code).toBe(0);
    const before = JSON.parse((await runTunes(['playlist', 'show', 'real', '--json'], { home })).stdout) as Show;
    expect(before.entries).toHaveLength(4);

    // the M3U8 export names real files; importing it back finds the same songs
    const file = join(tempDir(), 'real.m3u8');
    writeFileSync(file, (await runTunes(['playlist', 'export', 'real'], { home })).stdout);
    expect(await runTunes(['playlist', 'import', file, '--name', 'Again'], { home })).toMatchObject({
      code: 0,
      stdout: 'Imported "Again" (id 2): 4 of 4 entries matched\n',
    });

    const victim = before.entries[1]!;
    rmSync(victim.song.path);
    expect((await runTunes(['library', 'scan'], { home })).code).toBe(0);
    const missing = JSON.parse((await runTunes(['playlist', 'show', 'real', '--json'], { home })).stdout) as Show;
    expect(missing.entries.map((e) => [e.song.title, e.available])).toEqual(before.entries.map((e) => [e.song.title, e !== victim]));
    expect((await runTunes(['playlist', 'show', 'real'], { home })).stdout).toContain(`${victim.song.title} [unavailable]`);

    expect((await runTunes(['library', 'prune', '--yes'], { home })).code).toBe(0);
    const pruned = JSON.parse((await runTunes(['playlist', 'show', 'real', '--json'], { home })).stdout) as Show;
    expect(pruned.entries.map((e) => [e.position, e.song.title])).toEqual(
      before.entries.filter((e) => e !== victim).map((e, i) => [i + 1, e.song.title]),
    );
  });
});
