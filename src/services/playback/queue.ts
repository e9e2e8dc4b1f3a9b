import { REPEAT_MODES, type RepeatMode } from '../../domain/player-command.js';
import { TunesError } from '../../errors.js';

export { REPEAT_MODES, type RepeatMode };

/** One place in the queue. The same song may be queued twice; `key` tells the two apart. */
export interface QueueEntry {
  readonly key: number;
  readonly songId: number;
  /** The account logged in when the song was queued: its listening goes into that history. */
  readonly queuedBy: number | null;
}

/** The queue as plain data, to save and to restore after a restart. */
export interface QueueSnapshot {
  /** In the order songs were added (what turning shuffle off goes back to). */
  entries: Array<{ songId: number; queuedBy: number | null }>;
  /** The play order as indexes into `entries`, when it differs (shuffled). */
  playOrder?: number[];
  /** Index in the play order; -1 for none. */
  current: number;
  shuffle: boolean;
  repeat: RepeatMode;
}

/** After `previous` within this many ms of a song's start we go back a song; later it restarts. */
export const PREVIOUS_RESTART_MS = 3000;

/**
 * The play queue: pure state, no I/O. `order` is what plays (shuffled or not); `original` keeps
 * the order songs were added in, so turning shuffle off restores it. Indexes are positions in
 * the play order; `index` is -1 when nothing is current.
 */
export class PlayQueue {
  private original: QueueEntry[] = [];
  private order: QueueEntry[] = [];
  private index = -1;
  private shuffled = false;
  private repeatMode: RepeatMode = 'off';
  private nextKey = 1;
  private changes = 0;

  constructor(private readonly random: () => number = Math.random) {}

  get entries(): readonly QueueEntry[] {
    return this.order;
  }
  get length(): number {
    return this.order.length;
  }
  get currentIndex(): number {
    return this.index;
  }
  get current(): QueueEntry | undefined {
    return this.order[this.index];
  }
  get shuffle(): boolean {
    return this.shuffled;
  }
  get repeat(): RepeatMode {
    return this.repeatMode;
  }
  /** Goes up on every change of which songs are queued or of their order. */
  get version(): number {
    return this.changes;
  }

  /** Starts over with these songs; `start` becomes current. Shuffle, if on, shuffles the new songs. */
  replace(songIds: readonly number[], start = 0, queuedBy: number | null = null): QueueEntry | undefined {
    this.changes += 1;
    this.original = songIds.map((songId) => this.entry(songId, queuedBy));
    this.order = [...this.original];
    this.index = this.order.length > 0 ? this.checkIndex(start) : -1;
    if (this.shuffled) this.shuffleAroundCurrent();
    return this.current;
  }

  /** Puts songs right after the current one (in both orders). */
  addNext(songIds: readonly number[], queuedBy: number | null = null): QueueEntry[] {
    this.changes += 1;
    const added = songIds.map((songId) => this.entry(songId, queuedBy));
    const current = this.current;
    this.order.splice(this.index + 1, 0, ...added);
    const originalAt = current ? this.original.indexOf(current) + 1 : this.original.length;
    this.original.splice(originalAt, 0, ...added);
    return added;
  }

  addToEnd(songIds: readonly number[], queuedBy: number | null = null): QueueEntry[] {
    this.changes += 1;
    const added = songIds.map((songId) => this.entry(songId, queuedBy));
    this.order.push(...added);
    this.original.push(...added);
    return added;
  }

  /** Removes the entry at `index`. Removing the current one makes the following one current (none at the end). */
  remove(index: number): QueueEntry {
    this.changes += 1;
    const [removed] = this.order.splice(this.checkIndex(index), 1) as [QueueEntry];
    this.original.splice(this.original.indexOf(removed), 1);
    if (index < this.index) this.index -= 1;
    else if (index === this.index && this.index >= this.order.length) this.index = -1;
    return removed;
  }

  /** Moves an entry; the current song stays current wherever it ends up. */
  move(from: number, to: number): void {
    const current = this.current;
    this.checkIndex(to);
    this.changes += 1;
    const [moved] = this.order.splice(this.checkIndex(from), 1) as [QueueEntry];
    this.order.splice(to, 0, moved);
    if (!this.shuffled) this.original = [...this.order];
    this.index = current ? this.order.indexOf(current) : -1;
  }

  clear(): void {
    this.changes += 1;
    this.original = [];
    this.order = [];
    this.index = -1;
  }

