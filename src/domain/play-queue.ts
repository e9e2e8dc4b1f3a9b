import type { Song } from './song.js';

/** A user's saved play queue (what a phone resumes on a desktop), as Subsonic's savePlayQueue keeps it. */
export interface PlayQueue {
  songs: Song[];
  current_song_id: number | null;
  position_ms: number;
  changed_at: string;
  /** The client that saved it. */
  changed_by: string;
}

/** Someone's client said it is playing this song. */
export interface NowPlayingEntry {
  username: string;
  client: string;
  started_at: string;
  song: Song;
}

/** Genres with how many visible songs and albums carry each. */
export interface GenreCount {
  name: string;
  song_count: number;
  album_count: number;
}
