import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { openStore } from '../../src/db/open.js';
import { createBrowseService } from '../../src/services/browse/browse-service.js';
import { createCatalogService } from '../../src/services/catalog/catalog-service.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A library as today's schema (before 0007) holds it: songs, a user's likes, playlist and plays. */
async function libraryBefore0007(path: string): Promise<void> {
  const sqlite = new BetterSqlite3(path);
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0007'));
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest();
  expect(error).toBeUndefined();
  sqlite.pragma(`user_version = ${Object.keys(before).length}`);
  sqlite.prepare("insert into library_roots (path, added_at) values ('/music', '2026-01-01T00:00:00.000Z')").run();
  const insert = sqlite.prepare(`insert into songs (path, title, artist, album, album_artist, track_no, disc_no, year, size, mtime_ms, added_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, 1, 0, '2026-01-01T00:00:00.000Z')`);
  const songs: Array<[string, string, string, string, string | null, number | null, number | null, number | null]> = [
    // A soundtrack with no album-artist tag: one folder, one title, three composers (listed in composer order before).
    ['/music/OST/Wesnoth/05.ogg', 'Five', 'Zed', 'Wesnoth OST', null, 5, 1, 2008],
    ['/music/OST/Wesnoth/01.ogg', 'One', 'Amy', 'Wesnoth OST', null, 1, 1, 2008],
    ['/music/OST/Wesnoth/02.ogg', 'Two', 'Mo', 'Wesnoth OST', null, 2, 1, 2008],
    // Multi-disc with an album artist, in disc folders.
    ['/music/Band/Double/CD2/01.mp3', 'Disc Two', 'Guest', 'Double', 'Band', 1, 2, 2001],
    ['/music/Band/Double/CD1/01.mp3', 'Disc One', 'Band', 'Double', 'Band', 1, 1, 2001],
    // A compilation by album-artist tag.
    ['/music/Comp/Hits/1.mp3', 'Hit A', 'Ay', 'Hits', 'Various Artists', 1, null, 2020],
    ['/music/Comp/Hits/2.mp3', 'Hit B', 'Bee', 'Hits', 'Various Artists', 2, null, 2020],
    // Two Homogenics.
    ['/music/Björk/Homogenic/1.mp3', 'Hunter', 'Björk', 'Homogenic', null, 1, null, 1997],
    ['/music/Other/Homogenic/1.mp3', 'Other', 'The Homogenics', 'Homogenic', null, 1, null, 2010],
    // Untagged, as the old scanner stored them.
    ['/music/Unknown Band/Tapes/01 first.mp3', '01 first', 'Unknown Artist', 'Unknown Album', null, null, null, null],
  ];
  for (const song of songs) insert.run(...song);
  sqlite.prepare("insert into users (username, password_hash, role, created_at) values ('alice', 'x', 'admin', '2026-01-01')").run();
  sqlite.prepare("insert into playlists (owner_id, name, name_key, created_at, updated_at) values (1, 'Road', 'road', '2026-01-01', '2026-01-01')").run();
  for (const [position, song] of [[1, 3], [2, 6], [3, 10]]) {
    sqlite.prepare("insert into playlist_songs (playlist_id, position, song_id, added_at) values (1, ?, ?, '2026-01-01')").run(position, song);
  }
  sqlite.prepare("insert into likes (user_id, song_id, liked_at) values (1, 8, '2026-01-01'), (1, 9, '2026-01-02')").run();
  sqlite.prepare("insert into plays (user_id, song_id, started_at, ms_played) values (1, 2, '2026-01-01', 30000)").run();
  await db.destroy();
}

describe('migration 0007 (albums and artists)', () => {
  it('migrates a library in place: every song, like, playlist place and play is there, grouped as the records have it', async () => {
    const path = join(tempDir(), 'tunes.db');
    await libraryBefore0007(path);
    const store = await openStore(path);
    try {
      const count = async (table: 'songs' | 'likes' | 'playlist_songs' | 'plays') =>
        Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      expect([await count('songs'), await count('likes'), await count('playlist_songs'), await count('plays')]).toEqual([10, 2, 3, 1]);

      const browse = createBrowseService({ db: store.db });
      const albums = await browse.albums({ limit: 100, offset: 0 });
      expect(albums.map((a) => `${a.title} / ${a.artist} / ${a.song_count}`)).toEqual([
        'Double / Band / 2',
        'Hits / Various Artists / 2',
        'Homogenic / Björk / 1',
        'Homogenic / The Homogenics / 1',
        'Tapes / Unknown Band / 1',
        'Wesnoth OST / Various Artists / 3',
      ]);
      const ost = albums.find((a) => a.title === 'Wesnoth OST')!;
      expect((await browse.album(ost.id)).songs.map((s) => s.title)).toEqual(['One', 'Two', 'Five']);
      const double = albums.find((a) => a.title === 'Double')!;
      expect((await browse.album(double.id)).songs.map((s) => s.title)).toEqual(['Disc One', 'Disc Two']);
      expect((await browse.artists({ limit: 100, offset: 0 })).map((a) => a.name)).toEqual([
        'Band', 'Björk', 'The Homogenics', 'Unknown Band', 'Various Artists',
      ]);
      const catalog = createCatalogService({ db: store.db });
      expect((await catalog.listSongs({ artist: 'various artists' })).songs.map((s) => s.title)).toEqual(['Hit A', 'Hit B', 'One', 'Two', 'Five']);
      expect((await catalog.listSongs({ query: 'tapes' })).songs.map((s) => s.title)).toEqual(['01 first']);
      // The next scan reads every song again (for covers and compilation flags).
      expect(store.sqlite.prepare('select count(*) from songs where scan_version = 0').pluck().get()).toBe(10);
      store.sqlite.exec("insert into songs_fts (songs_fts, rank) values ('integrity-check', 1)");
      expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
