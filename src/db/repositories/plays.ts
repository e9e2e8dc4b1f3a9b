import { sql, type Kysely } from 'kysely';
import type { ArtistTally, HistoryEntry, Play, SongTally } from '../../domain/history.js';
import type { Database, PlayRow } from '../schema.js';
import { songRowToSong } from './song-row.js';
import { caseless } from '../dialect/caseless.js';

export interface NewPlayRow {
  user_id: number;
  song_id: number;
  started_at: string;
  ms_played: number;
}

export function playRowToPlay(row: PlayRow): Play {
  return { id: row.id, user_id: row.user_id, song_id: row.song_id, started_at: row.started_at, ms_played: row.ms_played };
}

export async function insertPlay(db: Kysely<Database>, play: NewPlayRow): Promise<Play> {
  return playRowToPlay(await db.insertInto('plays').values(play).returningAll().executeTakeFirstOrThrow());
}

export async function recentPlays(db: Kysely<Database>, userId: number, limit: number): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('plays')
    .innerJoin('songs', 'songs.id', 'plays.song_id')
    .where('plays.user_id', '=', userId)
    .orderBy('plays.started_at', 'desc')
    .orderBy('plays.id', 'desc')
    .limit(limit)
    .selectAll('songs')
    .select(['plays.id as play_id', 'plays.started_at as play_started_at', 'plays.ms_played as play_ms_played'])
    .execute();
  return rows.map(({ play_id, play_started_at, play_ms_played, ...song }) => ({
    id: play_id,
    started_at: play_started_at,
    ms_played: play_ms_played,
    song: songRowToSong(song),
  }));
}

/** Plays of one user since a time (ISO string; all time when undefined). */
function userPlays(db: Kysely<Database>, userId: number, since: string | undefined) {
  let query = db.selectFrom('plays').innerJoin('songs', 'songs.id', 'plays.song_id').where('plays.user_id', '=', userId);
  if (since) query = query.where('plays.started_at', '>=', since);
  return query;
}

export async function topSongs(db: Kysely<Database>, userId: number, since: string | undefined, limit: number): Promise<SongTally[]> {
  // Grouped by the song's primary key, so its other columns are that one song's (on both databases).
  const rows = await userPlays(db, userId, since)
    .groupBy('songs.id')
    .selectAll('songs')
    .select([sql<number>`count(*)`.as('tally_plays'), sql<number>`sum(plays.ms_played)`.as('tally_ms_played')])
    .orderBy('tally_plays', 'desc')
    .orderBy('tally_ms_played', 'desc')
    .orderBy('songs.id')
    .limit(limit)
    .execute();
  return rows.map(({ tally_plays, tally_ms_played, ...song }) => ({
    song: songRowToSong(song),
    plays: tally_plays,
    ms_played: tally_ms_played,
  }));
}

export async function topArtists(db: Kysely<Database>, userId: number, since: string | undefined, limit: number): Promise<ArtistTally[]> {
  return userPlays(db, userId, since)
    .groupBy(caseless(db, sql.ref('songs.artist')))
    .select([sql<string>`min(songs.artist)`.as('artist'), sql<number>`count(*)`.as('plays'), sql<number>`sum(plays.ms_played)`.as('ms_played')])
    .orderBy('plays', 'desc')
    .orderBy('ms_played', 'desc')
    .orderBy('artist')
    .limit(limit)
    .execute();
}

export async function playTotals(db: Kysely<Database>, userId: number, since: string | undefined): Promise<{ plays: number; ms_played: number }> {
  const row = await userPlays(db, userId, since)
    .select([sql<number>`count(*)`.as('plays'), sql<number>`coalesce(sum(plays.ms_played), 0)`.as('ms_played')])
    .executeTakeFirstOrThrow();
  return { plays: row.plays, ms_played: row.ms_played };
}
