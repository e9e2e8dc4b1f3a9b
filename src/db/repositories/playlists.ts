import { sql, type Kysely, type Transaction } from 'kysely';
import type { Playlist, PlaylistSummary } from '../../domain/playlist.js';
import type { Database, PlaylistRow } from '../schema.js';
import { dialectOf } from '../dialect/dialect.js';
import { isStorableId } from '../id-range.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The one place a playlists row becomes a Playlist (its name_key stays a database matter). */
export function playlistRowToPlaylist(row: PlaylistRow): Playlist {
  return {
    id: row.id,
    owner_id: row.owner_id,
    name: row.name,
    description: row.description,
    created_at: row.created_at,
    updated_at: row.updated_at,
    rules: row.rules,
    rules_sort: row.rules_sort,
    rules_limit: row.rules_limit,
    built_in: row.built_in,
  };
}

function totalsRowToSummary(row: PlaylistRow & { song_count: number | null; duration_ms: number | null }): PlaylistSummary {
  return { ...playlistRowToPlaylist(row), song_count: row.song_count ?? 0, duration_ms: row.duration_ms ?? 0 };
}

export async function insertPlaylist(
  db: Db,
  values: { ownerId: number; name: string; nameKey: string; description: string | null; now: string; smart?: SmartColumns },
): Promise<Playlist> {
  const row = await db
    .insertInto('playlists')
    .values({
      owner_id: values.ownerId,
      name: values.name,
      name_key: values.nameKey,
      description: values.description,
      created_at: values.now,
      updated_at: values.now,
      ...values.smart,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return playlistRowToPlaylist(row);
}

/** What makes a playlist smart (all null: an ordinary one). */
export interface SmartColumns {
  rules: string | null;
  rules_sort: string | null;
  rules_limit: number | null;
  built_in?: string | null;
}

export async function setSmartColumns(db: Db, id: number, smart: SmartColumns, now: string): Promise<void> {
  await db.updateTable('playlists').set({ ...smart, updated_at: now }).where('id', '=', id).execute();
}

/** Which built-in playlists the user has (by key). */
export async function builtInKeys(db: Db, ownerId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('playlists').select('built_in').where('owner_id', '=', ownerId).where('built_in', 'is not', null).execute();
  return new Set(rows.flatMap((r) => (r.built_in === null ? [] : [r.built_in])));
}

export async function findOwnedByNameKey(db: Db, ownerId: number, nameKey: string): Promise<Playlist | undefined> {
  const row = await db
    .selectFrom('playlists')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('name_key', '=', nameKey)
    .executeTakeFirst();
  return row && playlistRowToPlaylist(row);
}

/** Always filtered by owner: another user's id finds nothing, exactly like an id that does not exist. */
export async function findOwnedById(db: Db, ownerId: number, id: number): Promise<Playlist | undefined> {
  if (!isStorableId(id)) return undefined;
  const row = await db.selectFrom('playlists').selectAll().where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();
  return row && playlistRowToPlaylist(row);
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

export async function listOwnedWithTotals(db: Db, ownerId: number): Promise<PlaylistSummary[]> {
  const rows = await withTotals(db).where('owner_id', '=', ownerId).orderBy('name_key').orderBy('id').execute();
  return rows.map(totalsRowToSummary);
}

export async function findTotals(db: Db, id: number): Promise<PlaylistSummary | undefined> {
  const row = await withTotals(db).where('id', '=', id).executeTakeFirst();
  return row && totalsRowToSummary(row);
}

export async function renamePlaylist(db: Db, id: number, name: string, nameKey: string, now: string): Promise<void> {
  await db.updateTable('playlists').set({ name, name_key: nameKey, updated_at: now }).where('id', '=', id).execute();
}

export async function describePlaylist(db: Db, id: number, description: string | null, now: string): Promise<void> {
  await db.updateTable('playlists').set({ description, updated_at: now }).where('id', '=', id).execute();
}

export async function touchPlaylist(db: Db, id: number, now: string): Promise<void> {
  await db.updateTable('playlists').set({ updated_at: now }).where('id', '=', id).execute();
}

export async function deletePlaylist(db: Db, id: number): Promise<void> {
  await db.deleteFrom('playlists').where('id', '=', id).execute();
}

/**
 * Holds the playlist's row until the transaction ends, so a second writer waits before it reads the
 * entries' positions (PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the whole database).
 */
export async function lockPlaylist(db: Db, id: number): Promise<void> {
  if (dialectOf(db).name === 'postgres') await db.selectFrom('playlists').select('id').where('id', '=', id).forUpdate().execute();
}
