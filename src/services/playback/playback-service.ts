import type { Song } from '../../db/schema.js';
import { TunesError } from '../../errors.js';
import type { AudioEngine, EngineEvent, EntryId } from '../../player/audio-engine.js';
import type { Clock } from '../clock.js';
import type { HistoryService } from '../history/history-service.js';
import { ListenTracker } from './listen-tracker.js';
import { summarize, type PlaybackEvent, type PlaybackState, type PlaybackStatus, type SongSummary } from './playback-state.js';
import { PlayQueue, REPEAT_MODES, type QueueEntry, type RepeatMode } from './queue.js';

export interface PlayOptions {
  /** Index (in the given list) of the song to start with. */
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
  play(songs: readonly Song[], options?: PlayOptions): Promise<void>;
  next(): Promise<void>;
  previous(): Promise<void>;
  jump(index: number): Promise<void>;
  togglePause(): Promise<void>;
  setPaused(paused: boolean): Promise<void>;
  seek(seconds: number, mode: 'relative' | 'absolute'): Promise<void>;
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
  queue(): SongSummary[];
  subscribe(listener: (event: PlaybackEvent) => void): () => void;
  /** Stops playback (recording the listen); mpv stays up. */
  stop(): Promise<void>;
  /** Stops playback and ends mpv. */
  close(): Promise<void>;
}

export interface PlaybackDeps {
  engine: AudioEngine;
  history: HistoryService;
  clock: Clock;
  random?: () => number;
}

