import type { HostQueue } from '../../../domain/player-state.js';

const KEPT_VERSIONS = 64;

/**
 * The queue's entry ids at the versions clients have seen (MPD's playlist version), so that
 * `plchanges V` can answer with only the positions that changed since V (ncmpcpp asks after every
 * change). A version no longer kept (or never seen) answers with the whole queue.
 */
export class QueueVersions {
  private readonly seen = new Map<number, number[]>();

  remember(queue: HostQueue): void {
    if (this.seen.has(queue.version)) return;
    this.seen.set(queue.version, queue.entries.map((entry) => entry.entry_id));
    if (this.seen.size > KEPT_VERSIONS) this.seen.delete(this.seen.keys().next().value!);
  }

  /** Positions (0-based) whose entry differs from what was there at `version`. */
  changedSince(version: number, queue: HostQueue): number[] {
    this.remember(queue);
    if (version === queue.version) return [];
    const before = this.seen.get(version);
    const positions: number[] = [];
    queue.entries.forEach((entry, at) => {
      if (before === undefined || before[at] !== entry.entry_id) positions.push(at);
    });
    return positions;
  }
}
