import type { HistoryEntry } from '../../../domain/history.js';
import type { LikedSong } from '../../../domain/like.js';
import { presentSong } from './song.js';

export function presentLikedSong(like: LikedSong) {
  return { liked_at: like.liked_at, available: like.available, song: presentSong(like.song) };
}

export function presentHistoryEntry(play: HistoryEntry) {
  return { id: play.id, song_id: play.song.id, started_at: play.started_at, ms_played: play.ms_played, song: presentSong(play.song) };
}
