import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** One user's side of a song: their plays of it, their like, their playlists holding it. */
export interface StoredSongStory {
  play_count: number;
  last_played_at: string | null;
  liked_at: string | null;
  playlists: string[];
}

export async function songStoryOf(db: Db, userId: number, songId: number): Promise<StoredSongStory> {
  const plays = await db
    .selectFrom('plays')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.max('started_at').as('last')])
    .where('user_id', '=', userId)
    .where('song_id', '=', songId)
    .executeTakeFirst();
  const like = await db.selectFrom('likes').select('liked_at').where('user_id', '=', userId).where('song_id', '=', songId).executeTakeFirst();
  const playlists = await db
    .selectFrom('playlists')
    .select('playlists.name')
    .where('playlists.owner_id', '=', userId)
    .where((eb) => eb.exists(eb.selectFrom('playlist_songs').select('playlist_songs.id').whereRef('playlist_songs.playlist_id', '=', 'playlists.id').where('playlist_songs.song_id', '=', songId)))
    .orderBy('playlists.name')
    .execute();
  return {
    play_count: Number(plays?.count ?? 0),
    last_played_at: (plays?.last as string | null | undefined) ?? null,
    liked_at: like?.liked_at ?? null,
    playlists: playlists.map((p) => p.name),
  };
}
