import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { openStore } from '../../src/db/open.js';
import { createAuthService } from '../../src/services/auth/auth-service.js';
import { fixedClock } from '../../src/services/clock.js';
import { createLibraryService } from '../../src/services/library/library-service.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { FAST_SCRYPT } from '../helpers/test-store.js';

describe('migration 0008 (file identity)', () => {
  it('upgrades a library stored once per path by an older tunes: the next scan gives each file one song, likes kept', async () => {
    const music = tempDir('tunes-music-');
    mkdirSync(join(music, 'audio'));
    mkdirSync(join(music, 'en'));
    cpSync(join(FIXTURES_DIR, 'flac.flac'), join(music, 'audio', 'track.flac'));
    symlinkSync(join('..', 'audio', 'track.flac'), join(music, 'en', 'track.flac'));

    // A database as the scanner before 0008 left it: two songs for one file, a like on the linked one.
    const path = join(tempDir(), 'tunes.db');
    const sqlite = new BetterSqlite3(path);
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0007'));
    expect((await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest()).error).toBeUndefined();
    sqlite.pragma(`user_version = ${Object.keys(before).length}`);
    const insert = sqlite.prepare(`insert into songs (path, title, artist, album, size, mtime_ms, added_at, duration_ms) values (?, 'FLAC Title', 'FLAC Artist', 'FLAC Album', ?, ?, '2026-01-01T00:00:00.000Z', 1000)`);
    const { size, mtimeMs } = (await import('node:fs')).statSync(join(music, 'audio', 'track.flac'));
    const linked = Number(insert.run(join(music, 'en', 'track.flac'), size, Math.trunc(mtimeMs)).lastInsertRowid);
    insert.run(join(music, 'audio', 'track.flac'), size, Math.trunc(mtimeMs));
    sqlite.prepare(`insert into library_roots (path, added_at) values (?, '2026-01-01T00:00:00.000Z')`).run(music);
    await db.destroy();

    const store = await openStore(path);
    try {
      expect(store.sqlite.prepare('select count(*) from songs where dev is null').pluck().get()).toBe(2);
      const clock = fixedClock(new Date('2026-03-01T12:00:00Z'));
      const admin = (await createAuthService({ db: store.db, clock, scryptParams: FAST_SCRYPT }).register('admin', 'password one')).user;
      store.sqlite.prepare(`insert into likes (user_id, song_id, liked_at) values (?, ?, '2026-02-01T00:00:00.000Z')`).run(admin.id, linked);
      const library = createLibraryService({ db: store.db, songWriter: store.songWriter, clock });
      expect(await library.scan(admin, { workers: 0 })).toMatchObject({ files: 1, duplicates: 1, merged: 1, missing: 0 });
      expect(store.sqlite.prepare('select id, path from songs').all()).toEqual([{ id: linked, path: join(music, 'audio', 'track.flac') }]);
      expect(store.sqlite.prepare('select song_id from likes').pluck().all()).toEqual([linked]);
      expect(store.sqlite.prepare('select count(*) from songs where dev is null').pluck().get()).toBe(0);
    } finally {
      await store.close();
    }
  });
});
