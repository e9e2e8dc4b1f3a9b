import { describe, expect, it } from 'vitest';
import { cliLibrary } from '../helpers/cli-library.js';
import { runTunes } from '../helpers/run-cli.js';

describe('tunes like / unlike / liked', () => {
  it('likes songs, lists them newest first, and unlikes them', async () => {
    const { home, songs } = await cliLibrary(['alice'], [
      { title: 'First', artist: 'X', album: 'Y', duration_ms: 61_000 },
      { title: 'Second', artist: 'X', album: 'Y', duration_ms: 3_723_000 },
      { title: 'Third', artist: 'X', album: 'Y', missing_since: '2026-01-01T00:00:00.000Z' },
    ]);
    const [first, second, third] = songs.map((s) => String(s.id));
    expect(await runTunes(['liked'], { home })).toMatchObject({ code: 0, stdout: 'No liked songs yet; like one with `tunes like <song-id>`\n' });
    expect(await runTunes(['like', first!], { home })).toMatchObject({ code: 0, stdout: 'Liked 1 song\n', stderr: '' });
    const again = await runTunes(['like', second!, first!, third!, '--json'], { home });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ liked: [Number(second), Number(third)], already_liked: [Number(first)] });
    expect(again.stderr).toBe(`note: song ${first} was already liked\n`);

    type Liked = { liked_at: string; available: boolean; song: { id: number; title: string } };
    const liked = JSON.parse((await runTunes(['liked', '--json'], { home })).stdout) as Liked[];
    expect(liked.map((l) => [l.song.title, l.available])).toEqual([
      ['Third', false],
      ['Second', true],
      ['First', true],
    ]);
    expect(liked[0]).toMatchObject({
      liked_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      song: { id: Number(third), artist: 'X', album: 'Y', available: false },
    });

    const human = await runTunes(['liked'], { home });
    const lines = human.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('ID  TITLE                ARTIST  ALBUM   LENGTH  LIKED');
    expect(lines[1]).toContain('Third [unavailable]');
    expect(lines[2]).toContain('1:02:03');
    expect(lines[3]).toContain('1:01');

    expect(await runTunes(['unlike', second!, '9999'], { home })).toMatchObject({
      code: 0,
      stdout: 'Unliked 1 song\n',
      stderr: 'note: song 9999 was not liked\n',
    });
    const after = JSON.parse((await runTunes(['liked', '--json'], { home })).stdout) as Liked[];
    expect(after.map((l) => l.song.title)).toEqual(['Third', 'First']);

    // liked songs export like a playlist, newest first
    const exported = await runTunes(['playlist', 'export', '--liked'], { home });
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(
      ['#EXTM3U', '#PLAYLIST:Liked songs', '#EXTINF:180,X - Third', songs[2]!.path, '#EXTINF:61,X - First', songs[0]!.path, ''].join('\n'),
    );
    expect(await runTunes(['playlist', 'export'], { home })).toMatchObject({ code: 2, stderr: 'tunes: give a playlist or --liked (one of them)\n' });
    expect((await runTunes(['playlist', 'export', 'x', '--liked'], { home })).code).toBe(2);
  });

  it('refuses unknown and malformed song ids', async () => {
    const { home, songs } = await cliLibrary(['alice'], [{}]);
    const unknown = await runTunes(['like', String(songs[0]!.id), '4242'], { home });
    expect(unknown).toMatchObject({ code: 4, stdout: '', stderr: 'tunes: no song with id 4242\nhint: run `tunes songs` to see song ids\n' });
    expect((await runTunes(['liked', '--json'], { home })).stdout).toBe('[]\n');
    expect(await runTunes(['like', '1.5'], { home })).toMatchObject({ code: 2, stderr: 'tunes: not a valid song id: 1.5\n' });
    expect((await runTunes(['unlike'], { home })).code).toBe(2);
  });
});
