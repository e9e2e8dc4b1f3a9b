import { describe, expect, it } from 'vitest';
import { cliLibrary } from '../helpers/cli-library.js';
import { runTunes } from '../helpers/run-cli.js';

type Show = { entries: Array<{ song: { id: number; title: string } }> };

describe('tunes playlist add --search', () => {
  it('adds the top hit, or every hit with --all, and refuses a search that finds nothing', async () => {
    const { home, songs } = await cliLibrary(['alice'], [
      { title: 'River', artist: 'Joni Mitchell', album: 'Blue' },
      { title: 'Blue', artist: 'Joni Mitchell', album: 'Blue' },
      { title: 'Carey', artist: 'Joni Mitchell', album: 'Blue' },
      { title: 'Blue Monday', artist: 'New Order', album: 'Singles' },
      { title: 'Blue Gone', artist: 'Joni Mitchell', album: 'Blue', missing_since: '2026-01-01T00:00:00.000Z' },
    ]);
    const byTitle = new Map(songs.map((s) => [s.title, s.id]));
    await runTunes(['playlist', 'create', 'Mix'], { home });

    const top = await runTunes(['playlist', 'add', 'mix', '--search', 'joni carey', '--json'], { home });
    expect(top.code).toBe(0);
    expect(JSON.parse(top.stdout)).toMatchObject({ added: [{ position: 1, song_id: byTitle.get('Carey') }] });

    const all = await runTunes(['playlist', 'add', 'mix', '--search', 'joni', '--all', '--at', '1'], { home });
    expect(all).toMatchObject({ code: 0, stdout: 'Added 3 songs to "Mix" at positions 1-3 (now 4 songs, 12:00)\n' });
    expect(all.stderr).toBe(`note: song ${byTitle.get('Carey')} was already in "Mix"; added again\n`);
    const shown = JSON.parse((await runTunes(['playlist', 'show', 'mix', '--json'], { home })).stdout) as Show;
    expect(shown.entries.map((e) => e.song.title).sort()).toEqual(['Blue', 'Carey', 'Carey', 'River']);
    expect(shown.entries[3]!.song.title).toBe('Carey');

    const none = await runTunes(['playlist', 'add', 'mix', '--search', 'zzzz nothing'], { home });
    expect(none).toMatchObject({ code: 4, stdout: '', stderr: 'tunes: no song matches "zzzz nothing"\nhint: try fewer or shorter words\n' });
    const gone = await runTunes(['playlist', 'add', 'mix', '--search', 'gone'], { home });
    expect(gone.code).toBe(4);

    expect(await runTunes(['playlist', 'add', 'mix', '1', '--search', 'blue'], { home })).toMatchObject({
      code: 2,
      stderr: 'tunes: give song ids or --search, not both\n',
    });
    expect(await runTunes(['playlist', 'add', 'mix', '1', '--all'], { home })).toMatchObject({ code: 2, stderr: 'tunes: --all only goes with --search\n' });
    expect(await runTunes(['playlist', 'add', 'mix', '--search', '  '], { home })).toMatchObject({ code: 2, stderr: 'tunes: --search needs some words\n' });
    expect(await runTunes(['playlist', 'add', 'mix'], { home })).toMatchObject({
      code: 2,
      stderr: 'tunes: give at least one song id, or --search "words"\n',
    });
    expect((JSON.parse((await runTunes(['playlist', 'show', 'mix', '--json'], { home })).stdout) as Show).entries).toHaveLength(4);
  });
});
