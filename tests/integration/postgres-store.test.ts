import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { createLibraryService } from '../../src/services/library/library-service.js';
import { createAuthService } from '../../src/services/auth/auth-service.js';
import { systemClock } from '../../src/services/clock.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { freshPostgresUrl, testDialect } from '../helpers/test-postgres.js';
import { FAST_SCRYPT, testStore } from '../helpers/test-store.js';
import { playlistSetup } from '../helpers/playlist-setup.js';
import { seedSongs } from '../helpers/seed-songs.js';

const onPostgres = testDialect() === 'postgres';

/** Tables and their columns as the database has them (the migrator's own tables and SQLite's FTS5 shadow tables left out). */
async function sqliteShape(): Promise<Record<string, string[]>> {
  const store = await testStore();
  const tables = store.sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'songs_fts%' and name not like 'kysely_%'")
    .pluck()
    .all() as string[];
  const shape: Record<string, string[]> = {};
  for (const table of tables) shape[table] = (store.sqlite.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]).sort();
  return shape;
}

// Only with a PostgreSQL server to compare against (npm run test:pg); SQLite alone has nothing to compare.
describe.skipIf(!onPostgres)('PostgreSQL beside SQLite', () => {
  it('ends at the same tables and columns as SQLite (plus the search column FTS5 keeps apart)', async () => {
    const store = await openDatabase(await freshPostgresUrl());
    try {
      const { rows } = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and table_name not like 'kysely_%'`.execute(store.db);
      const shape: Record<string, string[]> = {};
      for (const row of rows) (shape[row.table_name] ??= []).push(row.column_name);
      for (const columns of Object.values(shape)) columns.sort();
      shape.songs = shape.songs!.filter((c) => c !== 'search_words');
      expect(shape).toEqual(await sqliteShape());
    } finally {
      await store.close();
    }
  });

  it('scans a folder through the same library service, and a second scan finds everything unchanged', async () => {
    const store = await openDatabase(await freshPostgresUrl());
    try {
      const auth = createAuthService({ db: store.db, clock: systemClock, scryptParams: FAST_SCRYPT });
      const { user } = await auth.register('admin', 'correct horse');
      const library = createLibraryService({ db: store.db, songWriter: store.songWriter, clock: systemClock });
      const first = await library.addRoots(user, [FIXTURES_DIR], { workers: 1 });
      expect(first.scan.added).toBeGreaterThan(5);
      const { n } = await store.db.selectFrom('songs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(n).toBe(first.scan.added);
      const albums = await store.db.selectFrom('albums').select(['id', 'song_count']).where('song_count', '>', 0).execute();
      expect(albums.length).toBeGreaterThan(0);
      const again = await library.scan(user, { workers: 1 });
      expect(again).toMatchObject({ added: 0, updated: 0, unchanged: first.scan.added, missing: 0 });
      const roots = await library.listRoots(user);
      expect(roots[0]!.song_count).toBe(first.scan.added);
    } finally {
      await store.close();
    }
  });

  it('folds case and accents in SQL as src/text/fold.ts does', async () => {
    const store = await openDatabase(await freshPostgresUrl());
    try {
      const { fold } = await import('../../src/text/fold.js');
      for (const text of ['Sigur Rós', 'BEYONCÉ', 'Ærøskøbing', 'Łódź', 'ﬁne', 'Ｆｕｌｌ', 'plain ascii']) {
        const { rows } = await sql<{ f: string }>`select tunes_fold(${text}) as f`.execute(store.db);
        expect(rows[0]!.f, text).toBe(fold(text));
      }
    } finally {
      await store.close();
    }
  });

  it('50 concurrent adds to one playlist over the pool: every add kept, positions 1..n (fails without the playlist row lock)', async () => {
    const { store, playlists, alice } = await playlistSetup();
    const songs = await seedSongs(store, Array.from({ length: 10 }, () => ({})));
    await playlists.create(alice.id, 'Shared');
    const { isDatabaseUrl } = await import("../../src/config/paths.js");
    expect(isDatabaseUrl(store.location)).toBe(true);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => playlists.addSongs(alice.id, 'shared', [songs[i % songs.length]!.id])),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await store.db.selectFrom('playlist_songs').select('position').orderBy('position').execute();
    expect(rows.map((r) => r.position)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});
