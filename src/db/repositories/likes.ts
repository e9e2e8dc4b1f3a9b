import type { Kysely, Transaction } from 'kysely';
import type { LikedSong } from '../../domain/like.js';
import type { Database } from '../schema.js';
import { storableIds } from '../id-range.js';
import { inChunks } from './in-chunks.js';
import { songRowToSong } from './song-row.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Returns the song ids that were newly liked (ones already liked keep their original time). */
export async function insertLikes(db: Db, userId: number, songIds: number[], now: string): Promise<number[]> {
  const rows = await inChunks(songIds, (chunk) =>
    db
      .insertInto('likes')
      .values(chunk.map((songId) => ({ user_id: userId, song_id: songId, liked_at: now })))
      .onConflict((oc) => oc.columns(['user_id', 'song_id']).doNothing())
      .returning('song_id')
      .execute(),
  );
  return rows.map((r) => r.song_id);
}

/** Returns the song ids that were liked before. */
export async function deleteLikes(db: Db, userId: number, songIds: number[]): Promise<number[]> {
  const rows = await inChunks(storableIds(songIds), (chunk) =>
    db.deleteFrom('likes').where('user_id', '=', userId).where('song_id', 'in', chunk).returning('song_id').execute(),
  );
  return rows.map((r) => r.song_id);
}

/** Newest first. */
export async function listLiked(db: Db, userId: number): Promise<LikedSong[]> {
  const rows = await db
    .selectFrom('likes')
    .innerJoin('songs', 'songs.id', 'likes.song_id')
    .selectAll('songs')
    .select('likes.liked_at as like_time')
    .where('likes.user_id', '=', userId)
    .orderBy('likes.liked_at', 'desc')
    .orderBy('likes.id', 'desc')
    .execute();
  return rows.map(({ like_time, ...song }) => ({
    liked_at: like_time,
    available: song.missing_since === null,
    song: songRowToSong(song),
  }));
}

export async function likedAmong(db: Db, userId: number, songIds: number[]): Promise<Set<number>> {
  const rows = await inChunks(storableIds(songIds), (chunk) =>
    db.selectFrom('likes').select('song_id').where('user_id', '=', userId).where('song_id', 'in', chunk).execute(),
  );
  return new Set(rows.map((r) => r.song_id));
}
