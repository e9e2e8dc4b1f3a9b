import { describe, expect, it } from 'vitest';
import { PlayQueue } from '../../../src/services/playback/queue.js';

/** A deterministic "random" source so shuffles are reproducible. */
function seeded(seed = 42): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const ids = (q: PlayQueue) => q.entries.map((e) => e.songId);
const currentId = (q: PlayQueue) => q.current?.songId;

function queueOf(songs: number[], start = 0): PlayQueue {
  const q = new PlayQueue(seeded());
  q.replace(songs, start);
  return q;
}

describe('PlayQueue basics', () => {
  it('starts at the given song; an empty queue has no current song and no next', () => {
    const q = queueOf([10, 20, 30], 1);
    expect(currentId(q)).toBe(20);
    expect(q.currentIndex).toBe(1);
    const empty = queueOf([]);
    expect(empty.current).toBeUndefined();
    expect(empty.currentIndex).toBe(-1);
    expect(empty.next()).toBeUndefined();
    expect(empty.peekNext()).toBeUndefined();
    expect(empty.previous(0)).toBeUndefined();
    expect(() => queueOf([1, 2], 2)).toThrow(/out of range/);
  });

  it('gives each entry its own key, so the same song can be queued twice', () => {
    const q = queueOf([7, 7]);
    const [a, b] = q.entries;
    expect(a!.key).not.toBe(b!.key);
    expect(q.next()?.key).toBe(b!.key);
  });

  it('next walks forward and stops at the end when repeat is off', () => {
    const q = queueOf([1, 2, 3]);
    expect(q.next()?.songId).toBe(2);
    expect(q.peekNext()?.songId).toBe(3);
    expect(q.next({ auto: true })?.songId).toBe(3);
    expect(q.peekNext()).toBeUndefined();
    expect(q.next()).toBeUndefined();
    expect(currentId(q)).toBe(3);
  });

  it('repeat all wraps around; repeat one replays on its own but next still moves on', () => {
    const q = queueOf([1, 2], 1);
    q.setRepeat('all');
    expect(q.peekNext()?.songId).toBe(1);
    expect(q.next({ auto: true })?.songId).toBe(1);
    q.setRepeat('one');
    expect(q.peekNext()?.songId).toBe(1);
    expect(q.next({ auto: true })?.songId).toBe(1);
    expect(q.next()?.songId).toBe(2);
    // Pressing next on the last song with repeat-one wraps rather than stopping.
    expect(q.next()?.songId).toBe(1);
  });

  it('previous restarts the song after its first 3 seconds, else goes back one', () => {
    const q = queueOf([1, 2, 3], 2);
    expect(q.previous(3001)).toEqual({ entry: q.current, restart: true });
    expect(currentId(q)).toBe(3);
    expect(q.previous(3000)).toMatchObject({ restart: false, entry: { songId: 2 } });
    expect(q.previous(500)).toMatchObject({ restart: false, entry: { songId: 1 } });
    // At the first song there is nothing before it: restart it.
    expect(q.previous(500)).toMatchObject({ restart: true, entry: { songId: 1 } });
    q.setRepeat('all');
    expect(q.previous(500)).toMatchObject({ restart: false, entry: { songId: 3 } });
  });

  it('jumps to an index, and to a key, and rejects positions out of range', () => {
    const q = queueOf([1, 2, 3]);
    expect(q.jump(2).songId).toBe(3);
    const first = q.entries[0]!;
    expect(q.jumpToKey(first.key)).toBe(true);
    expect(q.currentIndex).toBe(0);
    expect(q.jumpToKey(9999)).toBe(false);
    expect(() => q.jump(3)).toThrow(/queue position 4 is out of range \(1-3\)/);
    expect(() => q.jump(-1)).toThrow(/out of range/);
    expect(() => q.jump(1.5)).toThrow(/out of range/);
  });
});

