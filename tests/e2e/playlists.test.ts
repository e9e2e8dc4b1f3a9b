import { describe, expect, it } from 'vitest';
import { cliLibrary } from '../helpers/cli-library.js';
import { runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

describe('tunes playlist', () => {
  it('creates a playlist and adds a song in two commands, then shows and lists it', async () => {
    const { home, songs } = await cliLibrary(['alice'], [
      { title: 'Blue', artist: 'Joni', album: 'Blue', duration_ms: 185_000 },
      { title: 'River', artist: 'Joni', album: 'Blue', duration_ms: 240_000, missing_since: '2026-01-01T00:00:00.000Z' },
    ]);
    const [blue, river] = songs;
    const created = await runTunes(['playlist', 'create', 'Road Trip', '--description', 'summer'], { home });
    expect(created).toMatchObject({ code: 0, stdout: 'Created playlist "Road Trip" (id 1)\n', stderr: '' });
    const added = await runTunes(['playlist', 'add', 'road trip', String(blue!.id), String(river!.id)], { home });
    expect(added).toMatchObject({ code: 0, stdout: 'Added 2 songs to "Road Trip" at positions 1-2 (now 2 songs, 7:05)\n' });

    const show = await runTunes(['playlist', 'show', 'ROAD TRIP'], { home });
    expect(show.code).toBe(0);
    expect(show.stdout).toBe(
      [
        'Road Trip (id 1) · 2 songs · 7:05',
        'summer',
        '#  ID  TITLE                ARTIST  ALBUM  LENGTH',
        `1   ${blue!.id}  Blue                 Joni    Blue     3:05`,
        `2   ${river!.id}  River [unavailable]  Joni    Blue     4:00`,
        '',
      ].join('\n'),
    );
    const showJson = json((await runTunes(['playlist', 'show', '1', '--json'], { home })).stdout);
    expect(showJson).toMatchObject({ id: 1, name: 'Road Trip', description: 'summer', song_count: 2, duration_ms: 425_000 });
    expect(showJson.entries).toEqual([
      expect.objectContaining({
        position: 1,
        song_id: blue!.id,
        available: true,
        song: expect.objectContaining({ id: blue!.id, title: 'Blue', artist: 'Joni', album: 'Blue', duration_ms: 185_000, available: true }),
      }),
      expect.objectContaining({ position: 2, song_id: river!.id, available: false, song: expect.objectContaining({ title: 'River' }) }),
    ]);

    await runTunes(['playlist', 'create', 'Empty'], { home });
    const list = await runTunes(['playlist', 'list', '--json'], { home });
    expect((JSON.parse(list.stdout) as Array<Record<string, unknown>>).map((p) => [p.name, p.song_count, p.duration_ms])).toEqual([
      ['Empty', 0, 0],
      ['Road Trip', 2, 425_000],
      // The built-in smart playlists every user has, after the user's own.
      ['Forgotten favourites', 0, 0],
      ['Most played', 0, 0],
      ['Never played', 1, 185_000],
      ['Recently added', 1, 185_000],
    ]);
    const human = await runTunes(['playlist', 'list'], { home });
    expect(human.stdout.split('\n')[0]).toMatch(/^ID  NAME +SONGS  LENGTH  UPDATED$/);
    expect(human.stdout).toMatch(/^ 1  Road Trip +2 +7:05  \d{4}-\d\d-\d\d \d\d:\d\d$/m);
  });

  it('inserts, removes, moves, renames and deletes, keeping positions 1..n', async () => {
    const { home, songs } = await cliLibrary(['alice'], [{ title: 'A' }, { title: 'B' }, { title: 'C' }, { title: 'D' }]);
    const [a, b, c, d] = songs.map((s) => String(s.id));
    await runTunes(['playlist', 'create', 'Mix'], { home });
    await runTunes(['playlist', 'add', 'mix', a!, b!], { home });
    const dup = await runTunes(['playlist', 'add', 'mix', c!, a!, '--at', '2', '--json'], { home });
    expect(dup.code).toBe(0);
    expect(dup.stderr).toBe(`note: song ${a} was already in "Mix"; added again\n`);
    expect(json(dup.stdout)).toMatchObject({ added: [{ position: 2, song_id: Number(c) }, { position: 3, song_id: Number(a) }], already_present: [Number(a)] });
    await runTunes(['playlist', 'add', 'mix', d!], { home });
    const titles = async () =>
      (json((await runTunes(['playlist', 'show', 'mix', '--json'], { home })).stdout).entries as Array<{ position: number; song: { title: string } }>).map(
        (e) => `${e.position}${e.song.title}`,
      );
    expect(await titles()).toEqual(['1A', '2C', '3A', '4B', '5D']);

    const removed = await runTunes(['playlist', 'remove', 'mix', '3', '1'], { home });
    expect(removed).toMatchObject({ code: 0, stdout: 'Removed 2 songs from "Mix" (now 3 songs)\n  1. Seed Artist - A\n  3. Seed Artist - A\n' });
    expect(await titles()).toEqual(['1C', '2B', '3D']);
    const moved = await runTunes(['playlist', 'move', 'mix', '3', '1'], { home });
    expect(moved).toMatchObject({ code: 0, stdout: 'Moved "D" from 3 to 1 in "Mix"\n' });
    expect(await titles()).toEqual(['1D', '2C', '3B']);

    const renamed = await runTunes(['playlist', 'rename', 'mix', 'Weekend'], { home });
    expect(renamed).toMatchObject({ code: 0, stdout: 'Renamed "Mix" to "Weekend"\n' });
    const deleted = await runTunes(['playlist', 'delete', 'weekend', '--yes'], { home });
    expect(deleted).toMatchObject({ code: 0, stdout: 'Deleted playlist "Weekend" (3 songs)\n' });
    expect((await runTunes(['playlist', 'list', '--no-built-ins', '--json'], { home })).stdout).toBe('[]\n');
  });

  it('maps every failure to its exit code with a one-line message', async () => {
    const { home, songs } = await cliLibrary(['alice'], [{}]);
    const song = String(songs[0]!.id);
    await runTunes(['playlist', 'create', 'Mix'], { home });
    await runTunes(['playlist', 'add', 'Mix', song], { home });
    const cases: Array<[string[], number, string]> = [
      [['playlist', 'create', 'MIX'], 5, 'tunes: you already have a playlist named "Mix" (the same name as "MIX")\nhint: names are compared ignoring case, accents and quote styles\n'],
      [['playlist', 'create', '   '], 2, 'tunes: playlist name must not be blank\n'],
      [['playlist', 'create', 'x'.repeat(101)], 2, 'tunes: playlist name must be 1-100 characters (got 101)\n'],
      [['playlist', 'show', 'nope'], 4, 'tunes: no playlist "nope"\nhint: run `tunes playlist list` to see your playlists\n'],
      [['playlist', 'add', 'mix', '999'], 4, 'tunes: no song with id 999\nhint: run `tunes songs` to see song ids\n'],
      [['playlist', 'add', 'mix', 'abc'], 2, 'tunes: not a valid song id: abc\n'],
      [['playlist', 'add', 'mix', song, '--at', '3'], 2, 'tunes: insert position 3 is out of range (expected 1-2)\n'],
      [['playlist', 'remove', 'mix', '2'], 2, 'tunes: position 2 is out of range (expected 1-1)\n'],
      [['playlist', 'move', 'mix', '1', '0'], 2, 'tunes: to position 0 is out of range (expected 1-1)\n'],
      [['playlist', 'rename', 'mix', ''], 2, 'tunes: playlist name must not be blank\n'],
      [['playlist', 'delete', 'mix'], 2, 'tunes: not deleting "Mix" without confirmation\nhint: pass --yes to delete without asking\n'],
    ];
    for (const [args, code, stderr] of cases) {
      const result = await runTunes(args, { home });
      expect({ args, code: result.code, stderr: result.stderr, stdout: result.stdout }).toEqual({ args, code, stderr, stdout: '' });
    }
    const asJson = await runTunes(['playlist', 'show', 'nope', '--json'], { home });
    expect(asJson.code).toBe(4);
    expect(asJson.stdout).toBe('');
    expect(JSON.parse(asJson.stderr)).toEqual({ error: { code: 'not_found', message: 'no playlist "nope"' } });
    const missingArg = await runTunes(['playlist', 'add', 'mix'], { home });
    expect(missingArg.code).toBe(2);
    // nothing changed along the way
    expect(json((await runTunes(['playlist', 'show', 'mix', '--json'], { home })).stdout)).toMatchObject({ song_count: 1 });

    await runTunes(['logout'], { home });
    for (const args of [['playlist', 'list'], ['playlist', 'create', 'x'], ['like', song], ['liked']]) {
      const result = await runTunes(args, { home });
      expect({ args, code: result.code }).toEqual({ args, code: 3 });
      expect(result.stderr).toContain('not logged in');
    }
  });

  it('keeps two processes adding to one playlist at once from losing songs or leaving gaps', async () => {
    const { home, songs } = await cliLibrary(['alice'], Array.from({ length: 12 }, (_, i) => ({ title: `T${i}` })));
    await runTunes(['playlist', 'create', 'Race'], { home });
    const batches = [songs.slice(0, 3), songs.slice(3, 6), songs.slice(6, 9), songs.slice(9, 12)];
    const results = await Promise.all(
      batches.map((batch, i) =>
        runTunes(['playlist', 'add', 'race', ...batch.map((s) => String(s.id)), ...(i % 2 ? ['--at', '1'] : [])], { home }),
      ),
    );
    for (const r of results) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const entries = json((await runTunes(['playlist', 'show', 'race', '--json'], { home })).stdout).entries as Array<{ position: number; song_id: number }>;
    const shown = entries.map((e) => ({ position: e.position, id: e.song_id }));
    expect(shown.map((s) => s.position)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(shown.map((s) => s.id).sort((x, y) => x - y)).toEqual(songs.map((s) => s.id).sort((x, y) => x - y));
    // each batch stays together, in the order given
    for (const batch of batches) {
      const at = shown.findIndex((s) => s.id === batch[0]!.id);
      expect(shown.slice(at, at + 3).map((s) => s.id)).toEqual(batch.map((s) => s.id));
    }
  });

  it('refuses an unknown export format and reports an unreadable import file (exit 6)', async () => {
    const { home } = await cliLibrary(['alice'], [{}]);
    await runTunes(['playlist', 'create', 'Mix'], { home });
    const badFormat = await runTunes(['playlist', 'export', 'mix', '--format', 'pls'], { home });
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('Allowed choices are m3u8, xspf, json');
    const missing = await runTunes(['playlist', 'import', `${tempDir()}/nope.m3u`], { home });
    expect(missing.code).toBe(6);
    expect(missing.stderr).toMatch(/^tunes: cannot read .*nope\.m3u: ENOENT\n$/);
  });
});
