import type { Song } from '../../domain/song.js';
import { TunesError } from '../../errors.js';
import { PlaybackCore, type PlaybackDeps } from './playback-core.js';
import { summarize, type PlaybackEvent, type PlaybackState, type PlaybackStatus, type SongSummary } from './playback-state.js';
import { REPEAT_MODES, type RepeatMode } from './queue.js';
import type { SavedPlayback } from './saved-playback.js';

export type { PlaybackDeps } from './playback-core.js';

export interface PlayOptions {
  /** Index (in the given list) of the song to start with; with shuffle and no start, a random one. */
  start?: number;
  shuffle?: boolean;
  repeat?: RepeatMode;
  /** The account whose history these songs' listens go into (null: nobody's). */
  queuedBy?: number | null;
}

/** One place in the queue with its song (file path included: for the player process and its bridges). */
export interface QueueItem {
  key: number;
  song: Song;
  queuedBy: number | null;
}

export interface PlaybackService {
  /** Throws dependency_missing (with an install hint) when mpv is not installed; starts nothing. */
  checkPlayer(): void;
  /** Starts mpv ahead of the first song (it starts on first use anyway). */
  warmUp(): Promise<void>;
  /** Replaces the queue with these songs and plays; an empty list is not_found "no songs match". */
  play(songs: readonly Song[], options?: PlayOptions): Promise<void>;
  /** Plays: unpauses, starts the current song when stopped, or the first one after the queue ended. */
  resume(): Promise<void>;
  next(): Promise<void>;
  /** Back a song, or restart this one when past its first 3 s. */
  previous(): Promise<void>;
  jump(index: number): Promise<void>;
  jumpToEntry(key: number): Promise<void>;
  /** Pauses when playing, else plays (as resume does). */
  togglePause(): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
  seek(seconds: number, mode: 'relative' | 'absolute'): Promise<void>;
  /** 0-100 (values outside are clamped). */
  setVolume(volume: number): Promise<void>;
  changeVolume(delta: number): Promise<void>;
  setMuted(muted: boolean): Promise<void>;
  toggleMute(): Promise<void>;
  setShuffle(on: boolean): Promise<void>;
  setRepeat(mode: RepeatMode): Promise<void>;
  /** off -> all -> one -> off */
  cycleRepeat(): Promise<void>;
  addNext(songs: readonly Song[], queuedBy?: number | null): Promise<void>;
  addToEnd(songs: readonly Song[], queuedBy?: number | null): Promise<void>;
  remove(index: number): Promise<void>;
  /** Removes entries by play-order index or by key; answers how many went. */
  removeMany(which: { indexes: readonly number[] } | { keys: readonly number[] }): Promise<number>;
  move(from: number, to: number): Promise<void>;
  clear(): Promise<void>;
  state(): PlaybackState;
  /** The queue in play order. */
  queue(): SongSummary[];
  entries(): QueueItem[];
  /** The catalogue row of the current song (what plays, is paused, or would play). */
  currentSong(): Song | undefined;
  /** State changes, queue changes, track starts, warnings (unplayable files), the end of the queue, mpv dying. */
  subscribe(listener: (event: PlaybackEvent) => void): () => void;
  /** The queue, position and modes as plain data, to save. */
  saved(): SavedPlayback;
  /** Puts saved playback back (nothing plays until asked); `songs` are the catalogue's rows for it. */
  restore(saved: SavedPlayback, songs: readonly Song[]): Promise<void>;
  /** Stops playback (recording the listen); mpv stays up. */
  stop(): Promise<void>;
  /** Stops playback and ends mpv. */
  close(): Promise<void>;
}

