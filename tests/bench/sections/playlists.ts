import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, type SqliteStore as Store } from '../../../src/db/open.js';
import { createAuthService } from '../../../src/services/auth/auth-service.js';
import { systemClock } from '../../../src/services/clock.js';
import { createPlaylistService, type PlaylistService } from '../../../src/services/playlists/playlist-service.js';

/**
 * Playlist figures: each beside a raw better-sqlite3 baseline doing the same rows by hand in the same
 * run. Shaped like the bench harness's BenchSection (structurally, so this file stands alone).
 *   BENCH_PLAYLIST_SONGS   entries in the big playlist (default 5000)
 *   BENCH_CATALOG_SONGS    songs in the catalogue the import matches against (default 100000)
 */
interface Row {
  measure: string;
  value: string;
  baseline?: string;
  baselineValue?: string;
}

const WORKER = fileURLToPath(new URL('../../helpers/add-songs-worker.ts', import.meta.url));
const OPS = 200;

export const playlistsSection = {
  name: 'playlists',
  async run(ctx: { scratch: string; log(message: string): void }): Promise<Row[]> {
    const entries = positive(process.env.BENCH_PLAYLIST_SONGS, 5000);
    const catalog = positive(process.env.BENCH_CATALOG_SONGS, 100_000);
    const store = await openStore(join(ctx.scratch, 'playlists-bench.db'));
    try {
      ctx.log(`playlists: seeding ${catalog} songs`);
      seedCatalog(store, catalog);
      const auth = createAuthService({ db: store.db, clock: systemClock, scryptParams: { logN: 10, r: 8, p: 1 } });
      const user = (await auth.register('bench', 'bench password')).user;
      const playlists = createPlaylistService({ db: store.db, clock: systemClock });
      const big = await playlists.create(user.id, 'Big');
      await playlists.addSongs(user.id, { id: big.id }, range(1, entries));
      const raw = await playlists.create(user.id, 'Raw');
      store.sqlite.prepare(`with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
        insert into playlist_songs (playlist_id, position, song_id, added_at) select ?, i, i, '' from n`).run(entries, raw.id);
      return [
        ...(await edits(store, playlists, user.id, big.id, raw.id, entries)),
        ...(await importFigures(store, playlists, user.id, ctx.scratch, catalog)),
        ...(await concurrency(store, playlists, user.id, catalog)),
      ];
    } finally {
      await store.close();
    }
  },
};

async function edits(store: Store, playlists: PlaylistService, userId: number, bigId: number, rawId: number, entries: number): Promise<Row[]> {
  const append: number[] = [];
  const top: number[] = [];
  const show: number[] = [];
  for (let i = 0; i < OPS; i++) append.push(await time(() => playlists.addSongs(userId, { id: bigId }, [1 + (i % 1000)])));
  for (let i = 0; i < OPS; i++) top.push(await time(() => playlists.addSongs(userId, { id: bigId }, [1], { at: 1 })));
  for (let i = 0; i < 20; i++) show.push(await time(() => playlists.show(userId, { id: bigId })));

  const db = store.sqlite;
  const rawAppend = db.transaction((id: number) => {
    const next = (db.prepare('select coalesce(max(position), 0) + 1 from playlist_songs where playlist_id = ?').pluck().get(id) as number);
    db.prepare("insert into playlist_songs (playlist_id, position, song_id, added_at) values (?, ?, 1, '')").run(id, next);
  });
  const rawTop = db.transaction((id: number) => {
    db.prepare('update playlist_songs set position = position + 1 where playlist_id = ?').run(id);
    db.prepare("insert into playlist_songs (playlist_id, position, song_id, added_at) values (?, 1, 1, '')").run(id);
  });
  const rawShow = db.prepare('select s.* from playlist_songs p join songs s on s.id = p.song_id where p.playlist_id = ? order by p.position');
  const baseAppend: number[] = [];
  const baseTop: number[] = [];
  const baseShow: number[] = [];
  for (let i = 0; i < OPS; i++) baseAppend.push(await time(async () => rawAppend.immediate(rawId)));
  for (let i = 0; i < OPS; i++) baseTop.push(await time(async () => rawTop.immediate(rawId)));
  for (let i = 0; i < 20; i++) baseShow.push(await time(async () => rawShow.all(rawId)));
  const n = entries.toLocaleString('en');
  return [
    { measure: `playlist add, append one song (${n}-song playlist)`, value: stat(append), baseline: 'raw max(position)+1 insert', baselineValue: stat(baseAppend) },
    { measure: `playlist add --at 1 (shifts ${n} entries)`, value: stat(top), baseline: 'raw shift update + insert', baselineValue: stat(baseTop) },
    { measure: `playlist show (${n} songs)`, value: stat(show), baseline: 'raw join select', baselineValue: stat(baseShow) },
  ];
}

