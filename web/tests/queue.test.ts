import { describe, expect, it } from 'vitest';
import type { Song } from '../src/api.js';
import * as q from '../src/queue.js';

const song = (id: number): Song => ({
  id, title: `Song ${id}`, artist: null, artist_id: null, album: null, album_id: null, album_artist: null, genre: null,
  year: null, track_no: id, disc_no: 1, duration_ms: 1000, available: true, stream_url: `/s/${id}`,
});
const ids = (state: q.QueueState) => state.entries.map((entry) => entry.song.id);

describe('the web queue', () => {
  it('plays a list from a row, queues at the end and next, removes and moves keeping the song playing', () => {
    let state = q.replaceWith(q.emptyQueue, [song(1), song(2), song(3)], 1);
    expect([ids(state), state.index]).toEqual([[1, 2, 3], 1]);
    state = q.append(state, [song(4)]);
    state = q.insertNext(state, [song(9)]);
    expect(ids(state)).toEqual([1, 2, 9, 3, 4]);
    state = q.move(state, 0, 4);
    expect([ids(state), state.entries[state.index]!.song.id]).toEqual([[2, 9, 3, 4, 1], 2]);
    state = q.remove(state, state.entries[0]!.key);
    expect([ids(state), state.entries[state.index]!.song.id]).toEqual([[9, 3, 4, 1], 9]);
  });

  it('steps to the end, then stops, wraps with repeat all, and stays with repeat one unless skipped by hand', () => {
    const state = { ...q.replaceWith(q.emptyQueue, [song(1), song(2)], 1) };
    expect(q.step(state, 1, false)).toBe(-1);
    expect(q.step({ ...state, repeat: 'all' }, 1, false)).toBe(0);
    expect(q.step({ ...state, repeat: 'one' }, 1, false)).toBe(1);
    expect(q.step({ ...state, repeat: 'one' }, 1, true)).toBe(0);
    expect(q.step(state, -1, true)).toBe(0);
  });

  it('shuffles only what comes next and restores the order when turned off', () => {
    const songs = Array.from({ length: 30 }, (_, i) => song(i + 1));
    const playing = q.replaceWith(q.emptyQueue, songs, 4);
    const shuffled = q.toggleShuffle(playing);
    expect(ids(shuffled).slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    expect([...ids(shuffled)].sort((a, b) => a - b)).toEqual(ids(playing));
    expect(ids(shuffled)).not.toEqual(ids(playing));
    const back = q.toggleShuffle(shuffled);
    expect([ids(back), back.index, back.shuffle]).toEqual([ids(playing), 4, false]);
  });
});
