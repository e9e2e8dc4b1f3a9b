import type { RepeatMode } from '../../domain/player-command.js';
import type { HostState, PlayerStatus } from '../../domain/player-state.js';

export type MprisPlaybackStatus = 'Playing' | 'Paused' | 'Stopped';
export type MprisLoopStatus = 'None' | 'Track' | 'Playlist';

const PLAYBACK: Record<PlayerStatus, MprisPlaybackStatus> = { playing: 'Playing', paused: 'Paused', stopped: 'Stopped' };
const LOOP: Record<RepeatMode, MprisLoopStatus> = { off: 'None', one: 'Track', all: 'Playlist' };
const REPEAT: Record<MprisLoopStatus, RepeatMode> = { None: 'off', Track: 'one', Playlist: 'all' };

export const playbackStatusOf = (status: PlayerStatus): MprisPlaybackStatus => PLAYBACK[status];
export const loopStatusOf = (repeat: RepeatMode): MprisLoopStatus => LOOP[repeat];
export const repeatOf = (loop: MprisLoopStatus): RepeatMode => REPEAT[loop];

/** The Player interface's plain properties (all but Metadata and Position) for a state. */
export interface PlayerProperties {
  playbackStatus: MprisPlaybackStatus;
  loopStatus: MprisLoopStatus;
  shuffle: boolean;
  /** 0..1 (tunes' volume is 0..100). */
  volume: number;
  canPlay: boolean;
  canPause: boolean;
  canSeek: boolean;
  canGoNext: boolean;
  canGoPrevious: boolean;
}

export function propertiesOf(state: HostState): PlayerProperties {
  const hasSong = state.song !== null;
  const last = state.queue_index >= state.queue_length - 1;
  return {
    playbackStatus: playbackStatusOf(state.status),
    loopStatus: loopStatusOf(state.repeat),
    shuffle: state.shuffle,
    volume: state.volume / 100,
    canPlay: hasSong,
    canPause: hasSong,
    canSeek: hasSong && (state.duration_ms ?? state.song?.duration_ms ?? 0) > 0,
    // After the last song `next` ends the queue, unless it repeats.
    canGoNext: hasSong && (!last || state.repeat === 'all'),
    // `previous` on the first song starts it again.
    canGoPrevious: hasSong,
  };
}
