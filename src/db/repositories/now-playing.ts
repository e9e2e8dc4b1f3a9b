import type { Kysely, Transaction } from 'kysely';
import type { NowPlayingEntry } from '../../domain/play-queue.js';
import type { Database } from '../schema.js';
import { songRowToSong } from './song-row.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function setNowPlaying(
  db: Db,
  entry: { userId: number; client: string; songId: number; startedAt: string; expiresAt: string },
): Promise<void> {
  const values = { song_id: entry.songId, started_at: entry.startedAt, expires_at: entry.expiresAt };
  await db
    .insertInto('now_playing')
    .values({ user_id: entry.userId, client: entry.client, ...values })
    .onConflict((oc) => oc.columns(['user_id', 'client']).doUpdateSet(values))
    .execute();
}

/** Entries not yet expired, newest first; expired ones are removed on the way. */
export async function currentlyPlaying(db: Db, now: string): Promise<NowPlayingEntry[]> {
  await db.deleteFrom('now_playing').where('expires_at', '<=', now).execute();
  const rows = await db
    .selectFrom('now_playing')
    .innerJoin('users', 'users.id', 'now_playing.user_id')
    .innerJoin('songs', 'songs.id', 'now_playing.song_id')
    .selectAll('songs')
    .select(['users.username as np_username', 'now_playing.client as np_client', 'now_playing.started_at as np_started_at'])
    .orderBy('now_playing.started_at', 'desc')
    .execute();
  return rows.map(({ np_username, np_client, np_started_at, ...song }) => ({
    username: np_username,
    client: np_client,
    started_at: np_started_at,
    song: songRowToSong(song),
  }));
}