export function createPlaybackService(deps: PlaybackDeps): PlaybackService {
  const core = new PlaybackCore(deps);
  const { engine, queue } = core;

  // Commands and engine events run one at a time, in arrival order, so each sees the state the
  // previous one left (a reply and the events it caused can arrive in the same read).
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T> | T): Promise<T> => {
    const run = chain.then(task);
    chain = run.catch(() => undefined);
    return run;
  };
  engine.subscribe((event) => void serial(() => core.onEngineEvent(event)).catch((e: unknown) => core.warn(`playback: ${String(e)}`)));

  const afterQueueEdit = async () => {
    await core.syncPreload();
    core.emitState();
  };
  const checkVolume = (value: number) => {
    if (!Number.isFinite(value)) throw new TunesError('invalid_input', 'volume must be a number from 0 to 100');
    return Math.min(100, Math.max(0, Math.round(value)));
  };
  const applyVolume = async (value: number) => {
    core.volume = value;
    await engine.setVolume(value);
    core.emitState();
  };
  const applyMute = async (muted: boolean) => {
    core.muted = muted;
    await engine.setMuted(muted);
    core.emitState();
  };
  const pauseAs = async (value: boolean) => {
    // Pausing what is not playing (stopped, or paused from a restart and not yet loaded) changes nothing.
    if (value && core.status !== 'playing' && core.status !== 'loading') return;
    if (!(await core.ensureLoaded())) return;
    core.paused = value;
    await engine.setPaused(value);
    if (core.status === 'playing' || core.status === 'paused') core.status = value ? 'paused' : 'playing';
    core.emitState();
  };
  const active = () => core.status === 'playing' || core.status === 'paused' || core.status === 'loading';
  const resume = async () => {
    if (core.status === 'paused' || core.resumeAt) return pauseAs(false);
    if (active() || queue.length === 0) return;
    // Stopped: the current song from its start; the queue ran out: from the top.
    if (core.status === 'ended' || queue.currentIndex < 0) queue.jump(0);
    if (core.paused) {
      core.paused = false;
      await engine.setPaused(false);
    }
    await core.startCurrent();
  };
  /** After the current entry was removed: the one now current plays if something was playing. */
  const afterCurrentRemoved = async (wasActive: boolean) => {
    if (queue.current && wasActive) return core.startCurrent();
    if (queue.current) {
      core.positionMs = 0;
      core.resumeAt = undefined;
      return afterQueueEdit();
    }
    await core.stopNow();
  };
  /** Queue edits then resync what mpv has preloaded. */
  const edit = (change: () => void) =>
    serial(async () => {
      change();
      await afterQueueEdit();
    });

  return {
    checkPlayer: () => engine.checkAvailable(),
    warmUp: () => engine.start(),
    play: (list, { start, shuffle, repeat, queuedBy = null } = {}) =>
      serial(async () => {
        if (list.length === 0) throw new TunesError('not_found', 'no songs match');
        await core.endListen();
        core.songs.clear();
        core.resumeAt = undefined;
        if (shuffle !== undefined) queue.setShuffle(shuffle);
        if (repeat !== undefined) queue.setRepeat(repeat);
        // Shuffled with no song chosen: the first one is random too, not always the list's first.
        const first = start ?? (queue.shuffle ? Math.floor(core.pick() * list.length) : 0);
        queue.replace(core.remember(list), first, queuedBy);
        core.failuresInARow = 0;
        await core.startCurrent();
      }),
    resume: () => serial(resume),
    next: () =>
      serial(async () => {
        const target = queue.next();
        if (!target) {
          core.playingEntry = undefined;
          core.forgetPreload();
          if (engine.isRunning) await engine.stop();
          return core.finish();
        }
        if (core.preloaded?.key === target.key && core.playingEntry !== undefined) {
          // Already handed to mpv: switching to it is the fast path.
          core.preloaded = undefined;
          core.status = 'loading';
          await engine.advance();
          core.emitState();
          return;
        }
        await core.startCurrent();
      }),
    previous: () =>
      serial(async () => {
        const step = queue.previous(core.positionMs);
        if (!step) return;
        if (step.restart && core.playingEntry !== undefined) await engine.seek(0, 'absolute');
        else await core.startCurrent();
      }),
    jump: (index) =>
      serial(async () => {
        queue.jump(index);
        await core.startCurrent();
      }),
    jumpToEntry: (key) =>
      serial(async () => {
        if (!queue.jumpToKey(key)) throw new TunesError('not_found', `no queue entry ${key}`);
        await core.startCurrent();
      }),
    togglePause: () => serial(() => (core.status === 'playing' || core.status === 'loading' ? pauseAs(true) : resume())),
    setPaused: (value) => serial(() => (value ? pauseAs(true) : resume())),
    seek: (seconds, mode) =>
      serial(async () => {
        if (!Number.isFinite(seconds)) throw new TunesError('invalid_input', 'seek wants a number of seconds');
        if (await core.ensureLoaded()) await engine.seek(seconds, mode);
      }),
    setVolume: (value) => serial(() => applyVolume(checkVolume(value))),
    changeVolume: (delta) => serial(() => applyVolume(checkVolume(core.volume + delta))),
    setMuted: (muted) => serial(() => applyMute(muted)),
    toggleMute: () => serial(() => applyMute(!core.muted)),
    setShuffle: (on) => edit(() => queue.setShuffle(on)),
    setRepeat: (mode) =>
      edit(() => {
        if (!REPEAT_MODES.includes(mode)) throw new TunesError('invalid_input', `repeat must be off, all or one (got "${mode}")`);
        queue.setRepeat(mode);
      }),
    cycleRepeat: () => edit(() => queue.setRepeat(REPEAT_MODES[(REPEAT_MODES.indexOf(queue.repeat) + 1) % REPEAT_MODES.length]!)),
    addNext: (list, queuedBy = null) => edit(() => queue.addNext(core.remember(list), queuedBy)),
    addToEnd: (list, queuedBy = null) => edit(() => queue.addToEnd(core.remember(list), queuedBy)),
    remove: (index) =>
      serial(async () => {
        const wasCurrent = index === queue.currentIndex;
        const wasActive = active();
        queue.remove(index);
        if (!wasCurrent) return afterQueueEdit();
        await afterCurrentRemoved(wasActive);
      }),
    removeMany: (which) =>
      serial(async () => {
        const keys = new Set('keys' in which ? which.keys : which.indexes.map((i) => queue.entries[i]?.key ?? -1));
        if ('indexes' in which) {
          const wrong = which.indexes.find((i) => queue.entries[i] === undefined);
          if (wrong !== undefined) throw new TunesError('invalid_input', `queue position ${wrong + 1} is out of range (1-${queue.length})`);
        }
        const currentKey = queue.current?.key;
        const wasActive = active();
        const doomed = queue.entries.flatMap((e, i) => (keys.has(e.key) ? [i] : [])).reverse();
        if (doomed.length === 0) return 0;
        for (const index of doomed) queue.remove(index);
        if (currentKey !== undefined && keys.has(currentKey)) await afterCurrentRemoved(wasActive);
        else await afterQueueEdit();
        return doomed.length;
      }),
    move: (from, to) => edit(() => queue.move(from, to)),
    clear: () =>
      serial(async () => {
        queue.clear();
        await core.stopNow();
      }),
    state: () => core.snapshot(),
    queue: () => queue.entries.map((e) => summarize(core.songs.get(e.songId)!)),
    entries: () => queue.entries.map((e) => ({ key: e.key, song: core.songs.get(e.songId)!, queuedBy: e.queuedBy })),
    currentSong: () => core.songOf(queue.current),
    subscribe: (listener) => core.subscribe(listener),
    saved: () => ({
      queue: queue.snapshot(),
      positionMs: core.positionMs,
      status: savedStatus(core.snapshot().status),
      volume: core.volume,
      muted: core.muted,
    }),
    restore: (saved, list) =>
      serial(async () => {
        core.songs.clear();
        core.remember(list);
        const known = new Set(list.map((s) => s.id));
        queue.restore({ ...saved.queue, entries: saved.queue.entries.filter((e) => known.has(e.songId)) });
        core.volume = checkVolume(saved.volume);
        core.muted = saved.muted;
        await engine.setVolume(core.volume);
        await engine.setMuted(core.muted);
        const current = queue.current;
        const resumable = current !== undefined && saved.status !== 'stopped';
        core.status = resumable ? 'paused' : 'stopped';
        core.paused = resumable;
        core.positionMs = resumable ? Math.max(0, saved.positionMs) : 0;
        core.durationMs = current ? (core.songs.get(current.songId)?.duration_ms ?? null) : null;
        core.resumeAt = resumable ? { key: current.key, seconds: core.positionMs / 1000 } : undefined;
        core.emitState();
      }),
    stop: () => serial(() => core.stopNow()),
    close: () =>
      serial(async () => {
        await core.endListen();
        core.playingEntry = undefined;
        await engine.shutdown();
        core.status = 'stopped';
      }),
  };
}

/** What a restart comes back to: a song opening counts as playing unless it opens paused. */
function savedStatus(status: PlaybackStatus): 'playing' | 'paused' | 'stopped' {
  return status === 'playing' || status === 'loading' ? 'playing' : status === 'paused' ? 'paused' : 'stopped';
}
