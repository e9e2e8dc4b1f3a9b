import type { Song } from '../../domain/song.js';
import { TunesError } from '../../errors.js';
import type { AudioEngine, EngineEvent, EntryId } from '../../player/audio-engine.js';
import type { StoredReplayGain } from '../../player/mpv-start-settings.js';
import type { Clock } from '../clock.js';
import type { HistoryService } from '../history/history-service.js';
import { EngineEventFollower } from './engine-events.js';
import { ListenLog } from './listen-log.js';
import { summarize, type PlaybackEvent, type PlaybackState, type PlaybackStatus } from './playback-state.js';
import { PlayQueue, type QueueEntry } from './queue.js';
import type { StreamSource } from './stream-source.js';

export interface PlaybackDeps {
  engine: AudioEngine;
  history: HistoryService;
  clock: Clock;
  random?: () => number;
  /** A remote library's server: its songs stream, and a stream cut short may mean the server went away. */
  streams?: StreamSource;
}

/**
 * The state behind the playback service and how it drives mpv: which queue entry each mpv
 * playlist entry is, keeping the next song preloaded, moving on when a song ends, recording
 * listens, and picking up after mpv dies. The service runs every call and event one at a time.
 */
export class PlaybackCore {
  readonly engine: AudioEngine;
  readonly queue: PlayQueue;
  readonly pick: () => number;
  readonly songs = new Map<number, Song>();
  /** Which queue entry (by key) each mpv playlist entry is. */
  readonly entryKeys = new Map<EntryId, number>();
  private readonly listeners = new Set<(event: PlaybackEvent) => void>();
  readonly listens: ListenLog;
  private readonly events: EngineEventFollower;
  status: PlaybackStatus = 'stopped';
  playingEntry: EntryId | undefined;
  preloaded: { entry: EntryId; key: number } | undefined;
  positionMs = 0;
  volume = 100;
  muted = false;
  paused = false;
  failuresInARow = 0;
  /** After mpv died, or after a restart from saved state: the song to reload where it was, on the next command. */
  resumeAt: { key: number; seconds: number } | undefined;
  durationMs: number | null = null;
  error: string | null = null;
  private emittedQueueVersion = 0;
  /** The song being reloaded after a crash: its listen continues rather than starting over. */
  resumingKey: number | undefined;

  readonly streams: StreamSource | undefined;

  constructor({ engine, history, clock, random, streams }: PlaybackDeps) {
    this.engine = engine;
    this.streams = streams;
    this.listens = new ListenLog(history, clock, (message) => this.warn(message));
    this.pick = random ?? Math.random;
    this.queue = new PlayQueue(this.pick);
    this.events = new EngineEventFollower(this);
  }

