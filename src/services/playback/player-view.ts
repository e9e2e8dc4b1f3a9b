import type { HostState } from '../../domain/player-state.js';
import type { Song } from '../../domain/song.js';
import type { PlaybackState } from './playback-state.js';

/**
 * The playback service's state in the shape the player's clients and bridges see: snake_case, a
 * status of playing / paused / stopped (loading counts as playing: sound is on its way; a queue
 * that ran out is stopped). Songs are the catalogue's; the socket presents them without paths.
 */
export function toHostState(state: PlaybackState, song: Song | undefined): HostState {
  return {
    status: state.status === 'playing' || state.status === 'loading' ? 'playing' : state.status === 'paused' ? 'paused' : 'stopped',
    song: song ?? null,
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
export function differsVisibly(a: HostState, b: HostState): boolean {
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
