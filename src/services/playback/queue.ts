import { TunesError } from '../../errors.js';

export type RepeatMode = 'off' | 'all' | 'one';
export const REPEAT_MODES: readonly RepeatMode[] = ['off', 'all', 'one'];

/** One place in the queue. The same song may be queued twice; `key` tells the two apart. */
export interface QueueEntry {
  readonly key: number;
  readonly songId: number;
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

  /** Starts over with these songs; `start` becomes current. Shuffle, if on, shuffles the new songs. */
  replace(songIds: readonly number[], start = 0): QueueEntry | undefined {
    this.original = songIds.map((songId) => this.entry(songId));
    this.order = [...this.original];
    this.index = this.order.length > 0 ? this.checkIndex(start) : -1;
    if (this.shuffled) this.shuffleAroundCurrent();
    return this.current;
  }

  /** Puts songs right after the current one (in both orders). */
  addNext(songIds: readonly number[]): QueueEntry[] {
    const added = songIds.map((songId) => this.entry(songId));
    const current = this.current;
    this.order.splice(this.index + 1, 0, ...added);
    const originalAt = current ? this.original.indexOf(current) + 1 : this.original.length;
    this.original.splice(originalAt, 0, ...added);
    return added;
  }

  addToEnd(songIds: readonly number[]): QueueEntry[] {
    const added = songIds.map((songId) => this.entry(songId));
    this.order.push(...added);
    this.original.push(...added);
    return added;
  }

  /** Removes the entry at `index`. Removing the current one makes the following one current (none at the end). */
  remove(index: number): QueueEntry {
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
    const [moved] = this.order.splice(this.checkIndex(from), 1) as [QueueEntry];
    this.order.splice(to, 0, moved);
    if (!this.shuffled) this.original = [...this.order];
    this.index = current ? this.order.indexOf(current) : -1;
  }

  clear(): void {
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

  private entry(songId: number): QueueEntry {
    return { key: this.nextKey++, songId };
  }

  private checkIndex(index: number, max = this.order.length - 1): number {
    if (!Number.isInteger(index) || index < 0 || index > max) {
      throw new TunesError('invalid_input', `queue position ${index + 1} is out of range (1-${this.order.length})`);
    }
    return index;
  }
}
