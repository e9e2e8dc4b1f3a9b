import type { Song } from '../../db/schema.js';
import type { PlayerSong, PlayerState } from '../../domain/player-state.js';
import type { PlaybackState } from './playback-state.js';

/**
 * The playback service's state in the shape the player's clients and bridges see: snake_case, a
 * status of playing / paused / stopped (loading counts as playing: sound is on its way; a queue
 * that ran out is stopped), the song without its file.
 */
export function toPlayerSong(song: Song): PlayerSong {
  return {
    id: song.id,
    title: song.title,
    artist: song.artist,
    album: song.album,
    album_artist: song.album_artist,
    genre: song.genre,
    year: song.year,
    track_no: song.track_no,
    disc_no: song.disc_no,
    duration_ms: song.duration_ms,
  };
}

export function toPlayerState(state: PlaybackState, song: Song | undefined): PlayerState {
  return {
    status: state.status === 'playing' || state.status === 'loading' ? 'playing' : state.status === 'paused' ? 'paused' : 'stopped',
    song: song ? toPlayerSong(song) : null,
    position_ms: state.positionMs,
    duration_ms: state.durationMs,
    volume: state.volume,
    muted: state.muted,
    shuffle: state.shuffle,
    repeat: state.repeat,
    queue_index: state.index,
    queue_length: state.length,
    queue_version: state.queueVersion,
    problem: state.error,
  };
}

/** Whether two states differ in more than the position within the same second (what clients redraw). */
export function differsVisibly(a: PlayerState, b: PlayerState): boolean {
  if (Math.floor(a.position_ms / 1000) !== Math.floor(b.position_ms / 1000)) return true;
  return (
    a.status !== b.status ||
    a.song?.id !== b.song?.id ||
    a.duration_ms !== b.duration_ms ||
    a.volume !== b.volume ||
    a.muted !== b.muted ||
    a.shuffle !== b.shuffle ||
    a.repeat !== b.repeat ||
    a.queue_index !== b.queue_index ||
    a.queue_length !== b.queue_length ||
    a.queue_version !== b.queue_version ||
    a.problem !== b.problem
  );
}