  jump(index: number): QueueEntry {
    this.index = this.checkIndex(index);
    return this.order[this.index]!;
  }

  /** Makes the entry with this key current (mpv reached a preloaded entry); false if it is gone. */
  jumpToKey(key: number): boolean {
    const at = this.order.findIndex((e) => e.key === key);
    if (at < 0) return false;
    this.index = at;
    return true;
  }

  /** Shuffle on: the current song stays current and first, the rest follow in random order. Off: back to the original order. */
  setShuffle(on: boolean): void {
    if (on === this.shuffled) return;
    this.changes += 1;
    this.shuffled = on;
    if (on) {
      this.shuffleAroundCurrent();
    } else {
      const current = this.current;
      this.order = [...this.original];
      this.index = current ? this.order.indexOf(current) : -1;
    }
  }

  setRepeat(mode: RepeatMode): void {
    this.repeatMode = mode;
  }

  /** The entry that plays after the current one ends by itself (what gets preloaded), if any. */
  peekNext(): QueueEntry | undefined {
    const at = this.nextIndex(true);
    return at === undefined ? undefined : this.order[at];
  }

  /**
   * Moves on. `auto` means the song ended by itself, where repeat-one plays it again; a person
   * pressing next always moves to another song. Returns undefined at the end of the queue.
   */
  next({ auto = false }: { auto?: boolean } = {}): QueueEntry | undefined {
    const at = this.nextIndex(auto);
    if (at === undefined) return undefined;
    this.index = at;
    return this.order[at];
  }

  /** Back a song, or (past the first 3 s, or at the start without repeat-all) restart the current one. */
  previous(positionMs: number): { entry: QueueEntry; restart: boolean } | undefined {
    const current = this.current;
    if (!current) return undefined;
    if (positionMs > PREVIOUS_RESTART_MS) return { entry: current, restart: true };
    if (this.index > 0) this.index -= 1;
    else if (this.repeatMode === 'all') this.index = this.order.length - 1;
    else return { entry: current, restart: true };
    return { entry: this.order[this.index]!, restart: false };
  }

  private nextIndex(auto: boolean): number | undefined {
    if (this.order.length === 0) return undefined;
    if (this.index < 0) return 0;
    if (auto && this.repeatMode === 'one') return this.index;
    if (this.index + 1 < this.order.length) return this.index + 1;
    return this.repeatMode === 'off' ? undefined : 0;
  }

  private shuffleAroundCurrent(): void {
    const current = this.current;
    const rest = this.order.filter((e) => e !== current);
    for (let i = rest.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.random() * (i + 1));
      [rest[i], rest[j]] = [rest[j]!, rest[i]!];
    }
    this.order = current ? [current, ...rest] : rest;
    this.index = current ? 0 : -1;
  }

  /** The queue as plain data (see QueueSnapshot). */
  snapshot(): QueueSnapshot {
    const at = new Map(this.original.map((e, i) => [e, i]));
    const order = this.order.map((e) => at.get(e)!);
    return {
      entries: this.original.map(({ songId, queuedBy }) => ({ songId, queuedBy })),
      ...(order.some((o, i) => o !== i) ? { playOrder: order } : {}),
      current: this.index,
      shuffle: this.shuffled,
      repeat: this.repeatMode,
    };
  }

  /** Puts a saved queue back; a play order or index that does not fit the entries is dropped. */
  restore(saved: QueueSnapshot): void {
    this.changes += 1;
    this.original = saved.entries.map(({ songId, queuedBy }) => this.entry(songId, queuedBy));
    const order = saved.playOrder;
    const fits = order && order.length === this.original.length && new Set(order).size === order.length && order.every((i) => this.original[i] !== undefined);
    this.order = fits ? order.map((i) => this.original[i]!) : [...this.original];
    this.index = Number.isInteger(saved.current) && saved.current >= 0 && saved.current < this.order.length ? saved.current : this.order.length > 0 ? 0 : -1;
    this.shuffled = saved.shuffle;
    this.repeatMode = REPEAT_MODES.includes(saved.repeat) ? saved.repeat : 'off';
  }

  private entry(songId: number, queuedBy: number | null): QueueEntry {
    return { key: this.nextKey++, songId, queuedBy };
  }

  private checkIndex(index: number, max = this.order.length - 1): number {
    if (!Number.isInteger(index) || index < 0 || index > max) {
      throw new TunesError('invalid_input', `queue position ${index + 1} is out of range (1-${this.order.length})`);
    }
    return index;
  }
}