async function importFigures(store: Store, playlists: PlaylistService, userId: number, scratch: string, catalog: number): Promise<Row[]> {
  // 1000 entries by path and 1000 by #EXTINF only (paths from another machine): the slow case.
  const rows = store.sqlite.prepare('select path, artist, title from songs where id % ? = 0 limit 2000').all(Math.max(1, Math.floor(catalog / 2000))) as Array<{ path: string; artist: string; title: string }>;
  const lines = ['#EXTM3U'];
  rows.forEach((r, i) => lines.push(`#EXTINF:200,${r.artist} - ${r.title}`, i % 2 ? `C:\\Music\\${i}.mp3` : r.path));
  const file = join(scratch, 'bench.m3u8');
  writeFileSync(file, lines.join('\n'));
  const text = lines.join('\n');
  let matched = 0;
  const ours = await time(async () => {
    matched = (await playlists.import(userId, { text, sourcePath: file, name: 'Imported' })).matched;
  });
  const identities = store.sqlite.prepare('select id, artist, title from songs');
  const base = await time(async () => identities.all());
  return [
    {
      measure: `playlist import, ${rows.length} M3U entries (half by #EXTINF only) into ${catalog.toLocaleString('en')} songs; ${matched} matched`,
      value: ms(ours),
      baseline: 'raw read of every artist and title',
      baselineValue: ms(base),
    },
  ];
}

async function concurrency(store: Store, playlists: PlaylistService, userId: number, catalog: number): Promise<Row[]> {
  const perWorker = 50;
  const one = await playlists.create(userId, 'One');
  const four = await playlists.create(userId, 'Four');
  const ids = (w: number) => range(1 + w * perWorker, perWorker).map((id) => String(((id - 1) % catalog) + 1));
  const single = await time(() => worker([store.path, String(userId), String(one.id), ...[0, 1, 2, 3].flatMap(ids)]));
  const parallel = await time(() => Promise.all([0, 1, 2, 3].map((w) => worker([store.path, String(userId), String(four.id), ...ids(w)]))));
  const count = (id: number) => store.sqlite.prepare('select count(*) from playlist_songs where playlist_id = ?').pluck().get(id);
  return [
    {
      measure: `4 processes x ${perWorker} adds to one playlist (${String(count(four.id))} present)`,
      value: ms(parallel),
      baseline: `1 process x ${4 * perWorker} adds`,
      baselineValue: ms(single),
    },
  ];
}

function worker(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`add worker exited ${code}`))));
  });
}

function seedCatalog(store: Store, count: number): void {
  const insert = store.sqlite.prepare(`insert into songs (path, title, artist, album, size, mtime_ms, duration_ms, added_at)
    values (?, ?, ?, ?, 1000, 0, 200000, '')`);
  store.sqlite.transaction(() => {
    for (let i = 1; i <= count; i++) insert.run(`/bench/${i}.mp3`, `Title ${i}`, `Artist ${i % 997} é`, `Album ${i % 4001}`);
  })();
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => start + i);
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

function stat(samples: number[]): string {
  return `p50 ${ms(percentile(samples, 50))}, p99 ${ms(percentile(samples, 99))}`;
}

function ms(value: number): string {
  return value < 100 ? `${value.toFixed(2)} ms` : `${Math.round(value)} ms`;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
}
