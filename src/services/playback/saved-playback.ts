import type { QueueSnapshot } from './queue.js';

/** What the player saves as it changes and picks up again after a restart (kill -9, a reboot). */
export interface SavedPlayback {
  queue: QueueSnapshot;
  positionMs: number;
  /** Playing or paused come back paused at the position; `tunes resume` carries on from there. */
  status: 'playing' | 'paused' | 'stopped';
  volume: number;
  muted: boolean;
}

/**
 * The saved queue without the songs that are no longer in the catalogue (deleted by a prune, or a
 * file gone); the play order and the current song follow the entries that stay. When the current
 * song itself is gone, the next one that stays becomes current, at its start.
 */
export function keepSongs(saved: SavedPlayback, present: ReadonlySet<number>): SavedPlayback {
  const { queue } = saved;
  if (queue.entries.every((e) => present.has(e.songId))) return saved;
  const kept = new Map<number, number>();
  queue.entries.forEach((entry, i) => {
    if (present.has(entry.songId)) kept.set(i, kept.size);
  });
  const order = queue.playOrder ?? queue.entries.map((_, i) => i);
  const newOrder = order.flatMap((i) => (kept.has(i) ? [kept.get(i)!] : []));
  const currentEntry = order[queue.current];
  const currentKept = currentEntry !== undefined && kept.has(currentEntry);
  // The first entry at or after the old current one that is still there.
  const stillThere = order.slice(Math.max(0, queue.current)).find((i) => kept.has(i));
  const current = stillThere === undefined ? (newOrder.length > 0 ? 0 : -1) : newOrder.indexOf(kept.get(stillThere)!);
  return {
    ...saved,
    positionMs: currentKept ? saved.positionMs : 0,
    queue: {
      ...queue,
      entries: queue.entries.filter((e) => present.has(e.songId)),
      ...(queue.playOrder ? { playOrder: newOrder } : {}),
      current,
    },
  };
}
