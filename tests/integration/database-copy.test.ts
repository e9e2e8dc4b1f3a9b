import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tablesOf } from '../../src/db/copy/copy-dialect.js';
import { unknownTables } from '../../src/db/copy/copy-tables.js';
import { openDatabase } from '../../src/db/open.js';
import { openServices } from '../../src/services/container.js';
import { copyDatabase } from '../../src/services/database-copy/database-copy.js';
import { dumpTables, PASSWORD, seedWholeLibrary } from '../helpers/copy-library.js';
import { errorOf } from '../helpers/error-of.js';
import { tempDir } from '../helpers/temp-dir.js';
import { freshPostgresUrl, testDialect } from '../helpers/test-postgres.js';
import { testDatabase } from '../helpers/test-store.js';

async function dumpOf(location: string) {
  const store = await openDatabase(location);
  try {
    return await dumpTables(store);
  } finally {
    await store.close();
  }
}

/** What a user sees of a library: a search's songs in order, a login, and the next play's id. */
async function lookOf(location: string, env: NodeJS.ProcessEnv) {
  const services = await openServices({ dbPath: location, env });
  try {
    const searched = [...(await services.catalog.listSongs({ query: 'titl' })).songs, ...(await services.catalog.listSongs({ query: 'joga cut' })).songs, ...(await services.catalog.listSongs({ query: 'hoppi' })).songs];
    // A typo is forgiven from the target's own search vocabulary, rebuilt after the copy.
    const forgiven = (await services.catalog.listSongs({ query: 'hopipolla' })).songs.map((s) => s.title);
    const { user } = await services.auth.login('alice', PASSWORD);
    const wrong = (await errorOf(services.auth.login('alice', `${PASSWORD}!`))).split(':')[0];
    const keyUser = await services.appKeys.list(user.id);
    const store = await openDatabase(location);
    try {
      const song = await store.db.selectFrom('songs').select('id').orderBy('id').executeTakeFirstOrThrow();
      // The target's triggers work again: a login moves last_seen_at, a new song is found by search.
      const seen = await store.db.selectFrom('users').innerJoin('sessions', 'sessions.user_id', 'users.id').select(['users.last_seen_at', 'sessions.last_used_at']).where('users.id', '=', user.id).orderBy('sessions.id', 'desc').executeTakeFirstOrThrow();
      await store.db.insertInto('songs').values({ path: '/new/zyzzyva.mp3', title: 'Zyzzyva Nights', artist: 'New', album: 'New', size: 1, mtime_ms: 0, added_at: '2026-01-01T00:00:00.000Z' }).execute();
      const found = (await services.catalog.listSongs({ query: 'zyzzy' })).songs.map((s) => s.title);
      const play = await store.db.insertInto('plays').values({ user_id: user.id, song_id: song.id, started_at: new Date().toISOString(), ms_played: 1 }).returning('id').executeTakeFirstOrThrow();
      return { seenByTrigger: seen.last_seen_at === seen.last_used_at, found, forgiven, searched: searched.map((s) => [s.id, s.title]), login: user.username, wrong, keys: keyUser.map((k) => k.name), nextPlayId: play.id };
    } finally {
      await store.close();
    }
  } finally {
    await services.close();
  }
}

async function roundTrip(middle: string) {
  const home = tempDir();
  const env = { ...process.env, TUNES_HOME: home };
  const source = join(home, 'tunes.db');
  await seedWholeLibrary(source, env);
  const before = await dumpOf(source);
  const there = await copyDatabase({ from: source, to: middle, env });
  const back = join(tempDir(), 'back.db');
  const returned = await copyDatabase({ from: middle, to: back, env });
  return { env, source, back, before, there, returned };
}

describe('tunes db copy', () => {
  it('SQLite -> SQLite -> SQLite: every table row by row, search, logins, app keys and ids carry over', async () => {
    const { env, source, back, before, there, returned } = await roundTrip(join(tempDir(), 'middle.db'));
    for (const [table, rows] of Object.entries(before)) expect(rows.length, `${table} is seeded`).toBeGreaterThan(0);
    expect(before.songs!.length).toBeGreaterThan(5);
    expect(await dumpOf(back)).toEqual(before);
    expect(there.tables).toEqual(returned.tables);
    expect(there.tables.find((t) => t.table === 'songs')!.rows).toBe(before.songs!.length);
    expect(there.server_key_file).toBe(join(env.TUNES_HOME!, 'server.key'));
    const [original, copied] = [await lookOf(source, env), await lookOf(back, env)];
    expect(copied).toEqual(original);
    expect(original.searched.length).toBeGreaterThan(5);
    expect(original.searched.map(([, title]) => title)).toContain('Hoppípolla');
    expect(original.wrong).toBe('auth_failed');
    expect(original).toMatchObject({ seenByTrigger: true, found: ['Zyzzyva Nights'], forgiven: ['Hoppípolla'] });
  });

  it.skipIf(testDialect() !== 'postgres')('SQLite -> PostgreSQL -> SQLite: every table row by row, and the same search, logins and ids on PostgreSQL', async () => {
    const middle = await freshPostgresUrl();
    const { env, source, back, before } = await roundTrip(middle);
    expect(await dumpOf(middle)).toEqual(before);
    expect(await dumpOf(back)).toEqual(before);
    const original = await lookOf(source, env);
    expect(original.forgiven).toEqual(['Hoppípolla']);
    expect(await lookOf(middle, env)).toEqual(original);
    expect(await lookOf(back, env)).toEqual(original);
  });

  it('knows every table a migrated database has (a new table must be added to the copy)', async () => {
    const store = await testDatabase();
    expect(unknownTables(await tablesOf(store.db))).toEqual([]);
  });

  it('refuses a source holding a table it does not know, and leaves the target empty', async () => {
    const home = tempDir();
    const source = join(home, 'tunes.db');
    const store = await openDatabase(source);
    await sql`create table mixtapes (id integer primary key, name text)`.execute(store.db);
    await store.close();
    const target = testDialect() === 'postgres' ? await freshPostgresUrl() : join(tempDir(), 'target.db');
    const error = await errorOf(copyDatabase({ from: source, to: target, env: { TUNES_HOME: home } }));
    expect(error).toBe('usage: the source database has tables this version of tunes cannot copy: mixtapes');
  });

  it('a failed copy leaves a replaced target as it was', async () => {
    const home = tempDir();
    const env = { ...process.env, TUNES_HOME: home };
    const source = join(home, 'tunes.db');
    await seedWholeLibrary(source, env);
    const target = testDialect() === 'postgres' ? await freshPostgresUrl() : join(tempDir(), 'target.db');
    await copyDatabase({ from: source, to: target, env });
    const held = await dumpOf(target);
    // A play of a song the source no longer has (foreign keys off for this one write) cannot land.
    const store = await openDatabase(source);
    await sql`pragma foreign_keys = off`.execute(store.db);
    await store.db.insertInto('plays').values({ user_id: 1, song_id: 999_999, started_at: 'x', ms_played: 0 }).execute();
    await store.close();
    const error = await errorOf(copyDatabase({ from: source, to: target, env, replace: true }));
    expect(error).toMatch(/^io: copying plays failed near id \d+: /);
    expect(await dumpOf(target)).toEqual(held);
  });
});
