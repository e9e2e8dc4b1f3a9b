import { sql, type Kysely, type Transaction } from 'kysely';
import type { PlaylistEntry } from '../../domain/playlist.js';
import type { Database } from '../schema.js';
import { songRowToSong } from './song-row.js';

type Db = Kysely<Database> | Transaction<Database>;

// Rows per statement, keeping bound parameters well under SQLite's limit (32766) for huge adds.
const CHUNK = 500;

export async function countEntries(db: Db, playlistId: number): Promise<number> {
  const row = await db
    .selectFrom('playlist_songs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('playlist_id', '=', playlistId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function listEntries(db: Db, playlistId: number): Promise<PlaylistEntry[]> {
  const rows = await db
    .selectFrom('playlist_songs')
    .innerJoin('songs', 'songs.id', 'playlist_songs.song_id')
    .selectAll('songs')
    .select(['playlist_songs.position as entry_position', 'playlist_songs.added_at as entry_added_at'])
    .where('playlist_songs.playlist_id', '=', playlistId)
    .orderBy('playlist_songs.position')
    .execute();
  return rows.map(({ entry_position, entry_added_at, ...song }) => ({
    playlist_id: playlistId,
    position: entry_position,
    added_at: entry_added_at,
    available: song.missing_since === null,
    song: songRowToSong(song),
  }));
}

/** Where each of `songIds` already sits in the playlist (songs not in it are absent from the map). */
export async function positionsOfSongs(db: Db, playlistId: number, songIds: number[]): Promise<Map<number, number[]>> {
  const found = new Map<number, number[]>();
  const unique = [...new Set(songIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectFrom('playlist_songs')
      .select(['song_id', 'position'])
      .where('playlist_id', '=', playlistId)
      .where('song_id', 'in', unique.slice(i, i + CHUNK))
      .orderBy('position')
      .execute();
    for (const row of rows) found.set(row.song_id, [...(found.get(row.song_id) ?? []), row.position]);
  }
  return found;
}

/** Inserts `songIds` in order starting at `at` (1..count+1), moving later entries down. */
export async function insertEntries(db: Db, playlistId: number, songIds: number[], at: number, now: string): Promise<void> {
  if (songIds.length === 0) return;
  await db
    .updateTable('playlist_songs')
    .set((eb) => ({ position: eb('position', '+', songIds.length) }))
    .where('playlist_id', '=', playlistId)
    .where('position', '>=', at)
    .execute();
  for (let i = 0; i < songIds.length; i += CHUNK) {
    const chunk = songIds.slice(i, i + CHUNK);
    await db
      .insertInto('playlist_songs')
      .values(chunk.map((songId, j) => ({ playlist_id: playlistId, song_id: songId, position: at + i + j, added_at: now })))
      .execute();
  }
}

export async function deleteAtPositions(db: Db, playlistId: number, positions: number[]): Promise<void> {
  for (let i = 0; i < positions.length; i += CHUNK) {
    const chunk = positions.slice(i, i + CHUNK);
    await db.deleteFrom('playlist_songs').where('playlist_id', '=', playlistId).where('position', 'in', chunk).execute();
  }
  await renumber(db, playlistId);
}

/** Moves the entry at `from` to `to`; the entries between shift by one. */
export async function moveEntry(db: Db, playlistId: number, from: number, to: number): Promise<void> {
  if (from === to) return;
  const moving = await db
    .selectFrom('playlist_songs')
    .select('id')
    .where('playlist_id', '=', playlistId)
    .where('position', '=', from)
    .executeTakeFirstOrThrow();
  const [low, high, shift] = from < to ? [from + 1, to, -1] : [to, from - 1, 1];
  await db
    .updateTable('playlist_songs')
    .set((eb) => ({ position: eb('position', '+', shift) }))
    .where('playlist_id', '=', playlistId)
    .where('position', '>=', low)
    .where('position', '<=', high)
    .execute();
  await db.updateTable('playlist_songs').set({ position: to }).where('id', '=', moving.id).execute();
}

/** Rewrites positions as 1..n in their current order. */
export async function renumber(db: Db, playlistId: number): Promise<void> {
  await sql`
    update playlist_songs set position = ranked.rn
    from (
      select id, row_number() over (order by position, id) as rn
      from playlist_songs where playlist_id = ${playlistId}
    ) as ranked
    where playlist_songs.id = ranked.id and playlist_songs.position <> ranked.rn
  `.execute(db);
}
