import type { Kysely } from 'kysely';
import type { HistoryEntry, Play } from '../../domain/history.js';
import type { Database, PlayRow } from '../schema.js';
import { songRowToSong } from './song-row.js';

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
