import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { registerUser, runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('tunes folders and songs --folder', () => {
  it('lists the library as the disk lays it out, in natural order, for people and as JSON', async () => {
    const home = tempDir();
    const music = join(tempDir('tunes-parent-'), 'music');
    const album = join(music, 'Björk', 'Homogenic');
    mkdirSync(album, { recursive: true });
    mkdirSync(join(music, 'Björk', 'Post'));
    cpSync(join(FIXTURES_DIR, 'flac.flac'), join(album, '01 Hunter.flac'));
    cpSync(join(FIXTURES_DIR, 'vorbis.ogg'), join(album, '2 Jóga.ogg'));
    cpSync(join(FIXTURES_DIR, 'opus.opus'), join(album, '10 All Is Full of Love.opus'));
    cpSync(join(FIXTURES_DIR, 'wav.wav'), join(music, 'Björk', 'Post', '01 Army of Me.wav'));
    cpSync(join(FIXTURES_DIR, 'no tags at all.mp3'), join(music, 'top.mp3'));
    await registerUser(home, 'admin');
    expect((await runTunes(['library', 'add', music], { home })).code).toBe(0);

    const roots = await runTunes(['folders'], { home });
    expect(roots.stdout).toBe(`${music}  (5 songs)\nopen one with: tunes folders <path>\n`);
    const top = await runTunes(['folders', music], { home, env: { COLUMNS: '100' } });
    expect(top.stdout.split('\n').slice(0, 2)).toEqual([`${music}: 1 folder, 1 song`, '  Björk/  4 songs']);
    expect(top.stdout).toMatch(/ID\s+FILE\s+TITLE\s+ARTIST\s+LENGTH\n\s*\d+\s+top\.mp3\s+top\s+Unknown Artist\s+0:01/);

    const json = JSON.parse((await runTunes(['folders', join(music, 'Björk', 'Homogenic'), '--json'], { home })).stdout);
    expect(json).toMatchObject({ path: album, parent: join(music, 'Björk'), folders: [] });
    expect(json.songs.map((s: { path: string }) => s.path.slice(album.length + 1))).toEqual(['01 Hunter.flac', '2 Jóga.ogg', '10 All Is Full of Love.opus']);
    expect(Object.keys(json.songs[0])).not.toContain('dev');
    const björk = JSON.parse((await runTunes(['folders', join(music, 'Björk'), '--json'], { home })).stdout);
    expect(björk.folders).toEqual([
      { path: album, name: 'Homogenic', song_count: 3 },
      { path: join(music, 'Björk', 'Post'), name: 'Post', song_count: 1 },
    ]);

    // Through a link to the library folder, and with a trailing slash: the same folder.
    const link = join(tempDir(), 'link');
    symlinkSync(music, link);
    expect(JSON.parse((await runTunes(['folders', `${link}/Björk/`, '--json'], { home })).stdout).path).toBe(join(music, 'Björk'));

    // A linked folder inside the library that leads to another of its folders: that folder's songs.
    symlinkSync(join('Björk', 'Post'), join(music, 'Post link'));
    const linked = JSON.parse((await runTunes(['folders', join(music, 'Post link'), '--json'], { home })).stdout);
    expect(linked).toMatchObject({ path: join(music, 'Björk', 'Post'), songs: [{ title: 'WAV Title' }] });

    const songs = JSON.parse((await runTunes(['songs', '--folder', join(music, 'Björk'), '--json'], { home })).stdout);
    expect(songs.map((s: { title: string }) => s.title)).toEqual(['FLAC Title', 'Vorbis Title', 'Opus Title', 'WAV Title']);
    const second = JSON.parse((await runTunes(['songs', '--folder', join(music, 'Björk'), '--limit', '3', '--page', '2', '--json'], { home })).stdout);
    expect(second.map((s: { title: string }) => s.title)).toEqual(['WAV Title']);
    const byTitle = JSON.parse((await runTunes(['songs', '--folder', album, '--sort', 'title', '--json'], { home })).stdout);
    expect(byTitle.map((s: { title: string }) => s.title)).toEqual(['FLAC Title', 'Opus Title', 'Vorbis Title']);

    expect((await runTunes(['playlist', 'create', 'Björk'], { home })).code).toBe(0);
    const added = await runTunes(['playlist', 'add', 'björk', '--folder', join(music, 'Björk')], { home });
    expect(added.stdout).toContain('Added 4 songs to "Björk" at positions 1-4');

    const outside = await runTunes(['folders', '/etc'], { home });
    expect(outside).toMatchObject({ code: 4, stderr: 'tunes: /etc is not in a library folder\nhint: see them with: tunes folders\n' });
    expect((await runTunes(['folders', join(music, 'top.mp3')], { home })).code).toBe(2);
    expect((await runTunes(['songs', '--folder', '/etc'], { home })).code).toBe(4);
  });
});
