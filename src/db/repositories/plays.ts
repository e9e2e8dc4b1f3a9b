import { sql, type Kysely } from 'kysely';
import type { Database, Play } from '../schema.js';

export interface NewPlayRow {
  user_id: number;
  song_id: number;
  started_at: string;
  ms_played: number;
}

export async function insertPlay(db: Kysely<Database>, play: NewPlayRow): Promise<Play> {
  return db.insertInto('plays').values(play).returningAll().executeTakeFirstOrThrow();
}

export interface PlayWithSong {
  id: number;
  songId: number;
  title: string;
  artist: string;
  album: string;
  durationMs: number | null;
  startedAt: string;
  msPlayed: number;
}

export async function recentPlays(db: Kysely<Database>, userId: number, limit: number): Promise<PlayWithSong[]> {
  return db
    .selectFrom('plays')
    .innerJoin('songs', 'songs.id', 'plays.song_id')
    .where('plays.user_id', '=', userId)
    .orderBy('plays.started_at', 'desc')
    .orderBy('plays.id', 'desc')
    .limit(limit)
    .select([
      'plays.id as id',
      'plays.song_id as songId',
      'songs.title as title',
      'songs.artist as artist',
      'songs.album as album',
      'songs.duration_ms as durationMs',
      'plays.started_at as startedAt',
      'plays.ms_played as msPlayed',
    ])
    .execute();
}

export interface SongTally {
  songId: number;
  title: string;
  artist: string;
  plays: number;
  msPlayed: number;
}

export interface ArtistTally {
  artist: string;
  plays: number;
  msPlayed: number;
}

/** Plays of one user since a time (ISO string; all time when undefined). */
function userPlays(db: Kysely<Database>, userId: number, since: string | undefined) {
  let query = db.selectFrom('plays').innerJoin('songs', 'songs.id', 'plays.song_id').where('plays.user_id', '=', userId);
  if (since) query = query.where('plays.started_at', '>=', since);
  return query;
}

export async function topSongs(db: Kysely<Database>, userId: number, since: string | undefined, limit: number): Promise<SongTally[]> {
  return userPlays(db, userId, since)
    .groupBy('plays.song_id')
    .select([
      'plays.song_id as songId',
      'songs.title as title',
      'songs.artist as artist',
      sql<number>`count(*)`.as('plays'),
      sql<number>`sum(plays.ms_played)`.as('msPlayed'),
    ])
    .orderBy('plays', 'desc')
    .orderBy('msPlayed', 'desc')
    .orderBy('songId')
    .limit(limit)
    .execute();
}

export async function topArtists(db: Kysely<Database>, userId: number, since: string | undefined, limit: number): Promise<ArtistTally[]> {
  return userPlays(db, userId, since)
    .groupBy(sql`songs.artist collate nocase`)
    .select([sql<string>`min(songs.artist)`.as('artist'), sql<number>`count(*)`.as('plays'), sql<number>`sum(plays.ms_played)`.as('msPlayed')])
    .orderBy('plays', 'desc')
    .orderBy('msPlayed', 'desc')
    .orderBy('artist')
    .limit(limit)
    .execute();
}

export async function playTotals(db: Kysely<Database>, userId: number, since: string | undefined): Promise<{ plays: number; msPlayed: number }> {
  const row = await userPlays(db, userId, since)
    .select([sql<number>`count(*)`.as('plays'), sql<number>`coalesce(sum(plays.ms_played), 0)`.as('msPlayed')])
    .executeTakeFirstOrThrow();
  return { plays: row.plays, msPlayed: row.msPlayed };
}
