import type { HistoryEntry } from '../../../domain/history.js';
import type { LikedSong } from '../../../domain/like.js';
import { presentSong, type StreamLinks } from './song.js';

export function presentLikedSong(like: LikedSong, links?: StreamLinks) {
  return { liked_at: like.liked_at, available: like.available, song: presentSong(like.song, links) };
}

export function presentHistoryEntry(play: HistoryEntry, links?: StreamLinks) {
  return { id: play.id, song_id: play.song.id, started_at: play.started_at, ms_played: play.ms_played, song: presentSong(play.song, links) };
}