  subscribe(listener: (event: PlaybackEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: PlaybackEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  warn(message: string): void {
    this.emit({ type: 'warning', message });
  }

  emitState(): void {
    if (this.queue.version !== this.emittedQueueVersion) {
      this.emittedQueueVersion = this.queue.version;
      this.emit({ type: 'queue', version: this.queue.version });
    }
    this.emit({ type: 'state', state: this.snapshot() });
  }

  songOf(entry: QueueEntry | undefined): Song | undefined {
    return entry ? this.songs.get(entry.songId) : undefined;
  }

  remember(list: readonly Song[]): number[] {
    for (const song of list) this.songs.set(song.id, song);
    return list.map((song) => song.id);
  }

  snapshot(): PlaybackState {
    const song = this.songOf(this.queue.current);
    return {
      // mpv keeps its pause across songs: a song opening while paused is paused, not on its way to playing.
      status: this.status === 'loading' && this.paused ? 'paused' : this.status,
      index: this.queue.currentIndex,
      length: this.queue.length,
      song: song ? summarize(song) : null,
      positionMs: this.positionMs,
      durationMs: this.durationMs ?? song?.duration_ms ?? null,
      volume: this.volume,
      muted: this.muted,
      shuffle: this.queue.shuffle,
      repeat: this.queue.repeat,
      queueVersion: this.queue.version,
      error: this.error,
    };
  }

  /** Loads the queue's current song into mpv, replacing what plays. */
  async startCurrent(startSeconds = 0): Promise<void> {
    const entry = this.queue.current;
    const song = this.songOf(entry);
    if (!entry || !song) return this.finish();
    this.status = 'loading';
    this.positionMs = startSeconds * 1000;
    this.durationMs = song.duration_ms;
    this.resumingKey = this.resumeAt?.key === entry.key ? entry.key : undefined;
    this.resumeAt = undefined;
    this.error = null;
    this.forgetPreload();
    // Loading replaces mpv's whole playlist: a start or end it still reports for an earlier entry
    // (a next pressed while a song was opening) must not move the queue back to that entry.
    this.entryKeys.clear();
    this.emitState();
    let id: EntryId;
    try {
      // The next song is handed to mpv once this one has started (see onEntryStart).
      id = await this.engine.load(song.path, { startSeconds, replayGain: storedReplayGain(song) });
    } catch (error) {
      // mpv is missing or would not start: nothing plays, so nothing may look as if it does.
      this.status = 'stopped';
      this.positionMs = 0;
      this.error = (error as Error).message;
      this.emitState();
      throw error;
    }
    this.entryKeys.set(id, entry.key);
  }

  forgetPreload(): void {
    if (this.preloaded) this.entryKeys.delete(this.preloaded.entry);
    this.preloaded = undefined;
  }

  /** Makes mpv's upcoming entry match what the queue will play next. */
  async syncPreload(): Promise<void> {
    if (this.playingEntry === undefined && this.status !== 'loading') return;
    const wanted = this.queue.peekNext();
    if (this.preloaded?.key === wanted?.key) return;
    if (this.preloaded) {
      this.forgetPreload();
      await this.engine.clearUpcoming();
    }
    const song = this.songOf(wanted);
    if (!wanted || !song) return;
    const id = await this.engine.append(song.path, { replayGain: storedReplayGain(song) });
    this.entryKeys.set(id, wanted.key);
    this.preloaded = { entry: id, key: wanted.key };
  }

  async finish({ unplayable = false }: { unplayable?: boolean } = {}): Promise<void> {
    await this.endListen();
    this.status = 'ended';
    // The last song played to its end: that is where the position stays, not at 0:00.
    this.positionMs = unplayable ? 0 : (this.durationMs ?? this.positionMs);
    this.forgetPreload();
    this.emitState();
    this.emit(unplayable ? { type: 'ended', unplayable } : { type: 'ended' });
  }

  async stopNow(): Promise<void> {
    await this.endListen();
    this.playingEntry = undefined;
    this.forgetPreload();
    if (this.engine.isRunning) await this.engine.stop();
    this.status = 'stopped';
    this.positionMs = 0;
    this.emitState();
  }

  endListen(): Promise<void> {
    return this.listens.end();
  }

  /** Commands that act on the song playing first bring it back into mpv (after a crash or a restart). */
  async ensureLoaded(): Promise<boolean> {
    if (this.playingEntry !== undefined || this.status === 'loading') return true;
    if (this.resumeAt && this.queue.current?.key === this.resumeAt.key) {
      await this.checkServerBack();
      // A fresh mpv is not paused; a song restored as paused must come back paused.
      await this.engine.setPaused(this.paused);
      await this.startCurrent(this.resumeAt.seconds);
      return true;
    }
    return false;
  }

  /** mpv's events, in the order the service runs them (engine-events.ts). */
  onEngineEvent(event: EngineEvent): Promise<void> {
    return this.events.follow(event);
  }
  /** Resuming a streamed song: a server still away is one line (exit 6), not a file mpv fails to open. */
  private async checkServerBack(): Promise<void> {
    const song = this.songOf(this.queue.current);
    if (!this.streams || !song || !this.streams.streams(song.path)) return;
    const why = await this.streams.unreachable();
    if (why !== undefined) throw new TunesError('io', `the server ${this.streams.name} is still away (${why}); the queue is kept`);
  }
}

/** The song's stored ReplayGain in the engine's terms. */
function storedReplayGain(song: Song): StoredReplayGain {
  return { trackDb: song.replaygain_track_gain_db ?? null, albumDb: song.replaygain_album_gain_db ?? null };
}
