import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** One counted play with the tags stats group by. Plain columns only, so both dialects run it as is. */
export interface StatsPlayRow {
  started_at: string;
  ms_played: number;
  song_id: number;
  title: string;
  artist: string;
  album: string;
  album_artist: string | null;
  genre: string | null;
}

/** A user's plays from `fromIso` (inclusive) to `toIso` (exclusive), oldest first. */
export async function playsBetween(db: Kysely<Database>, userId: number, fromIso: string, toIso: string): Promise<StatsPlayRow[]> {
  return db
    .selectFrom('plays')
    .innerJoin('songs', 'songs.id', 'plays.song_id')
    .where('plays.user_id', '=', userId)
    .where('plays.started_at', '>=', fromIso)
    .where('plays.started_at', '<', toIso)
    .orderBy('plays.started_at')
    .orderBy('plays.id')
    .select([
      'plays.started_at',
      'plays.ms_played',
      'plays.song_id',
      'songs.title',
      'songs.artist',
      'songs.album',
      'songs.album_artist',
      'songs.genre',
    ])
    .execute();
}

/** Every distinct artist tag a user played before `beforeIso` (case is folded by the caller). */
export async function artistsPlayedBefore(db: Kysely<Database>, userId: number, beforeIso: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plays')
    .innerJoin('songs', 'songs.id', 'plays.song_id')
    .where('plays.user_id', '=', userId)
    .where('plays.started_at', '<', beforeIso)
    .select('songs.artist')
    .distinct()
    .execute();
  return rows.map((row) => row.artist);
}
