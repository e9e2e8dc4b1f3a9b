import type { HistoryEntry } from '../../domain/history.js';
import type { YearStats } from '../../domain/year-stats.js';
import type { LikedSong } from '../../domain/like.js';
import { presentSong } from './song.js';

/** A liked song: the same object as the HTTP API's `GET /api/me/likes` items. */
export function presentLikedSong(like: LikedSong) {
  return { liked_at: like.liked_at, available: like.available, song: presentSong(like.song) };
}

/** A play: the same object as the HTTP API's `GET /api/me/history` items. */
export function presentHistoryEntry(play: HistoryEntry) {
  return { id: play.id, song_id: play.song.id, started_at: play.started_at, ms_played: play.ms_played, song: presentSong(play.song) };
}


/** `tunes stats --json`: the same document as `GET /api/me/stats` (the domain type is snake_case already). */
export function presentYearStats(stats: YearStats): YearStats {
  return stats;
}
