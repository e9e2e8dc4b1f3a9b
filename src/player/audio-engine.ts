import { TunesError } from '../errors.js';
import { OBSERVED_PROPERTIES, type EndFileReason, type MpvEvent } from './mpv-messages.js';
import { spawnMpv, startFailure, type MpvProcess, type MpvSpawnOptions } from './mpv-process.js';
import { MpvRefusal } from './mpv-connection.js';
import {
  DEFAULT_START_SETTINGS,
  replayGainFileOptions,
  startSettingsArgs,
  type MpvStartSettings,
  type ReplayGainMode,
  type StoredReplayGain,
} from './mpv-start-settings.js';
import { REFUSED_URL, refusalOf } from './playable-path.js';

/** Entry ids stay unique across mpv restarts (mpv numbers its playlist entries from 1 each time). */
export type EntryId = number;
const GENERATION_SPAN = 1_000_000;

export type EngineEvent =
  | { type: 'entry-start'; entry: EntryId }
  | { type: 'entry-end'; entry: EntryId; reason: EndFileReason; error?: string }
  | { type: 'playback-restart' }
  | { type: 'seek' }
  | { type: 'idle' }
  | { type: 'time-pos'; seconds: number | null }
  | { type: 'duration'; seconds: number | null }
  | { type: 'pause'; paused: boolean }
  | { type: 'volume'; volume: number }
  | { type: 'mute'; muted: boolean }
  /** mpv went away without being asked to; the next command starts a new one. */
  | { type: 'crash'; error: TunesError };

export interface AudioEngineOptions extends Omit<MpvSpawnOptions, 'binary' | 'settingsArgs'> {
  /** Finds the mpv binary; throws `dependency_missing` when there is none. */
  resolveBinary: () => string;
  /** The user's settings, read each time mpv starts (so a changed setting applies to the next mpv). */
  startSettings?: () => MpvStartSettings;
  /** An mpv started earlier with these settings' arguments (see prespawn.ts), used instead of spawning one. */
  adopt?: (settingsArgs: readonly string[]) => Promise<MpvProcess> | undefined;
  /**
   * Where mpv reads a song from: a remote library's songs carry their stream URL without
   * credentials, added here at load time (so they never sit in the queue, the saved state or the socket).
   */
  locate?: (path: string) => Located;
}

/** Where mpv reads a song, and per-file options that go with it (TLS checks for an HTTPS server). */
export interface Located {
  url: string;
  options?: Record<string, string>;
}

export interface LoadOptions {
  startSeconds?: number;
  /** The song's ReplayGain as the library stored it, applied when mpv finds none in the file. */
  replayGain?: StoredReplayGain | undefined;
}

/** One mpv process driven over IPC, started on first use and again after it dies. */
export class AudioEngine {
  private process: MpvProcess | undefined;
  private starting: Promise<MpvProcess> | undefined;
  private generation = 0;
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private volume = 100;
  private muted = false;
  private shuttingDown = false;
  private replayGainMode: ReplayGainMode = 'off';
  /** Entries given REFUSED_URL instead of their path, with the reason their end reports. */
  private readonly refused = new Map<EntryId, string>();

  constructor(private readonly options: AudioEngineOptions) {}

