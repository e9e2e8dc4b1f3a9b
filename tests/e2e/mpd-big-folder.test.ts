import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { mpc, mpdLibrary } from '../helpers/mpd-library.js';
import { runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const FOLDERS = 100_000;

describe('the MPD bridge on a library folder of 100,000 album folders', () => {
  it('lists them all with `mpc ls`, in order, while `mpc status` from another client keeps being answered', async () => {
    const { home, music } = await mpdLibrary();
    const socket = join(tempDir(), 'mpd.sock');
    expect((await runTunes(['config', 'set', 'mpd-listen', socket], { home })).code).toBe(0);
    // Rows only (no files behind them): the watch's full check would mark them missing, so it is off.
    expect((await runTunes(['config', 'set', 'watch', 'off'], { home })).code).toBe(0);
    const db = new BetterSqlite3(join(home, 'tunes.db'));
    const insert = db.prepare(
      "insert into songs (path, title, artist, album, size, mtime_ms, duration_ms, added_at) values (?, 'Song', 'Many', ?, 1000, 0, 180000, '2026-01-01T00:00:00.000Z')",
    );
    db.transaction(() => {
      for (let i = 0; i < FOLDERS; i += 1) insert.run(join(music, `Folder ${String(i).padStart(6, '0')}`, '01 Song.ogg'), `Album ${i}`);
    })();
    db.close();
    expect((await runTunes(['play', '--album', 'Night', '-b'], { home })).code).toBe(0);

    let listed: { code: number; stdout: string } | undefined;
    const listing = mpc(socket, ['ls', 'music']).then((result) => (listed = result));
    // Statuses asked one after another while the listing runs are answered meanwhile.
    let answeredMeanwhile = 0;
    while (listed === undefined) {
      const status = await mpc(socket, ['status']);
      expect(status.code, status.stderr).toBe(0);
      if (listed === undefined) answeredMeanwhile += 1;
    }
    await listing;
    expect(listed.code, (listed as { stderr?: string }).stderr).toBe(0);
    const lines = listed.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBe(FOLDERS + 2);
    expect(lines[0]).toBe('music/Folder 000000');
    expect(lines.at(-3)).toBe(`music/Folder ${String(FOLDERS - 1).padStart(6, '0')}`);
    expect(lines.slice(-2)).toEqual(['music/Owls', 'music/Sunrise Band']);
    expect(answeredMeanwhile).toBeGreaterThan(1);
  }, 300_000);
});
