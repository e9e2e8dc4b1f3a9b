import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStateFile, StateSaver } from '../../../src/daemon/state-file.js';
import { PlayQueue } from '../../../src/services/playback/queue.js';
import { keepSongs, type SavedPlayback } from '../../../src/services/playback/saved-playback.js';
import { tempDir } from '../../helpers/temp-dir.js';

function seeded(seed = 7): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const saved = (over: Partial<SavedPlayback> = {}): SavedPlayback => ({
  queue: { entries: [10, 20, 30, 40].map((songId) => ({ songId, queuedBy: 1 })), playOrder: [2, 0, 3, 1], current: 1, shuffle: true, repeat: 'all' },
  positionMs: 12_000,
  status: 'paused',
  volume: 70,
  muted: false,
  ...over,
});

describe('saving and restoring the queue', () => {
  it('a shuffled queue comes back in the same play order, and shuffle off still restores the added order', () => {
    const queue = new PlayQueue(seeded());
    queue.replace([1, 2, 3, 4, 5], 2, 9);
    queue.setShuffle(true);
    queue.next();
    const snapshot = queue.snapshot();
    const back = new PlayQueue(seeded(99));
    back.restore(snapshot);
    expect(back.entries.map((e) => e.songId)).toEqual(queue.entries.map((e) => e.songId));
    expect(back.current?.songId).toBe(queue.current?.songId);
    expect(back.entries.every((e) => e.queuedBy === 9)).toBe(true);
    back.setShuffle(false);
    expect(back.entries.map((e) => e.songId)).toEqual([1, 2, 3, 4, 5]);
  });

  it('songs gone from the catalogue leave the saved queue; the current one moves on to the next that stays', () => {
    // Play order: 30, 10, 40, 20; current 10 (index 1).
    const kept = keepSongs(saved(), new Set([20, 30, 40]));
    expect(kept.queue.entries.map((e) => e.songId)).toEqual([20, 30, 40]);
    expect(kept.queue.playOrder).toEqual([1, 2, 0]);
    // 10 went: 40 (next in play order) is current now, from its start.
    expect(kept.queue.current).toBe(1);
    expect(kept.positionMs).toBe(0);
    expect(keepSongs(saved(), new Set([10, 20, 30, 40]))).toEqual(saved());
    expect(keepSongs(saved(), new Set()).queue).toMatchObject({ entries: [], current: -1 });
  });

  it('writes the state file atomically and reads it back; a corrupt one is set aside, not trusted', async () => {
    const dir = tempDir();
    const path = join(dir, 'state', 'player.json');
    const warnings: string[] = [];
    const saver = new StateSaver(path, () => saved(), (m) => warnings.push(m));
    saver.changed('now');
    saver.changed('now');
    await saver.flush();
    expect(readStateFile(path, (m) => warnings.push(m))).toEqual(saved());
    // Only the file itself is left behind: no temporary file.
    expect(readdirSync(join(dir, 'state'))).toEqual(['player.json']);

    writeFileSync(path, '{"version":1,"entries":[{"song_id":');
    expect(readStateFile(path, (m) => warnings.push(m))).toBeUndefined();
    expect(warnings.at(-1)).toMatch(/could not be read .* it was kept as .*player\.json\.unreadable-\d+ and the queue starts empty/);
    expect(readdirSync(join(dir, 'state')).some((name) => name.startsWith('player.json.unreadable-'))).toBe(true);
    expect(warnings).toHaveLength(1);
  });

  it('says so when the state cannot be written (a folder in the way), and goes on', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'player.json'));
    const warnings: string[] = [];
    const saver = new StateSaver(join(dir, 'player.json'), () => saved(), (m) => warnings.push(m));
    await saver.flush();
    expect(warnings[0]).toMatch(/^could not save the queue to .*player\.json: /);
  });
});
