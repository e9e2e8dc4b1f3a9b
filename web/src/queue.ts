import type { Song } from './api.js';

/** One place in the queue: the same song may be queued twice, so entries have their own keys. */
export interface QueueEntry {
  key: number;
  song: Song;
}

export type Repeat = 'off' | 'all' | 'one';

export interface QueueState {
  entries: QueueEntry[];
  /** The entry playing (or paused), -1 when none. */
  index: number;
  shuffle: boolean;
  repeat: Repeat;
  /** The order before shuffle, restored when it is turned off. */
  unshuffled: QueueEntry[] | null;
}

let nextKey = 1;
export const entriesOf = (songs: readonly Song[]): QueueEntry[] => songs.map((song) => ({ key: nextKey++, song }));

export const emptyQueue: QueueState = { entries: [], index: -1, shuffle: false, repeat: 'off', unshuffled: null };

/** Pure queue moves, so they are tested without a browser's audio. */
export function replaceWith(state: QueueState, songs: readonly Song[], start: number): QueueState {
  const entries = entriesOf(songs);
  const playing = entries[start];
  if (!state.shuffle || !playing) return { ...state, entries, index: start, unshuffled: null };
  const rest = shuffled(entries.filter((entry) => entry !== playing));
  return { ...state, entries: [playing, ...rest], index: 0, unshuffled: entries };
}

export function append(state: QueueState, songs: readonly Song[]): QueueState {
  const added = entriesOf(songs);
  return { ...state, entries: [...state.entries, ...added], unshuffled: state.unshuffled && [...state.unshuffled, ...added] };
}

export function insertNext(state: QueueState, songs: readonly Song[]): QueueState {
  const added = entriesOf(songs);
  const at = state.index + 1;
  return { ...state, entries: [...state.entries.slice(0, at), ...added, ...state.entries.slice(at)], unshuffled: state.unshuffled && [...state.unshuffled, ...added] };
}

export function remove(state: QueueState, key: number): QueueState {
  const at = state.entries.findIndex((entry) => entry.key === key);
  if (at < 0) return state;
  const entries = state.entries.filter((entry) => entry.key !== key);
  const index = at < state.index ? state.index - 1 : at === state.index ? Math.min(state.index, entries.length - 1) : state.index;
  return { ...state, entries, index, unshuffled: state.unshuffled && state.unshuffled.filter((entry) => entry.key !== key) };
}

export function move(state: QueueState, from: number, to: number): QueueState {
  if (from === to || from < 0 || to < 0 || from >= state.entries.length || to >= state.entries.length) return state;
  const entries = [...state.entries];
  const [moved] = entries.splice(from, 1);
  entries.splice(to, 0, moved!);
  const playingKey = state.entries[state.index]?.key;
  return { ...state, entries, index: entries.findIndex((entry) => entry.key === playingKey) };
}

/** Where next (or previous) goes from here: -1 at the end without repeat. `manual` skips past repeat-one. */
export function step(state: QueueState, direction: 1 | -1, manual: boolean): number {
  const { index, entries, repeat } = state;
  if (entries.length === 0) return -1;
  if (repeat === 'one' && !manual) return index;
  const next = index + direction;
  if (next >= entries.length) return repeat === 'off' ? -1 : 0;
  if (next < 0) return repeat === 'off' ? 0 : entries.length - 1;
  return next;
}

export function toggleShuffle(state: QueueState): QueueState {
  const playing = state.entries[state.index];
  if (state.shuffle) {
    const entries = state.unshuffled ?? state.entries;
    return { ...state, shuffle: false, unshuffled: null, entries, index: playing ? entries.indexOf(playing) : state.index };
  }
  const upcoming = shuffled(state.entries.slice(state.index + 1));
  return { ...state, shuffle: true, unshuffled: state.entries, entries: [...state.entries.slice(0, state.index + 1), ...upcoming] };
}

export const nextRepeat = (repeat: Repeat): Repeat => (repeat === 'off' ? 'all' : repeat === 'all' ? 'one' : 'off');

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
