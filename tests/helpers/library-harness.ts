import { join } from 'node:path';
import type { SqliteStore, Store } from '../../src/db/open.js';
import { createAuthService } from '../../src/services/auth/auth-service.js';
import { createCatalogService } from '../../src/services/catalog/catalog-service.js';
import { fixedClock } from '../../src/services/clock.js';
import { createLibraryService } from '../../src/services/library/library-service.js';
import { createLikeService } from '../../src/services/playlists/like-service.js';
import { createPlaylistService } from '../../src/services/playlists/playlist-service.js';
import { tempDir } from './temp-dir.js';
import { FAST_SCRYPT, testDatabase, testStore } from './test-store.js';

/**
 * A real database (of the dialect under test) with an admin and a listener, the library, playlist and
 * like services, and a music folder.
 */
export async function libraryHarness() {
  return harnessOn(await testDatabase());
}

/** The same on an SQLite file, for tests that read it with SQLite's own statements. */
export async function sqliteLibraryHarness() {
  return harnessOn(await testStore());
}

async function harnessOn<S extends Store>(store: S) {
  const clock = fixedClock(new Date('2026-03-01T12:00:00Z'));
  const auth = createAuthService({ db: store.db, clock, scryptParams: FAST_SCRYPT });
  const admin = (await auth.register('admin', 'password one')).user;
  const listener = (await auth.register('listener', 'password two')).user;
  const library = createLibraryService({ db: store.db, songWriter: store.songWriter, clock });
  const catalog = createCatalogService({ db: store.db });
  const playlists = createPlaylistService({ db: store.db, clock });
  const likes = createLikeService({ db: store.db, clock });
  const music = tempDir('tunes-music-');
  return { store, clock, admin, listener, library, catalog, playlists, likes, music };
}

export async function songAt(store: Store, path: string) {
  return store.db.selectFrom('songs').selectAll().where('path', '=', path).executeTakeFirst();
}

export async function songIdAt(store: Store, dir: string, name: string): Promise<number> {
  const song = await songAt(store, join(dir, name));
  if (!song) throw new Error(`no song at ${join(dir, name)}`);
  return song.id;
}

/** A listen, written as the history service stores it. */
export function addPlay(store: SqliteStore, userId: number, songId: number, startedAt: string): void {
  store.sqlite.prepare('insert into plays (user_id, song_id, started_at, ms_played) values (?, ?, ?, 60000)').run(userId, songId, startedAt);
}

/** Everything people attached to songs, as plain rows to compare before and after a scan. */
export function attachments(store: SqliteStore) {
  return {
    likes: store.sqlite.prepare('select user_id, song_id, liked_at from likes order by user_id, song_id').all(),
    places: store.sqlite
      .prepare('select p.name, ps.position, ps.song_id from playlist_songs ps join playlists p on p.id = ps.playlist_id order by p.name, ps.position')
      .all(),
    plays: store.sqlite.prepare('select user_id, song_id, started_at from plays order by started_at').all(),
  };
}

export function songCount(store: SqliteStore): number {
  return store.sqlite.prepare('select count(*) from songs').pluck().get() as number;
}

/** The FTS index agrees with the songs it indexes (rank 1: compare content too, not only structure). */
export function searchIndexIsConsistent(store: SqliteStore): boolean {
  store.sqlite.prepare("insert into songs_fts (songs_fts, rank) values ('integrity-check', 1)").run();
  return true;
}
