/**
 * What anyone can ask the player to do: the CLI (`tunes next`, `tunes seek +10`), the key tables of
 * the full-screen browser and `tunes play`, the socket, and the MPRIS and MPD bridges all produce
 * this one plain, serialisable type; the player has one dispatcher for it.
 *
 * Indexes are 0-based positions in the queue's play order (the CLI shows and takes 1-based ones);
 * `entry_id`s name one place in the queue and stay the same while other entries move (MPD's song id).
 */
export type RepeatMode = 'off' | 'all' | 'one';
export const REPEAT_MODES: readonly RepeatMode[] = ['off', 'all', 'one'];

/** Where added songs go: after the current song, or at the end of the queue. */
export type QueuePlacement = 'next' | 'end';

/**
 * Which songs: explicit ids (played in this order), or what `tunes play` selects (search words,
 * a playlist or the liked songs of the account logged in, narrowed by artist and album).
 */
export interface SongSelection {
  song_ids?: number[];
  words?: string;
  playlist?: string;
  liked?: boolean;
  artist?: string;
  album?: string;
}

export type PlayerCommand =
  /** Replaces the queue with the selection and plays it; `start` is an index into the selection. */
  | { type: 'play'; selection: SongSelection; start?: number; shuffle?: boolean; repeat?: RepeatMode }
  /** Plays: unpauses, or starts the current song (the first after the queue ended). */
  | { type: 'resume' }
  | { type: 'pause' }
  | { type: 'toggle' }
  /** Stops playback; the queue and the current song stay. */
  | { type: 'stop' }
  | { type: 'next' }
  /** Back a song, or to the start of this one when past its first 3 s. */
  | { type: 'previous' }
  | { type: 'seek'; seconds: number; mode: 'relative' | 'absolute' }
  /** 0-100; relative adds to the current volume. */
  | { type: 'volume'; value: number; mode: 'relative' | 'absolute' }
  /** No `muted`: toggles. */
  | { type: 'mute'; muted?: boolean }
  /** No `on`: toggles. */
  | { type: 'shuffle'; on?: boolean }
  /** No `mode`: off -> all -> one -> off. */
  | { type: 'repeat'; mode?: RepeatMode }
  | { type: 'queue-add'; selection: SongSelection; placement: QueuePlacement }
  /** Exactly one of the two lists. */
  | { type: 'queue-remove'; indexes?: number[]; entry_ids?: number[] }
  | { type: 'queue-move'; from: number; to: number }
  | { type: 'queue-clear' }
  /** Plays the queue's entry at `index` (or with `entry_id`) without changing the queue. */
  | { type: 'queue-play'; index?: number; entry_id?: number }
  /** Ends the player process (its state is saved first). */
  | { type: 'quit' };

export type PlayerCommandType = PlayerCommand['type'];
