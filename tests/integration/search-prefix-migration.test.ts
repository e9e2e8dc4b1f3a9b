import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { openStore } from '../../src/db/open.js';
import { createCatalogService } from '../../src/services/catalog/catalog-service.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('migration 0006 (one-letter prefix index)', () => {
  it('upgrades a database made before it: existing songs stay searchable and triggers keep the index in sync', async () => {
    const path = join(tempDir(), 'tunes.db');
    const sqlite = new BetterSqlite3(path);
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0006'));
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => before } }).migrateToLatest();
    expect(error).toBeUndefined();
    sqlite.pragma(`user_version = ${Object.keys(before).length}`);
    sqlite
      .prepare(`insert into songs (path, title, artist, album, size, mtime_ms, added_at) values (?, ?, ?, ?, 1, 0, '')`)
      .run('/m/a.mp3', 'Lullaby', 'The Cure', 'Disintegration');
    await db.destroy();

    const store = await openStore(path);
    try {
      const catalog = createCatalogService({ db: store.db });
      expect((await catalog.listSongs({ query: 'l' })).songs.map((s) => s.title)).toEqual(['Lullaby']);
      await store.db.insertInto('songs').values({
        path: '/m/b.mp3', title: 'Lovesong', artist: 'The Cure', album: 'Disintegration', size: 1, mtime_ms: 0, added_at: '',
      }).execute();
      expect((await catalog.listSongs({ query: 'l', sort: 'title' })).songs.map((s) => s.title)).toEqual(['Lovesong', 'Lullaby']);
      await store.db.updateTable('songs').set({ missing_since: 'now' }).where('path', '=', '/m/a.mp3').execute();
      expect((await catalog.listSongs({ query: 'cure' })).songs.map((s) => s.title)).toEqual(['Lovesong']);
      store.sqlite.exec("insert into songs_fts (songs_fts) values ('integrity-check')");
      const prefix = store.sqlite.prepare("select sql from sqlite_master where name = 'songs_fts'").pluck().get();
      expect(prefix).toContain("prefix = '1 2 3 4'");
    } finally {
      await store.close();
    }
  });
});
