import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import * as subsonic from '../../db/migrations/0012-subsonic.js';
import { openStore } from '../../src/db/open.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('migration 0012 (app keys, album/artist stars, play queues, now playing)', () => {
  it('adds its tables to an existing library without touching its data, and goes back down', async () => {
    const path = join(tempDir(), 'tunes.db');
    const sqlite = new BetterSqlite3(path);
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0012'));
    expect((await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest()).error).toBeUndefined();
    sqlite.pragma(`user_version = ${Object.keys(before).length}`);
    sqlite.prepare(`insert into users (username, password_hash, role, created_at) values ('alice', 'x', 'admin', '')`).run();
    sqlite.prepare(`insert into songs (path, title, artist, album, size, mtime_ms, added_at) values ('/m/a.mp3', 'A', 'B', 'C', 1, 0, '')`).run();
    sqlite.prepare(`insert into likes (user_id, song_id, liked_at) values (1, 1, 'then')`).run();
    await db.destroy();

    const store = await openStore(path);
    const tables = (store.sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]).sort();
    expect(tables).toEqual(expect.arrayContaining(['app_keys', 'album_stars', 'artist_stars', 'play_queues', 'now_playing']));
    expect(store.sqlite.prepare('select count(*) from likes').pluck().get()).toBe(1);
    // A deleted user takes their keys, stars and queue along.
    store.sqlite.prepare(`insert into app_keys (user_id, name, name_key, key_hash, key_sealed, created_at) values (1, 'k', 'k', 'h', x'00', '')`).run();
    store.sqlite.prepare(`insert into play_queues (user_id, song_ids, changed_at, changed_by) values (1, '[1]', '', 'c')`).run();
    store.sqlite.prepare('delete from users where id = 1').run();
    expect(store.sqlite.prepare('select (select count(*) from app_keys) + (select count(*) from play_queues)').pluck().get()).toBe(0);
    await subsonic.down(store.db as unknown as Kysely<any>);
    const after = store.sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[];
    expect(after).not.toContain('app_keys');
    await subsonic.up(store.db as unknown as Kysely<any>);
    await store.close();
  });
});
