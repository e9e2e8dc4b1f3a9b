import type { RepeatMode } from './player-command.js';
import type { Song } from './song.js';

/**
 * What the player tells its clients, as plain data in the project's snake_case JSON shape. No
 * Error objects. Inside the player process (the socket server, the MPRIS and MPD bridges) songs
 * are the catalogue's `Song`; on the socket they are `PlayerSong`, the CLI's song object
 * (src/cli/present/song.ts): the socket is the same user's (0600), and `tunes status --json`,
 * `tunes queue --json` print it as every other command prints a song (cmus-remote -Q and mpc's
 * %file% give the path too). Clients need no path to drive the player.
 */
export type PlayerStatus = 'playing' | 'paused' | 'stopped';

/** A song as it crosses the socket: the CLI's song object (src/cli/present/song.ts), `path` last. */
export type PlayerSong = Omit<Song, 'mtime_ms' | 'missing_since'> & {
  available: boolean;
};

export interface PlayerStateOf<S> {
  status: PlayerStatus;
  /** The current song: what plays, is paused, or would play on resume; null with an empty queue. */
  song: S | null;
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

export interface PlayerQueueEntryOf<S> {
  /** Names this place in the queue while others move (MPD's song id). */
  entry_id: number;
  song: S;
}

export interface PlayerQueueOf<S> {
  version: number;
  current_index: number;
  entries: Array<PlayerQueueEntryOf<S>>;
}

/** The error shape that crosses the socket (a TunesError's code and message). */
export interface PlayerError {
  code: string;
  message: string;
  hint?: string;
}

export type PlayerEventOf<S> =
  /** Anything in the state changed; position-only changes come at most once a second. */
  | { type: 'state'; state: PlayerStateOf<S> }
  /** The queue's songs or order changed. */
  | { type: 'queue'; version: number }
  /** A song started to sound (after it opened), with its place in the queue. */
  | { type: 'track'; song: S; index: number; length: number }
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
export interface CommandReplyOf<S> {
  state: PlayerStateOf<S>;
  count?: number;
}

/** On the socket. */
export type PlayerState = PlayerStateOf<PlayerSong>;
export type PlayerQueue = PlayerQueueOf<PlayerSong>;
export type PlayerQueueEntry = PlayerQueueEntryOf<PlayerSong>;
export type PlayerEvent = PlayerEventOf<PlayerSong>;
export type CommandReply = CommandReplyOf<PlayerSong>;

/** Inside the player process. */
export type HostState = PlayerStateOf<Song>;
export type HostQueue = PlayerQueueOf<Song>;
export type HostEvent = PlayerEventOf<Song>;
export type HostReply = CommandReplyOf<Song>;
