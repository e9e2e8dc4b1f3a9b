import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { mpc, mpdLibrary } from '../helpers/mpd-library.js';
import { runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const SONGS = 100_000;

describe('the MPD bridge listing a tag over 100,000 songs (`list` without a filter)', () => {
  it('gives every album once, in order, read a slice of songs at a time while `mpc status` from another client keeps being answered', async () => {
    const { home, music } = await mpdLibrary();
    const socket = join(tempDir(), 'mpd.sock');
    expect((await runTunes(['config', 'set', 'mpd-listen', socket], { home })).code).toBe(0);
    // Rows only (no files behind them): the watch's full check would mark them missing, so it is off.
    expect((await runTunes(['config', 'set', 'watch', 'off'], { home })).code).toBe(0);
    const db = new BetterSqlite3(join(home, 'tunes.db'));
    const insert = db.prepare(
      "insert into songs (path, title, artist, album, size, mtime_ms, duration_ms, added_at) values (?, 'Song', 'Many', ?, 1000, 0, 180000, '2026-01-01T00:00:00.000Z')",
    );
    // Two songs of each album, far apart in id (so in different slices), one album's name in two cases.
    db.transaction(() => {
      for (let i = 0; i < SONGS; i += 1) insert.run(join(music, 'Big', `${i}.ogg`), `Album ${i % (SONGS / 2)}`);
      insert.run(join(music, 'Big', 'loud.ogg'), 'ALBUM 7');
    })();
    db.close();
    expect((await runTunes(['play', '--album', 'Night', '-b'], { home })).code).toBe(0);

    let listed: { code: number; stdout: string; stderr: string } | undefined;
    const listing = mpc(socket, ['list', 'album']).then((result) => (listed = result));
    let answeredMeanwhile = 0;
    while (listed === undefined) {
      const status = await mpc(socket, ['status']);
      expect(status.code, status.stderr).toBe(0);
      if (listed === undefined) answeredMeanwhile += 1;
    }
    await listing;
    expect(listed.code, listed.stderr).toBe(0);
    const albums = listed.stdout.split('\n').filter(Boolean);
    const big = albums.filter((album) => /^album \d+$/i.test(album));
    // Case-distinct spellings are distinct values, as MPD lists them.
    expect(big.length).toBe(SONGS / 2 + 1);
    expect(new Set(big).size).toBe(big.length);
    expect(big).toContain('ALBUM 7');
    const byName = new Intl.Collator(undefined, { sensitivity: 'base' });
    expect([...albums].sort((a, b) => byName.compare(a, b))).toEqual(albums);
    expect(albums).toEqual(expect.arrayContaining(['Night']));
    expect(answeredMeanwhile).toBeGreaterThan(1);
  }, 300_000);
});
