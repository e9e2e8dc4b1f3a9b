import type { PlayerState } from '../domain/player-state.js';

/** The state of a player that is not running: stopped, nothing queued. */
export const STOPPED_STATE: PlayerState = {
  status: 'stopped',
  song: null,
  position_ms: 0,
  duration_ms: null,
  volume: 100,
  muted: false,
  shuffle: false,
  repeat: 'off',
  queue_index: -1,
  queue_length: 0,
  queue_version: 0,
  problem: null,
};
