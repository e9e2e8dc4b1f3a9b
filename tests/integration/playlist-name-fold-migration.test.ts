import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { foldedNameKey } from '../../db/migrations/0010-playlist-name-fold.js';
import { openStore } from '../../src/db/open.js';
import { systemClock } from '../../src/services/clock.js';
import { nameKey } from '../../src/services/playlists/playlist-rules.js';
import { createPlaylistService } from '../../src/services/playlists/playlist-service.js';
import { errorOf } from '../helpers/error-of.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('migration 0010 (playlist names fold accents, quotes and spaces)', () => {
  it('recomputes every key, and renames a later playlist whose name now collides instead of losing it', async () => {
    const path = join(tempDir(), 'tunes.db');
    const sqlite = new BetterSqlite3(path);
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0010'));
    expect((await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest()).error).toBeUndefined();
    sqlite.pragma(`user_version = ${Object.keys(before).length}`);
    const user = (name: string) =>
      sqlite.prepare(`insert into users (username, password_hash, role, created_at) values (?, 'x', 'user', '')`).run(name).lastInsertRowid;
    const alice = user('alice');
    const bob = user('bob');
    const playlist = sqlite.prepare(`insert into playlists (owner_id, name, name_key, description, created_at, updated_at) values (?, ?, ?, null, '', 'then')`);
    // name_key as 0004 made it: NFC, lower case.
    const add = (owner: number | bigint, name: string) => playlist.run(owner, name, name.normalize('NFC').toLowerCase());
    add(alice, 'Café Mix');
    add(alice, 'Cafe Mix');
    add(alice, 'CAFÉ  MIX');
    add(alice, 'Don’t Stop');
    add(alice, "Don't stop");
    add(alice, 'Road Trip');
    add(bob, 'Cafe Mix');
    sqlite.prepare(`insert into songs (path, title, artist, album, size, mtime_ms, added_at) values ('/m/a.mp3', 'A', 'B', 'C', 1, 0, '')`).run();
    sqlite.prepare(`insert into playlist_songs (playlist_id, position, song_id, added_at) values (2, 1, 1, '')`).run();
    await db.destroy();

    const store = await openStore(path);
    try {
      const rows = store.sqlite.prepare('select id, owner_id, name, name_key, updated_at from playlists order by id').all();
      expect(rows).toEqual([
        { id: 1, owner_id: 1, name: 'Café Mix', name_key: 'cafe mix', updated_at: 'then' },
        { id: 2, owner_id: 1, name: 'Cafe Mix (2)', name_key: 'cafe mix (2)', updated_at: expect.stringMatching(/^\d{4}-/) },
        { id: 3, owner_id: 1, name: 'CAFÉ  MIX (3)', name_key: 'cafe mix (3)', updated_at: expect.stringMatching(/^\d{4}-/) },
        { id: 4, owner_id: 1, name: 'Don’t Stop', name_key: "don't stop", updated_at: 'then' },
        { id: 5, owner_id: 1, name: "Don't stop (2)", name_key: "don't stop (2)", updated_at: expect.stringMatching(/^\d{4}-/) },
        { id: 6, owner_id: 1, name: 'Road Trip', name_key: 'road trip', updated_at: 'then' },
        { id: 7, owner_id: 2, name: 'Cafe Mix', name_key: 'cafe mix', updated_at: 'then' },
      ]);
      // The renamed playlist kept its songs; lookups and uniqueness use the new key.
      expect(store.sqlite.prepare('select count(*) from playlist_songs where playlist_id = 2').pluck().get()).toBe(1);
      const playlists = createPlaylistService({ db: store.db, clock: systemClock });
      expect((await playlists.get(1, 'cafe mix')).id).toBe(1);
      expect((await playlists.get(1, "DON'T STOP")).id).toBe(4);
      expect(await errorOf(playlists.create(1, 'cafè   mix'))).toBe(
        'conflict: you already have a playlist named "Café Mix" (the same name as "cafè   mix")',
      );
    } finally {
      await store.close();
    }
  });

  it('keeps the same key as the service (its frozen copy agrees with nameKey)', () => {
    const names = ['Café Mix', '  Road   Trip ', 'Don’t Stop', '“Quoted”', 'Rock – Roll', 'ÀÉÎÕÜ ñ', '坂本龍一', 'Björk', 'A\u00a0B', 'e\u0301'];
    for (const name of names) expect(foldedNameKey(name), name).toBe(nameKey(name));
  });
});
