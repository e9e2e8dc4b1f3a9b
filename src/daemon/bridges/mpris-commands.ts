import type { PlayerCommand } from '../../domain/player-command.js';
import type { MprisLoopStatus } from './mpris-properties.js';
import { repeatOf } from './mpris-properties.js';

/** What an MPRIS client asked for (a method call or a property it set), as the library reports it. */
export type MprisRequest =
  | { type: 'play' | 'pause' | 'playpause' | 'stop' | 'next' | 'previous' | 'quit' }
  /** Seek(offset): relative, in microseconds. */
  | { type: 'seek'; offsetUs: number }
  /** SetPosition(trackid, position): absolute, in microseconds, for that track only. */
  | { type: 'position'; trackId: string; positionUs: number }
  | { type: 'volume'; volume: number }
  | { type: 'shuffle'; on: boolean }
  | { type: 'loop'; status: MprisLoopStatus };

/** What the bridge knows of the current track when a request comes in. */
export interface CurrentTrack {
  trackId: string;
  lengthMs: number | null;
}

/**
 * The PlayerCommand an MPRIS request becomes (undefined: the spec says to do nothing). Every one
 * then goes through the player's one dispatcher, like a key or `tunes next`.
 */
export function commandOf(request: MprisRequest, current: CurrentTrack): PlayerCommand | undefined {
  switch (request.type) {
    case 'play':
      return { type: 'resume' };
    case 'pause':
      return { type: 'pause' };
    case 'playpause':
      return { type: 'toggle' };
    case 'stop':
      return { type: 'stop' };
    case 'next':
      return { type: 'next' };
    case 'previous':
      return { type: 'previous' };
    case 'quit':
      return { type: 'quit' };
    case 'seek':
      if (!Number.isFinite(request.offsetUs) || request.offsetUs === 0) return undefined;
      return { type: 'seek', seconds: request.offsetUs / 1_000_000, mode: 'relative' };
    case 'position': {
      // "If the TrackId argument is not the same as the current track id, the call is ignored as stale";
      // so is a position outside the track.
      if (request.trackId !== current.trackId || !Number.isFinite(request.positionUs) || request.positionUs < 0) return undefined;
      if (current.lengthMs !== null && request.positionUs > current.lengthMs * 1000) return undefined;
      return { type: 'seek', seconds: request.positionUs / 1_000_000, mode: 'absolute' };
    }
    case 'volume':
      if (!Number.isFinite(request.volume)) return undefined;
      // "If a negative value is passed, the volume should be set to 0.0"; tunes' volume tops out at 100.
      return { type: 'volume', value: Math.round(Math.min(1, Math.max(0, request.volume)) * 100), mode: 'absolute' };
    case 'shuffle':
      return { type: 'shuffle', on: request.on };
    case 'loop':
      return { type: 'repeat', mode: repeatOf(request.status) };
  }
}
