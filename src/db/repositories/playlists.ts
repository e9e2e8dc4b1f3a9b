import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Playlist } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A playlist with the figures listings show. */
export interface PlaylistTotals extends Playlist {
  song_count: number;
  duration_ms: number;
}

export async function insertPlaylist(
  db: Db,
  values: { ownerId: number; name: string; nameKey: string; description: string | null; now: string },
): Promise<Playlist> {
  return db
    .insertInto('playlists')
    .values({
      owner_id: values.ownerId,
      name: values.name,
      name_key: values.nameKey,
      description: values.description,
      created_at: values.now,
      updated_at: values.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findOwnedByNameKey(db: Db, ownerId: number, nameKey: string): Promise<Playlist | undefined> {
  return db
    .selectFrom('playlists')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('name_key', '=', nameKey)
    .executeTakeFirst();
}

/** Always filtered by owner: another user's id finds nothing, exactly like an id that does not exist. */
export async function findOwnedById(db: Db, ownerId: number, id: number): Promise<Playlist | undefined> {
  return db.selectFrom('playlists').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();
}

function withTotals(db: Db) {
  return db
    .selectFrom('playlists')
    .selectAll('playlists')
    .select((eb) => [
      eb
        .selectFrom('playlist_songs')
        .whereRef('playlist_songs.playlist_id', '=', 'playlists.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('song_count'),
      eb
        .selectFrom('playlist_songs')
        .innerJoin('songs', 'songs.id', 'playlist_songs.song_id')
        .whereRef('playlist_songs.playlist_id', '=', 'playlists.id')
        .select(sql<number>`coalesce(sum(songs.duration_ms), 0)`.as('ms'))
        .as('duration_ms'),
    ]);
}

export async function listOwnedWithTotals(db: Db, ownerId: number): Promise<PlaylistTotals[]> {
  const rows = await withTotals(db).where('owner_id', '=', ownerId).orderBy('name_key').orderBy('id').execute();
  return rows.map(normaliseTotals);
}

export async function findTotals(db: Db, id: number): Promise<PlaylistTotals | undefined> {
  const row = await withTotals(db).where('id', '=', id).executeTakeFirst();
  return row && normaliseTotals(row);
}

function normaliseTotals<T extends { song_count: number | null; duration_ms: number | null }>(
  row: T,
): T & { song_count: number; duration_ms: number } {
  return { ...row, song_count: row.song_count ?? 0, duration_ms: row.duration_ms ?? 0 };
}

export async function renamePlaylist(db: Db, id: number, name: string, nameKey: string, now: string): Promise<void> {
  await db.updateTable('playlists').set({ name, name_key: nameKey, updated_at: now }).where('id', '=', id).execute();
}

export async function touchPlaylist(db: Db, id: number, now: string): Promise<void> {
  await db.updateTable('playlists').set({ updated_at: now }).where('id', '=', id).execute();
}

export async function deletePlaylist(db: Db, id: number): Promise<void> {
  await db.deleteFrom('playlists').where('id', '=', id).execute();
}