  subscribe(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get pid(): number | undefined {
    return this.process?.pid;
  }

  get isRunning(): boolean {
    return this.process !== undefined;
  }

  /** Throws `dependency_missing` when there is no mpv to start; spawns nothing. */
  checkAvailable(): void {
    this.options.resolveBinary();
  }

  /** Starts mpv now (it would start on the first command anyway); safe to call repeatedly. */
  async start(): Promise<void> {
    await this.running();
  }

  private located(path: string): Located {
    return this.options.locate ? this.options.locate(path) : { url: path };
  }

  /** Replaces whatever plays with `path`; resolves with the new entry's id. */
  async load(path: string, { startSeconds = 0, replayGain }: LoadOptions = {}): Promise<EntryId> {
    const mpv = await this.running();
    const gen = this.generation;
    // A per-file option applies to this entry only, so the preloaded next one still starts at 0.
    const where = this.located(path);
    const options = { ...where.options, ...replayGainFileOptions(this.replayGainMode, replayGain), ...(startSeconds > 0 ? { start: String(startSeconds) } : {}) };
    const refusal = refusalOf(path);
    const id = toEntryId(gen, await mpv.connection.namedCommand('loadfile', { url: refusal ? REFUSED_URL : where.url, flags: 'replace', options }));
    if (refusal) this.refused.set(id, refusal);
    return id;
  }

  /** Queues `path` after the current entry so mpv can prefetch it and switch without a gap. */
  async append(path: string, { replayGain }: Pick<LoadOptions, 'replayGain'> = {}): Promise<EntryId> {
    const mpv = await this.running();
    const gen = this.generation;
    const where = this.located(path);
    const options = { ...where.options, ...replayGainFileOptions(this.replayGainMode, replayGain) };
    const refusal = refusalOf(path);
    const id = toEntryId(gen, await mpv.connection.namedCommand('loadfile', { url: refusal ? REFUSED_URL : where.url, flags: 'append-play', options }));
    if (refusal) this.refused.set(id, refusal);
    return id;
  }

  /** Drops every playlist entry except the one playing (the preloaded next one). */
  async clearUpcoming(): Promise<void> {
    await (await this.running()).connection.command('playlist-clear');
  }

  /** Moves to the preloaded entry. */
  async advance(): Promise<void> {
    await (await this.running()).connection.command('playlist-next', 'force');
  }

  async setPaused(paused: boolean): Promise<void> {
    await (await this.running()).connection.command('set_property', 'pause', paused);
  }

  async seek(seconds: number, mode: 'relative' | 'absolute'): Promise<void> {
    try {
      await (await this.running()).connection.command('seek', seconds, mode);
    } catch (error) {
      // mpv refuses a seek while a file is opening or ending (keys pressed fast at a song's edge);
      // like any player, tunes lets that key press do nothing.
      if (!(error instanceof MpvRefusal)) throw error;
    }
  }

  async setVolume(volume: number): Promise<void> {
    this.volume = volume;
    if (this.process) await this.process.connection.command('set_property', 'volume', volume);
  }

  async setMuted(muted: boolean): Promise<void> {
    this.muted = muted;
    if (this.process) await this.process.connection.command('set_property', 'mute', muted);
  }

  /** Stops playback and empties mpv's playlist; the process stays for the next command. */
  async stop(): Promise<void> {
    if (this.process) await this.process.connection.command('stop');
  }

  /** Ends mpv and waits until the process is gone. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    const mpv = this.process ?? (await this.starting?.catch(() => undefined));
    this.process = undefined;
    await mpv?.stop();
    this.shuttingDown = false;
  }

  private running(): Promise<MpvProcess> {
    if (this.process) return Promise.resolve(this.process);
    this.starting ??= this.spawn().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async spawn(): Promise<MpvProcess> {
    const binary = this.options.resolveBinary();
    const settings = this.options.startSettings?.() ?? DEFAULT_START_SETTINGS;
    const settingsArgs = startSettingsArgs(settings);
    this.replayGainMode = settings.replayGain;
    const adopted = await this.options.adopt?.(settingsArgs)?.catch(() => undefined);
    const mpv =
      adopted && !adopted.connection.isClosed
        ? adopted
        : await spawnMpv({
            ...this.options,
            binary,
            settingsArgs,
            extraArgs: [`--volume=${this.volume}`, `--mute=${this.muted ? 'yes' : 'no'}`, ...(this.options.extraArgs ?? [])],
          }).catch((error: unknown) => {
            throw blameUserOptions(error, settings);
          });
    const gen = ++this.generation;
    mpv.connection.onEvent((event) => this.forward(gen, event));
    void mpv.exited.then((exit) => {
      if (this.process !== mpv) return;
      this.process = undefined;
      if (!this.shuttingDown) this.emit({ type: 'crash', error: startFailure(exit) });
    });
    try {
      await Promise.all([
        ...OBSERVED_PROPERTIES.map((name, i) => mpv.connection.command('observe_property', i + 1, name)),
        ...(mpv === adopted
          ? [mpv.connection.command('set_property', 'volume', this.volume), mpv.connection.command('set_property', 'mute', this.muted)]
          : []),
      ]);
    } catch (error) {
      await mpv.stop();
      const exit = await mpv.exited;
      throw exit.code === 0 ? error : blameUserOptions(startFailure(exit), settings);
    }
    this.process = mpv;
    return mpv;
  }

  private forward(gen: number, event: MpvEvent): void {
    const entry = (id: number) => gen * GENERATION_SPAN + id;
    switch (event.event) {
      case 'start-file':
        return this.emit({ type: 'entry-start', entry: entry(event.playlist_entry_id) });
      case 'end-file': {
        const id = entry(event.playlist_entry_id);
        const error = this.refused.get(id) ?? event.file_error;
        this.refused.delete(id);
        return this.emit({ type: 'entry-end', entry: id, reason: event.reason, ...(error ? { error } : {}) });
      }
      case 'playback-restart':
      case 'seek':
      case 'idle':
        return this.emit({ type: event.event });
      case 'property-change':
        return this.forwardProperty(event.name, event.data);
      default:
        return;
    }
  }

  private forwardProperty(name: string, data: number | boolean | null | undefined): void {
    const number = typeof data === 'number' ? data : null;
    if (name === 'time-pos') this.emit({ type: 'time-pos', seconds: number });
    else if (name === 'duration') this.emit({ type: 'duration', seconds: number });
    else if (name === 'pause' && typeof data === 'boolean') this.emit({ type: 'pause', paused: data });
    else if (name === 'mute' && typeof data === 'boolean') this.emit({ type: 'mute', muted: data });
    else if (name === 'volume' && number !== null) this.emit({ type: 'volume', volume: number });
  }

  private emit(event: EngineEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** mpv that will not start while the user gave it options of their own: say where to look. */
function blameUserOptions(error: unknown, settings: MpvStartSettings): unknown {
  if (!settings.userOptions || !(error instanceof TunesError) || error.hint) return error;
  return new TunesError(error.code, error.message, `mpv may refuse one of your mpv-options (${settings.userOptions})`);
}

function toEntryId(generation: number, reply: unknown): EntryId {
  const id = (reply as { playlist_entry_id?: unknown } | null)?.playlist_entry_id;
  if (typeof id !== 'number') throw new TunesError('internal', 'mpv did not report a playlist entry id (mpv 0.33 or newer is needed)');
  return generation * GENERATION_SPAN + id;
}
