import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import { openDatabase, type Store } from '../../src/db/open.js';
import { COPIED_TABLES } from '../../src/db/copy/copy-tables.js';
import { openServices, type Services } from '../../src/services/container.js';
import { FIXTURES_DIR } from './fixtures.js';

export const PASSWORD = 'correct horse battery';

/**
 * A library with a row in every copied table, made the way tunes makes them where it can (accounts,
 * a scan of the fixtures, playlists, likes, app keys) and by plain inserts for what a player or a
 * Subsonic client would write (plays, stars, the saved queue, now playing).
 */
export async function seedWholeLibrary(location: string, env: NodeJS.ProcessEnv): Promise<void> {
  const services = await openServices({ dbPath: location, env });
  try {
    await seedThroughServices(services);
  } finally {
    await services.close();
  }
  const store = await openDatabase(location);
  try {
    await seedByInserts(store.db);
  } finally {
    await store.close();
  }
}

async function seedThroughServices(services: Services): Promise<void> {
  const { user: alice } = await services.auth.register('alice', PASSWORD);
  await services.auth.login('alice', PASSWORD);
  const { user: bob } = await services.auth.register('Bob', PASSWORD);
  // The whole fixtures folder: audio with embedded and folder covers, lyrics sidecars.
  await services.library.addRoots(alice, [dirname(FIXTURES_DIR)]);
  const { songs } = await services.catalog.listSongs({ limit: 20 });
  const ids = songs.map((s) => s.id);
  await services.playlists.create(alice.id, 'Road trip', { description: 'for the car' });
  await services.playlists.addSongs(alice.id, 'Road trip', [ids[3]!, ids[1]!, ids[3]!, ids[0]!]);
  await services.playlists.create(bob.id, 'Short ones', { rules: 'duration:<6m', sort: '-added', limit: 5 });
  await services.likes.like(alice.id, [ids[0]!, ids[2]!]);
  await services.likes.like(bob.id, [ids[2]!]);
  await services.appKeys.create(alice.id, 'phone');
}

async function seedByInserts(db: Kysely<import('../../src/db/schema.js').Database>): Promise<void> {
  const songs = await db.selectFrom('songs').select(['id', 'album_id', 'artist_id']).orderBy('id').limit(4).execute();
  const users = await db.selectFrom('users').select('id').orderBy('id').execute();
  const [alice, bob] = [users[0]!.id, users[1]!.id];
  const at = (n: number) => new Date(Date.UTC(2026, 0, n)).toISOString();
  for (let n = 1; n <= 5; n += 1) await db.insertInto('plays').values({ user_id: alice, song_id: songs[n % 4]!.id, started_at: at(n), ms_played: 1000 * n }).execute();
  // A deleted play: its id must not be handed out again on the target.
  const last = await db.insertInto('plays').values({ user_id: bob, song_id: songs[0]!.id, started_at: at(9), ms_played: 5 }).returning('id').executeTakeFirstOrThrow();
  await db.deleteFrom('plays').where('id', '=', last.id).execute();
  await db.insertInto('album_stars').values({ user_id: alice, album_id: songs[0]!.album_id!, starred_at: at(2) }).execute();
  await db.insertInto('artist_stars').values({ user_id: bob, artist_id: songs[1]!.artist_id!, starred_at: at(3) }).execute();
  await db.insertInto('play_queues').values({ user_id: alice, song_ids: JSON.stringify(songs.map((s) => s.id)), current_song_id: songs[1]!.id, position_ms: 12_345, changed_at: at(4), changed_by: 'DSub' }).execute();
  await db.insertInto('now_playing').values({ user_id: bob, client: 'DSub', song_id: songs[2]!.id, started_at: at(5), expires_at: at(6) }).execute();
  await db.insertInto('server_secrets').values({ name: 'stream-links', secret: Buffer.from([0, 1, 2, 255, 254]), created_at: at(1) }).execute();
  await db.insertInto('albums_dirty').values({ album_id: songs[3]!.album_id! }).execute();
}

/** Every copied table's rows, ordered by key (PostgreSQL's computed search words left out). */
export async function dumpTables(store: Store): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  // Table names come from the copy's list at run time.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = store.db as Kysely<any>;
  for (const table of COPIED_TABLES) {
    let query = db.selectFrom(table.name).selectAll();
    for (const key of table.key) query = query.orderBy(key);
    const rows = (await query.execute()) as Record<string, unknown>[];
    dump[table.name] = rows.map(({ search_words: _computed, ...row }) => row);
  }
  return dump;
}