describe('PlayQueue editing', () => {
  it('adds next right after the current song and to the end', () => {
    const q = queueOf([1, 2, 3]);
    q.addNext([8, 9]);
    expect(ids(q)).toEqual([1, 8, 9, 2, 3]);
    q.addToEnd([5]);
    expect(ids(q)).toEqual([1, 8, 9, 2, 3, 5]);
    expect(q.next()?.songId).toBe(8);
    const empty = queueOf([]);
    empty.addNext([4]);
    expect(ids(empty)).toEqual([4]);
    expect(empty.next()?.songId).toBe(4);
  });

  it('removes entries, keeping the current song current', () => {
    const q = queueOf([1, 2, 3, 4], 2);
    q.remove(0);
    expect(ids(q)).toEqual([2, 3, 4]);
    expect(currentId(q)).toBe(3);
    q.remove(2);
    expect(currentId(q)).toBe(3);
    // Removing the current song makes the following one current...
    q.addToEnd([5]);
    q.remove(1);
    expect(ids(q)).toEqual([2, 5]);
    expect(currentId(q)).toBe(5);
    // ...and when it was the last, nothing is current.
    q.remove(1);
    expect(q.current).toBeUndefined();
    expect(() => q.remove(5)).toThrow(/out of range/);
  });

  it('moves entries; the current song follows its entry', () => {
    const q = queueOf([1, 2, 3, 4], 1);
    q.move(1, 3);
    expect(ids(q)).toEqual([1, 3, 4, 2]);
    expect(currentId(q)).toBe(2);
    expect(q.currentIndex).toBe(3);
    q.move(0, 2);
    expect(ids(q)).toEqual([3, 4, 1, 2]);
    expect(q.currentIndex).toBe(3);
    q.move(3, 0);
    expect(ids(q)).toEqual([2, 3, 4, 1]);
    expect(q.currentIndex).toBe(0);
    expect(() => q.move(0, 4)).toThrow(/out of range/);
    expect(ids(q)).toEqual([2, 3, 4, 1]);
  });

  it('clears everything', () => {
    const q = queueOf([1, 2]);
    q.clear();
    expect(q.length).toBe(0);
    expect(q.current).toBeUndefined();
    expect(q.next()).toBeUndefined();
  });
});

describe('PlayQueue shuffle', () => {
  const songs = Array.from({ length: 20 }, (_, i) => i + 1);

  it('keeps the current song current and first, shuffles the rest, and restores the order when off', () => {
    const q = queueOf(songs, 5);
    q.setShuffle(true);
    expect(q.shuffle).toBe(true);
    expect(currentId(q)).toBe(6);
    expect(q.currentIndex).toBe(0);
    expect([...ids(q)].sort((a, b) => a - b)).toEqual(songs);
    expect(ids(q)).not.toEqual([6, ...songs.filter((s) => s !== 6)]);

    q.next();
    q.next();
    const playing = currentId(q)!;
    q.setShuffle(false);
    expect(ids(q)).toEqual(songs);
    expect(currentId(q)).toBe(playing);
    expect(q.currentIndex).toBe(playing - 1);
  });

  it('puts songs added while shuffled back in sensible places when shuffle goes off', () => {
    const q = queueOf([1, 2, 3, 4], 1);
    q.setShuffle(true);
    q.addNext([50]);
    expect(q.peekNext()?.songId).toBe(50);
    q.addToEnd([60]);
    q.setShuffle(false);
    expect(ids(q)).toEqual([1, 2, 50, 3, 4, 60]);
    expect(currentId(q)).toBe(2);
  });

  it('moves while shuffled change only the shuffled order', () => {
    const q = queueOf([1, 2, 3, 4]);
    q.setShuffle(true);
    q.move(3, 1);
    q.setShuffle(false);
    expect(ids(q)).toEqual([1, 2, 3, 4]);
  });

  it('shuffles a new queue with shuffle on, keeping the start song first; repeat-all wraps within the shuffled order', () => {
    const q = new PlayQueue(seeded(7));
    q.setShuffle(true);
    q.replace(songs, 3);
    expect(currentId(q)).toBe(4);
    expect(q.currentIndex).toBe(0);
    q.setRepeat('all');
    q.jump(songs.length - 1);
    expect(q.peekNext()?.songId).toBe(4);
  });

  it('turning shuffle on twice changes nothing the second time; shuffling an empty queue is fine', () => {
    const q = queueOf(songs);
    q.setShuffle(true);
    const once = ids(q);
    q.setShuffle(true);
    expect(ids(q)).toEqual(once);
    const empty = queueOf([]);
    empty.setShuffle(true);
    expect(empty.length).toBe(0);
  });
});
