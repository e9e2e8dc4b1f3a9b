import type { RepeatMode } from './player-command.js';

/**
 * What the player tells its clients, as plain data in the project's snake_case JSON shape: the
 * same objects go over the socket and to the in-process bridges. No Error objects, no file paths.
 */
export type PlayerStatus = 'playing' | 'paused' | 'stopped';

/** A song as the player's clients see it (the catalogue's song without its file). */
export interface PlayerSong {
  id: number;
  title: string;
  artist: string;
  album: string;
  album_artist: string | null;
  genre: string | null;
  year: number | null;
  track_no: number | null;
  disc_no: number | null;
  duration_ms: number | null;
}

export interface PlayerState {
  status: PlayerStatus;
  /** The current song: what plays, is paused, or would play on resume; null with an empty queue. */
  song: PlayerSong | null;
  position_ms: number;
  duration_ms: number | null;
  volume: number;
  muted: boolean;
  shuffle: boolean;
  repeat: RepeatMode;
  /** 0-based place of the current song in the play order; -1 when none. */
  queue_index: number;
  queue_length: number;
  /** Goes up whenever the queue's songs or their order change (clients re-read the queue then). */
  queue_version: number;
  /** Why playback cannot go on (mpv missing or died), until the next command that plays. */
  problem: string | null;
}

export interface PlayerQueueEntry {
  /** Names this place in the queue while others move (MPD's song id). */
  entry_id: number;
  song: PlayerSong;
}

export interface PlayerQueue {
  version: number;
  current_index: number;
  entries: PlayerQueueEntry[];
}

/** The error shape that crosses the socket (a TunesError's code and message). */
export interface PlayerError {
  code: string;
  message: string;
  hint?: string;
}

export type PlayerEvent =
  /** Anything in the state changed; position-only changes come at most once a second. */
  | { type: 'state'; state: PlayerState }
  /** The queue's songs or order changed. */
  | { type: 'queue'; version: number }
  /** A song started to sound (after it opened), with its place in the queue. */
  | { type: 'track'; song: PlayerSong; index: number; length: number }
  /** A seek finished (MPRIS's Seeked signal). */
  | { type: 'seeked'; position_ms: number }
  /** Something playback got past on its own (a file that could not be played was skipped). */
  | { type: 'warning'; message: string }
  /** The queue ran out; `unplayable`: because nothing left in it could be played. */
  | { type: 'ended'; unplayable: boolean }
  /** mpv went away; playback stopped until the next command. */
  | { type: 'error'; error: PlayerError }
  /** The player process is about to end. */
  | { type: 'quit' };

/** What a dispatched command answers: the state it left, and how many songs it added or removed. */
export interface CommandReply {
  state: PlayerState;
  count?: number;
}
