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

export interface SongTally {
  song: Song;
  plays: number;
  ms_played: number;
}

export interface ArtistTally {
  artist: string;
  plays: number;
  ms_played: number;
}

export interface ListeningStats {
  /** Start of the period (ISO 8601); null for all time. */
  since: string | null;
  plays: number;
  ms_played: number;
  top_songs: SongTally[];
  top_artists: ArtistTally[];
}
