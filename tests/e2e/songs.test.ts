import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixtures } from '../helpers/fixtures.js';
import { registerUser, runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

async function libraryHome(): Promise<string> {
  const home = tempDir();
  const music = tempDir('tunes-music-');
  copyFixtures(music);
  await registerUser(home, 'admin');
  const added = await runTunes(['library', 'add', music], { home });
  if (added.code !== 0) throw new Error(added.stderr);
  await runTunes(['logout'], { home });
  return home;
}

// The HTTP API's song object, in its order, plus the file's path (tests/unit/song-presenters.test.ts).
const SONG_KEYS = [
  'id', 'title', 'artist', 'artist_id', 'album', 'album_id', 'album_artist', 'compilation', 'genre', 'year', 'track_no',
  'disc_no', 'duration_ms', 'codec', 'bitrate', 'sample_rate', 'replaygain_track_gain_db', 'replaygain_track_peak',
  'replaygain_album_gain_db', 'replaygain_album_peak', 'size', 'added_at', 'available', 'path',
];

describe('tunes songs', () => {
  it('says how to add music when the library is empty', async () => {
    const home = tempDir();
    const result = await runTunes(['songs'], { home });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('tunes library add <folder>');
    expect(JSON.parse((await runTunes(['songs', '--json'], { home })).stdout)).toEqual([]);

    // A mistyped --db folder is an error, not a new empty library somewhere unexpected.
    const typo = join(home, 'no-such-folder', 'tunes.db');
    const wrong = await runTunes(['--db', typo, 'songs'], { home });
    expect(wrong.code).toBe(6);
    expect(wrong.stderr.split('\n')[0]).toBe(`tunes: cannot open database ${typo}: folder ${join(home, 'no-such-folder')} does not exist`);
    expect(existsSync(join(home, 'no-such-folder'))).toBe(false);
  });

  it('lists, searches, filters, sorts and pages without logging in', async () => {
    const home = await libraryHome();

    const table = await runTunes(['songs'], { home, env: { COLUMNS: '80' } });
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s*ID\s+TITLE\s+ARTIST\s+ALBUM\s+LENGTH$/);
    expect(lines).toHaveLength(18);
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(lines[1]).toContain('AAC Title');

    const all = JSON.parse((await runTunes(['songs', '--json'], { home })).stdout);
    expect(all).toHaveLength(17);
    expect(Object.keys(all[0])).toEqual(SONG_KEYS);
    expect(all.map((s: { artist: string }) => s.artist).slice(0, 3)).toEqual(['AAC Artist', 'AIFF Artist', 'ALAC Artist']);

    const search = async (...args: string[]) =>
      JSON.parse((await runTunes(['songs', ...args, '--json'], { home })).stdout).map((s: { title: string }) => s.title);
    expect(await search('beyonce')).toEqual(['Halo']);
    expect(await search('sigur', 'ros')).toEqual(['Hoppípolla']);
    expect(await search('SIG ROS HOPP')).toEqual(['Hoppípolla']);
    expect(await search('夜に駆ける')).toEqual(['夜に駆ける']);
    expect(await search('flac')).toEqual(['FLAC Title']);
    expect(await search('mp3', '--sort', 'title')).toEqual(['MP3 v2.3 Title', 'MP3 v2.4 Title']);
    expect(await search('--artist', 'sigur rós')).toEqual(['Hoppípolla']);
    expect(await search('--genre', 'r&b')).toEqual(['Halo']);
    expect(await search('--album', 'THE BOOK')).toEqual(['夜に駆ける']);
    const byTitle = await search('title', '--sort', 'title');
    expect(byTitle.slice(0, 3)).toEqual(['AAC Title', 'AIFF Title', 'ALAC Title']);
    expect(await search('title', '--sort', 'title', '--limit', '2', '--page', '2')).toEqual(byTitle.slice(2, 4));

    const paged = await runTunes(['songs', '--limit', '5'], { home });
    expect(paged.stdout.trimEnd().split('\n').at(-1)).toBe('more: --page 2');
    const none = await runTunes(['songs', 'zzzz'], { home });
    expect(none).toMatchObject({ code: 0, stdout: 'No songs match "zzzz".\n' });
  });

  it('shows every field of one song, and maps bad input to exit codes', async () => {
    const home = await libraryHome();
    const [halo] = JSON.parse((await runTunes(['songs', 'halo', '--json'], { home })).stdout);
    // Far from UTC, so a time shown in UTC cannot pass for local time.
    const show = await runTunes(['songs', 'show', String(halo.id)], { home, env: { TZ: 'Pacific/Kiritimati' } });
    expect(show.code).toBe(0);
    const local = new Date(halo.added_at).toLocaleString('sv-SE', { timeZone: 'Pacific/Kiritimati' }).slice(0, 16);
    expect(show.stdout).toMatch(new RegExp(`^added: +${local}$`, 'm'));
    expect(show.stdout).not.toMatch(/\dT\d\d:\d\d.*Z/);
    for (const label of ['title:', 'artist:', 'album:', 'genre:', 'length:', 'codec:', 'bitrate:', 'path:', 'added:']) {
      expect(show.stdout).toContain(label);
    }
    expect(show.stdout).toContain('Beyoncé');
    const json = await runTunes(['songs', 'show', String(halo.id), '--json'], { home });
    expect(JSON.parse(json.stdout)).toEqual(halo);

    expect((await runTunes(['songs', 'show', '99999'], { home })).code).toBe(4);
    expect((await runTunes(['songs', 'show', 'x'], { home })).code).toBe(2);
    expect((await runTunes(['songs', '--limit', '0'], { home })).code).toBe(2);
    expect((await runTunes(['songs', '--limit', 'many'], { home })).code).toBe(2);
    expect((await runTunes(['songs', '--sort', 'colour'], { home })).code).toBe(2);
    const badPage = await runTunes(['songs', '--page', '0', '--json'], { home });
    expect(badPage.code).toBe(2);
    expect(JSON.parse(badPage.stderr).error.code).toBe('invalid_input');
    // Commander's own errors look like every other error, JSON included.
    expect(await runTunes(['songs', '--bogus'], { home })).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "tunes: unknown option '--bogus'\nhint: run with --help for usage\n",
    });
    const help = await runTunes(['help', 'songs'], { home });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tunes songs /);
    const bogusJson = await runTunes(['songs', '--bogus', '--json'], { home });
    expect(bogusJson.code).toBe(2);
    expect(JSON.parse(bogusJson.stderr)).toEqual({ error: { code: 'usage', message: "unknown option '--bogus'" } });
  });

  it('refuses a far page and an over-long search with exit 2 and one line', async () => {
    const home = tempDir();
    expect(await runTunes(['songs', '--page', '99999999999999999999'], { home })).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'tunes: page must be a whole number from 1 to 20000001\n',
    });
    const words = Array.from({ length: 11 }, (_, i) => `w${i}`);
    expect(await runTunes(['songs', ...words], { home })).toMatchObject({ code: 2, stderr: 'tunes: a search can have at most 10 words\n' });
    expect((await runTunes(['songs', 'a', 'b', 'c', 'd'], { home })).code).toBe(2);
  });
});
