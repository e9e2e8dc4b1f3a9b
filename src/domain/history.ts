import type { Song } from './song.js';

/** One listen that counted (30 s or half the song, whichever is less). */
export interface Play {
  id: number;
  user_id: number;
  song_id: number;
  started_at: string;
  ms_played: number;
}

/** A play with its song, as history lists it. */
export interface HistoryEntry {
  id: number;
  started_at: string;
  ms_played: number;
  song: Song;
}