export function createPlaybackService({ engine, history, clock, random }: PlaybackDeps): PlaybackService {
  const queue = new PlayQueue(random);
  const songs = new Map<number, Song>();
  const entryKeys = new Map<EntryId, number>();
  const listeners = new Set<(event: PlaybackEvent) => void>();
  let listenerUserId: number | undefined;
  let status: PlaybackStatus = 'stopped';
  let playingEntry: EntryId | undefined;
  let preloaded: { entry: EntryId; key: number } | undefined;
  let listen: ListenTracker | undefined;
  let positionMs = 0;
  let durationMs: number | null = null;
  let volume = 100;
  let muted = false;
  let paused = false;
  let error: string | null = null;
  /** After mpv died: the song to reload where it was, on the next command. */
  let crashedAt: { key: number; seconds: number } | undefined;
  /** The song being reloaded after a crash: its listen continues rather than starting over. */
  let resumingKey: number | undefined;
  let failuresInARow = 0;
  /** track-start waits for the first playback-restart, so a file that fails to open never "starts". */
  let announce = false;

  // Commands and engine events run one at a time, in arrival order, so each sees the state the
  // previous one left (a reply and the events it caused can arrive in the same read).
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T> | T): Promise<T> => {
    const run = chain.then(task);
    chain = run.catch(() => undefined);
    return run;
  };
  engine.subscribe((event) => void serial(() => onEngineEvent(event)).catch((e: unknown) => warn(`playback: ${String(e)}`)));

  const emit = (event: PlaybackEvent) => {
    for (const listener of listeners) listener(event);
  };
  const warn = (message: string) => emit({ type: 'warning', message });
  const emitState = () => emit({ type: 'state', state: snapshot() });
  const songOf = (entry: QueueEntry | undefined) => (entry ? songs.get(entry.songId) : undefined);

  function snapshot(): PlaybackState {
    const song = songOf(queue.current);
    return {
      status,
      index: queue.currentIndex,
      length: queue.length,
      song: song ? summarize(song) : null,
      positionMs,
      durationMs: durationMs ?? song?.duration_ms ?? null,
      volume,
      muted,
      shuffle: queue.shuffle,
      repeat: queue.repeat,
      error,
    };
  }

  function remember(list: readonly Song[]): number[] {
    for (const song of list) songs.set(song.id, song);
    return list.map((song) => song.id);
  }

  /** Loads the queue's current song into mpv (replacing what plays) and preloads the next. */
  async function startCurrent(startSeconds = 0): Promise<void> {
    const entry = queue.current;
    const song = songOf(entry);
    if (!entry || !song) return finish();
    status = 'loading';
    positionMs = startSeconds * 1000;
    durationMs = song.duration_ms;
    resumingKey = crashedAt?.key === entry.key ? entry.key : undefined;
    crashedAt = undefined;
    error = null;
    forgetPreload();
    emitState();
    // The next song is handed to mpv once this one has started (see onEntryStart).
    const id = await engine.load(song.path, { startSeconds });
    entryKeys.set(id, entry.key);
  }

  function forgetPreload(): void {
    if (preloaded) entryKeys.delete(preloaded.entry);
    preloaded = undefined;
  }

  /** Makes mpv's upcoming entry match what the queue will play next. */
  async function syncPreload(): Promise<void> {
    if (playingEntry === undefined && status !== 'loading') return;
    const wanted = queue.peekNext();
    if (preloaded?.key === wanted?.key) return;
    if (preloaded) {
      forgetPreload();
      await engine.clearUpcoming();
    }
    const song = songOf(wanted);
    if (!wanted || !song) return;
    const id = await engine.append(song.path);
    entryKeys.set(id, wanted.key);
    preloaded = { entry: id, key: wanted.key };
  }

  async function finish(): Promise<void> {
    await endListen();
    status = 'ended';
    positionMs = 0;
    preloaded = undefined;
    emitState();
    emit({ type: 'ended' });
  }

  async function endListen(): Promise<void> {
    const done = listen;
    listen = undefined;
    if (!done || listenerUserId === undefined) return;
    try {
      await history.recordListen({ userId: listenerUserId, songId: done.songId, startedAt: done.startedAt, msPlayed: done.msPlayed, durationMs: done.durationMs });
    } catch (e) {
      warn(`could not save listening history: ${(e as Error).message}`);
    }
  }

  async function onEngineEvent(event: EngineEvent): Promise<void> {
    switch (event.type) {
      case 'entry-start':
        return onEntryStart(event.entry);
      case 'entry-end':
        return onEntryEnd(event.entry, event.reason, event.error);
      case 'time-pos':
        if (event.seconds === null) return;
        positionMs = Math.round(event.seconds * 1000);
        listen?.position(event.seconds);
        return emitState();
      case 'seek':
        listen?.seeked();
        return;
      case 'playback-restart': {
        const song = songOf(queue.current);
        if (playingEntry !== undefined && status !== 'ended' && status !== 'stopped') status = paused ? 'paused' : 'playing';
        if (announce && song && playingEntry !== undefined) {
          announce = false;
          emit({ type: 'track-start', song: summarize(song), index: queue.currentIndex, length: queue.length });
        }
        emit({ type: 'playback-restart' });
        return emitState();
      }
      case 'duration':
        if (event.seconds !== null) durationMs = Math.round(event.seconds * 1000);
        listen?.duration(event.seconds);
        return;
      case 'pause':
        paused = event.paused;
        if (status === 'playing' || status === 'paused') status = paused ? 'paused' : 'playing';
        return emitState();
      case 'volume':
        volume = Math.round(event.volume);
        return emitState();
      case 'mute':
        muted = event.muted;
        return emitState();
      case 'crash':
        return onCrash(event.error);
      case 'idle':
        return;
    }
  }

  async function onEntryStart(entry: EntryId): Promise<void> {
    const key = entryKeys.get(entry);
    if (key === undefined) return; // an entry we have since replaced
    if (preloaded?.entry === entry) preloaded = undefined;
    if (!queue.jumpToKey(key)) return;
    const song = songOf(queue.current)!;
    playingEntry = entry;
    if (!(listen && resumingKey === key)) {
      await endListen();
      listen = new ListenTracker(key, song.id, song.duration_ms, clock.now());
    }
    resumingKey = undefined;
    durationMs = song.duration_ms;
    announce = true;
    // Tidy mpv's playlist down to this entry (dropping finished and stale ones), then hand it the next.
    forgetPreload();
    await engine.clearUpcoming();
    await syncPreload();
  }

  async function onEntryEnd(entry: EntryId, reason: string, fileError: string | undefined): Promise<void> {
    const key = entryKeys.get(entry);
    entryKeys.delete(entry);
    if (reason === 'error') {
      const song = songs.get(queue.entries.find((e) => e.key === key)?.songId ?? -1);
      warn(`cannot play ${song ? `"${song.title}" (${song.path})` : 'a file'}: ${fileError ?? 'unknown error'}; skipping it`);
      failuresInARow += 1;
    } else if (reason === 'eof') {
      failuresInARow = 0;
    }
    if (entry !== playingEntry) {
      if (preloaded?.entry === entry) preloaded = undefined;
      return;
    }
    playingEntry = undefined;
    announce = false;
    if (reason === 'eof') listen?.reachedEnd();
    await endListen();
    if (reason !== 'eof' && reason !== 'error') return; // stopped or replaced by us
    if (failuresInARow >= Math.max(queue.length, 1)) {
      warn('nothing left in the queue could be played');
      failuresInARow = 0;
      forgetPreload();
      await engine.stop();
      return finish();
    }
    if (preloaded) return; // mpv moves on to it by itself
    const next = queue.next({ auto: true });
    if (!next) return finish();
    await startCurrent();
  }

  async function onCrash(crash: TunesError): Promise<void> {
    const current = queue.current;
    crashedAt = current && status !== 'ended' ? { key: current.key, seconds: positionMs / 1000 } : undefined;
    playingEntry = undefined;
    preloaded = undefined;
    entryKeys.clear();
    status = 'stopped';
    error = `${crash.message}; playback stopped (the next command starts mpv again)`;
    emit({ type: 'error', error: new TunesError('io', error) });
    emitState();
  }

  /** Commands that act on the song playing first bring mpv back after a crash. */
  async function ensureLoaded(): Promise<boolean> {
    if (playingEntry !== undefined || status === 'loading') return true;
    if (crashedAt && queue.current?.key === crashedAt.key) {
      await startCurrent(crashedAt.seconds);
      return true;
    }
    return false;
  }

  async function afterQueueEdit(): Promise<void> {
    await syncPreload();
    emitState();
  }

  const checkVolume = (value: number) => {
    if (!Number.isFinite(value)) throw new TunesError('invalid_input', 'volume must be a number from 0 to 100');
    return Math.min(100, Math.max(0, Math.round(value)));
  };

  return {
    checkPlayer: () => engine.checkAvailable(),
    warmUp: () => engine.start(),
    setListener: (userId) => {
      listenerUserId = userId;
    },
    play: (list, { start = 0, shuffle, repeat } = {}) =>
      serial(async () => {
        if (list.length === 0) throw new TunesError('not_found', 'no songs match');
        await endListen();
        songs.clear();
        if (shuffle !== undefined) queue.setShuffle(shuffle);
        if (repeat !== undefined) queue.setRepeat(repeat);
        queue.replace(remember(list), start);
        failuresInARow = 0;
        await startCurrent();
      }),
    next: () =>
      serial(async () => {
        const target = queue.next();
        if (!target) {
          playingEntry = undefined;
          forgetPreload();
          if (engine.isRunning) await engine.stop();
          return finish();
        }
        if (preloaded?.key === target.key && playingEntry !== undefined) {
          preloaded = undefined;
          status = 'loading';
          await engine.advance();
          emitState();
          return;
        }
        await startCurrent();
      }),
    previous: () =>
      serial(async () => {
        const step = queue.previous(positionMs);
        if (!step) return;
        if (step.restart && playingEntry !== undefined) await engine.seek(0, 'absolute');
        else await startCurrent();
      }),
    jump: (index) =>
      serial(async () => {
        queue.jump(index);
        await startCurrent();
      }),
    // After a crash, the pause key brings the song back rather than pausing nothing.
    togglePause: () => serial(() => pauseAs(crashedAt ? false : !paused)),
    setPaused: (value) => serial(() => pauseAs(value)),
    seek: (seconds, mode) =>
      serial(async () => {
        if (!Number.isFinite(seconds)) throw new TunesError('invalid_input', 'seek wants a number of seconds');
        if (await ensureLoaded()) await engine.seek(seconds, mode);
      }),
    setVolume: (value) => serial(() => applyVolume(checkVolume(value))),
    changeVolume: (delta) => serial(() => applyVolume(checkVolume(volume + delta))),
    toggleMute: () =>
      serial(async () => {
        muted = !muted;
        await engine.setMuted(muted);
        emitState();
      }),
    setShuffle: (on) =>
      serial(async () => {
        queue.setShuffle(on);
        await afterQueueEdit();
      }),
    setRepeat: (mode) =>
      serial(async () => {
        if (!REPEAT_MODES.includes(mode)) throw new TunesError('invalid_input', `repeat must be off, all or one (got "${mode}")`);
        queue.setRepeat(mode);
        await afterQueueEdit();
      }),
    cycleRepeat: () =>
      serial(async () => {
        queue.setRepeat(REPEAT_MODES[(REPEAT_MODES.indexOf(queue.repeat) + 1) % REPEAT_MODES.length]!);
        await afterQueueEdit();
      }),
    addNext: (list) =>
      serial(async () => {
        queue.addNext(remember(list));
        await afterQueueEdit();
      }),
    addToEnd: (list) =>
      serial(async () => {
        queue.addToEnd(remember(list));
        await afterQueueEdit();
      }),
    remove: (index) =>
      serial(async () => {
        const wasCurrent = index === queue.currentIndex;
        queue.remove(index);
        if (!wasCurrent) return afterQueueEdit();
        if (queue.current) return startCurrent();
        await stopNow();
      }),
    move: (from, to) =>
      serial(async () => {
        queue.move(from, to);
        await afterQueueEdit();
      }),
    clear: () =>
      serial(async () => {
        queue.clear();
        await stopNow();
      }),
    state: snapshot,
    queue: () => queue.entries.map((e) => summarize(songs.get(e.songId)!)),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => serial(stopNow),
    close: () =>
      serial(async () => {
        await endListen();
        playingEntry = undefined;
        await engine.shutdown();
        status = 'stopped';
      }),
  };

  async function pauseAs(value: boolean): Promise<void> {
    if (!(await ensureLoaded())) return;
    paused = value;
    await engine.setPaused(value);
    if (status === 'playing' || status === 'paused') status = value ? 'paused' : 'playing';
    emitState();
  }

  async function applyVolume(value: number): Promise<void> {
    volume = value;
    await engine.setVolume(value);
    emitState();
  }

  async function stopNow(): Promise<void> {
    await endListen();
    playingEntry = undefined;
    preloaded = undefined;
    if (engine.isRunning) await engine.stop();
    status = 'stopped';
    positionMs = 0;
    emitState();
  }
}
