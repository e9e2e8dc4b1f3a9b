import type { Song } from '../../domain/song.js';
import { TunesError } from '../../errors.js';
import { PlaybackCore, type PlaybackDeps } from './playback-core.js';
import { summarize, type PlaybackEvent, type PlaybackState, type SongSummary } from './playback-state.js';
import { REPEAT_MODES, type RepeatMode } from './queue.js';

export type { PlaybackDeps } from './playback-core.js';

export interface PlayOptions {
  /** Index (in the given list) of the song to start with; with shuffle and no start, a random one. */
  start?: number;
  shuffle?: boolean;
  repeat?: RepeatMode;
}

export interface PlaybackService {
  /** Throws dependency_missing (with an install hint) when mpv is not installed; starts nothing. */
  checkPlayer(): void;
  /** Starts mpv ahead of the first song (it starts on first use anyway). */
  warmUp(): Promise<void>;
  /** Whose listening goes into history; nobody's when undefined. */
  setListener(userId: number | undefined): void;
  /** Replaces the queue with these songs and plays; an empty list is not_found "no songs match". */
  play(songs: readonly Song[], options?: PlayOptions): Promise<void>;
  next(): Promise<void>;
  /** Back a song, or restart this one when past its first 3 s. */
  previous(): Promise<void>;
  jump(index: number): Promise<void>;
  togglePause(): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
  seek(seconds: number, mode: 'relative' | 'absolute'): Promise<void>;
  /** 0-100 (values outside are clamped). */
  setVolume(volume: number): Promise<void>;
  changeVolume(delta: number): Promise<void>;
  toggleMute(): Promise<void>;
  setShuffle(on: boolean): Promise<void>;
  setRepeat(mode: RepeatMode): Promise<void>;
  /** off -> all -> one -> off */
  cycleRepeat(): Promise<void>;
  addNext(songs: readonly Song[]): Promise<void>;
  addToEnd(songs: readonly Song[]): Promise<void>;
  remove(index: number): Promise<void>;
  move(from: number, to: number): Promise<void>;
  clear(): Promise<void>;
  state(): PlaybackState;
  /** The queue in play order. */
  queue(): SongSummary[];
  /** State changes, track starts, warnings (unplayable files), the end of the queue, mpv dying. */
  subscribe(listener: (event: PlaybackEvent) => void): () => void;
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
  const pauseAs = async (value: boolean) => {
    if (!(await core.ensureLoaded())) return;
    core.paused = value;
    await engine.setPaused(value);
    if (core.status === 'playing' || core.status === 'paused') core.status = value ? 'paused' : 'playing';
    core.emitState();
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
    setListener: (userId) => {
      core.listenerUserId = userId;
    },
    play: (list, { start, shuffle, repeat } = {}) =>
      serial(async () => {
        if (list.length === 0) throw new TunesError('not_found', 'no songs match');
        await core.endListen();
        core.songs.clear();
        if (shuffle !== undefined) queue.setShuffle(shuffle);
        if (repeat !== undefined) queue.setRepeat(repeat);
        // Shuffled with no song chosen: the first one is random too, not always the list's first.
        const first = start ?? (queue.shuffle ? Math.floor(core.pick() * list.length) : 0);
        queue.replace(core.remember(list), first);
        core.failuresInARow = 0;
        await core.startCurrent();
      }),
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
    // After a crash, the pause key brings the song back rather than pausing nothing.
    togglePause: () => serial(() => pauseAs(core.crashedAt ? false : !core.paused)),
    setPaused: (value) => serial(() => pauseAs(value)),
    seek: (seconds, mode) =>
      serial(async () => {
        if (!Number.isFinite(seconds)) throw new TunesError('invalid_input', 'seek wants a number of seconds');
        if (await core.ensureLoaded()) await engine.seek(seconds, mode);
      }),
    setVolume: (value) => serial(() => applyVolume(checkVolume(value))),
    changeVolume: (delta) => serial(() => applyVolume(checkVolume(core.volume + delta))),
    toggleMute: () =>
      serial(async () => {
        core.muted = !core.muted;
        await engine.setMuted(core.muted);
        core.emitState();
      }),
    setShuffle: (on) => edit(() => queue.setShuffle(on)),
    setRepeat: (mode) =>
      edit(() => {
        if (!REPEAT_MODES.includes(mode)) throw new TunesError('invalid_input', `repeat must be off, all or one (got "${mode}")`);
        queue.setRepeat(mode);
      }),
    cycleRepeat: () => edit(() => queue.setRepeat(REPEAT_MODES[(REPEAT_MODES.indexOf(queue.repeat) + 1) % REPEAT_MODES.length]!)),
    addNext: (list) => edit(() => queue.addNext(core.remember(list))),
    addToEnd: (list) => edit(() => queue.addToEnd(core.remember(list))),
    remove: (index) =>
      serial(async () => {
        const wasCurrent = index === queue.currentIndex;
        queue.remove(index);
        if (!wasCurrent) return afterQueueEdit();
        if (queue.current) return core.startCurrent();
        await core.stopNow();
      }),
    move: (from, to) => edit(() => queue.move(from, to)),
    clear: () =>
      serial(async () => {
        queue.clear();
        await core.stopNow();
      }),
    state: () => core.snapshot(),
    queue: () => queue.entries.map((e) => summarize(core.songs.get(e.songId)!)),
    subscribe: (listener) => core.subscribe(listener),
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
