import { spawn } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorOf, sqlitePlaylistSetup } from '../helpers/playlist-setup.js';
import { seedSongs } from '../helpers/seed-songs.js';

const WORKER = fileURLToPath(new URL('../helpers/add-songs-worker.ts', import.meta.url));

function runWorker(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('playlist adds from several processes at once', () => {
  it('ends with every song present and positions 1..n', async () => {
    const { store, playlists, alice } = await sqlitePlaylistSetup();
    const workers = 3;
    const perWorker = 40;
    const songs = await seedSongs(store, Array.from({ length: workers * perWorker }, () => ({})));
    const p = await playlists.create(alice.id, 'Busy');
    const results = await Promise.all(
      Array.from({ length: workers }, (_, w) =>
        runWorker([store.path, String(alice.id), 'busy', ...songs.slice(w * perWorker, (w + 1) * perWorker).map((s) => String(s.id))]),
      ),
    );
    for (const r of results) expect(r).toEqual({ code: 0, stderr: '' });
    const rows = store.sqlite
      .prepare('select position, song_id from playlist_songs where playlist_id = ? order by position')
      .all(p.id) as Array<{ position: number; song_id: number }>;
    expect(rows.map((r) => r.position)).toEqual(Array.from({ length: workers * perWorker }, (_, i) => i + 1));
    expect(rows.map((r) => r.song_id).sort((a, b) => a - b)).toEqual(songs.map((s) => s.id));
  });
});

describe('a playlist change while another process holds the write lock', () => {
  it('waits for the busy timeout, then fails with a clear "busy" error (exit 6, HTTP 503) and changes nothing', async () => {
    const { store, playlists, alice } = await sqlitePlaylistSetup();
    const [song] = await seedSongs(store, [{}]);
    await playlists.create(alice.id, 'Locked');
    const other = new BetterSqlite3(store.path);
    other.exec('begin immediate');
    store.sqlite.pragma('busy_timeout = 50');
    try {
      expect(await errorOf(playlists.addSongs(alice.id, 'locked', [song!.id]))).toBe(
        'unavailable: the database is busy: another tunes process kept it locked too long',
      );
    } finally {
      other.exec('rollback');
      other.close();
    }
    expect((await playlists.get(alice.id, 'locked')).song_count).toBe(0);
    await playlists.addSongs(alice.id, 'locked', [song!.id]);
    expect((await playlists.get(alice.id, 'locked')).song_count).toBe(1);
  });
});
