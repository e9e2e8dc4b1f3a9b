import type { HistoryEntry, ListeningStats } from '../../domain/history.js';
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

export function presentStats(stats: ListeningStats) {
  return {
    since: stats.since,
    plays: stats.plays,
    ms_played: stats.ms_played,
    top_songs: stats.top_songs.map((t) => ({ song: presentSong(t.song), plays: t.plays, ms_played: t.ms_played })),
    top_artists: stats.top_artists.map((t) => ({ artist: t.artist, plays: t.plays, ms_played: t.ms_played })),
  };
}
