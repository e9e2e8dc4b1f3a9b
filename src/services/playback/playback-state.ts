import type { Song } from '../../domain/song.js';
import type { TunesError } from '../../errors.js';
import type { RepeatMode } from './queue.js';

export type PlaybackStatus = 'stopped' | 'loading' | 'playing' | 'paused' | 'ended';

/** What a UI shows about a song. */
export interface SongSummary {
  id: number;
  title: string;
  artist: string;
  album: string;
  durationMs: number | null;
}

export interface PlaybackState {
  status: PlaybackStatus;
  /** Position of the current song in the play order; -1 when none. */
  index: number;
  length: number;
  song: SongSummary | null;
  positionMs: number;
  durationMs: number | null;
  volume: number;
  muted: boolean;
  shuffle: boolean;
  repeat: RepeatMode;
  /** Goes up whenever the queue's songs or order change. */
  queueVersion: number;
  /** Set after mpv died, until the next command starts a new one. */
  error: string | null;
}

export type PlaybackEvent =
  | { type: 'state'; state: PlaybackState }
  | { type: 'track-start'; song: SongSummary; index: number; length: number }
  /** mpv (re)started the audio after a load or a seek: sound is coming out. */
  | { type: 'playback-restart' }
  /** The queue's songs or order changed (sent before the state that shows it). */
  | { type: 'queue'; version: number }
  /** A seek finished, at this position. */
  | { type: 'seeked'; positionMs: number }
  | { type: 'warning'; message: string }
  /** The queue ran out; `unplayable`: because no file left in it could be played. */
  | { type: 'ended'; unplayable?: boolean }
  | { type: 'error'; error: TunesError };

export function summarize(song: Song): SongSummary {
  return { id: song.id, title: song.title, artist: song.artist, album: song.album, durationMs: song.duration_ms };
}
