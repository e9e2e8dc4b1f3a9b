import type { PlayerState } from '../../domain/player-state.js';

/**
 * The player's state as the CLI's --json prints it: snake_case, positions 1-based (as `tunes queue`
 * lists them and its commands take them). The song is already the CLI's song object: the player
 * presents it with src/cli/present/song.ts before it crosses the socket.
 */
export function presentState(state: PlayerState) {
  return {
    status: state.status,
    song: state.song,
    position_ms: state.position_ms,
    duration_ms: state.duration_ms,
    volume: state.volume,
    muted: state.muted,
    shuffle: state.shuffle,
    repeat: state.repeat,
    queue_position: state.queue_index >= 0 ? state.queue_index + 1 : null,
    queue_length: state.queue_length,
    problem: state.problem,
  };
}
