import type { Song } from './song.js';

export interface LikedSong {
  liked_at: string;
  available: boolean;
  song: Song;
}

export interface LikeResult {
  liked: number[];
  /** Already liked before: they keep their first like time. */
  already_liked: number[];
}

export interface UnlikeResult {
  unliked: number[];
  not_liked: number[];
}
