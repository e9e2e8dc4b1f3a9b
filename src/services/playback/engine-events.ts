import { TunesError } from '../../errors.js';
import type { EngineEvent, EntryId } from '../../player/audio-engine.js';
import type { PlaybackCore } from './playback-core.js';
import { summarize } from './playback-state.js';
import { stoppedByServerGone } from './stream-cutoff.js';

/**
 * How the playback core follows mpv's events: which queue entry started or ended, moving on when a
 * song ends (or skipping one that cannot be played), position, pause, volume, seeks, and a crash.
 */
export class EngineEventFollower {
  /** A seek was reported and its playback-restart (the end of the seek) not yet. */
  private seeking = false;
  /** track-start waits for the first playback-restart, so a file that fails to open never "starts". */
  private announce = false;

  constructor(private readonly core: PlaybackCore) {}

  async follow(event: EngineEvent): Promise<void> {
    const { core } = this;
    switch (event.type) {
      case 'entry-start':
        return this.onEntryStart(event.entry);
      case 'entry-end':
        return this.onEntryEnd(event.entry, event.reason, event.error);
      case 'time-pos':
        if (event.seconds === null) return;
        // mpv reports a little below zero for a moment after a seek back past the start.
        core.positionMs = Math.max(0, Math.round(event.seconds * 1000));
        core.listens.current?.position(event.seconds);
        return core.emitState();
      case 'seek':
        this.seeking = true;
        core.listens.current?.seeked();
        return;
      case 'playback-restart':
        return this.onPlaybackRestart();
      case 'duration':
        if (event.seconds !== null) core.durationMs = Math.round(event.seconds * 1000);
        core.listens.current?.duration(event.seconds);
        return;
      case 'pause':
        core.paused = event.paused;
        if (core.status === 'playing' || core.status === 'paused') core.status = core.paused ? 'paused' : 'playing';
        return core.emitState();
      case 'volume':
        core.volume = Math.round(event.volume);
        return core.emitState();
      case 'mute':
        core.muted = event.muted;
        return core.emitState();
      case 'crash':
        return this.onCrash(event.error);
      case 'idle':
        return;
    }
  }

  private onPlaybackRestart(): void {
    const { core } = this;
    const song = core.songOf(core.queue.current);
    const live = core.playingEntry !== undefined;
    if (live && core.status !== 'ended' && core.status !== 'stopped') core.status = core.paused ? 'paused' : 'playing';
    if (this.announce && song && live) {
      this.announce = false;
      core.emit({ type: 'track-start', song: summarize(song), index: core.queue.currentIndex, length: core.queue.length });
    }
    core.emit({ type: 'playback-restart' });
    if (this.seeking) {
      this.seeking = false;
      core.emit({ type: 'seeked', positionMs: core.positionMs });
    }
    core.emitState();
  }

  private async onEntryStart(entry: EntryId): Promise<void> {
    const { core } = this;
    const key = core.entryKeys.get(entry);
    if (key === undefined) return; // an entry we have since replaced
    if (core.preloaded?.entry === entry) {
      core.preloaded = undefined;
      // A handed-on entry opens at its start; until mpv's first time-pos the last one's end would show
      // (and MPRIS would say a repeat-one jump back went to 29 s).
      core.positionMs = 0;
    }
    if (!core.queue.jumpToKey(key)) return;
    const song = core.songOf(core.queue.current)!;
    core.playingEntry = entry;
    await core.listens.begin(key, song, core.queue.current!.queuedBy, core.resumingKey === key);
    core.resumingKey = undefined;
    core.durationMs = song.duration_ms;
    this.announce = true;
    // Tidy mpv's playlist down to this entry (dropping finished and stale ones), then hand it the next.
    core.forgetPreload();
    await core.engine.clearUpcoming();
    await core.syncPreload();
  }

  private async onEntryEnd(entry: EntryId, reason: string, fileError: string | undefined): Promise<void> {
    const { core } = this;
    const key = core.entryKeys.get(entry);
    if (entry === core.playingEntry && key !== undefined && (await stoppedByServerGone(core, key, reason, this.announce))) {
      this.announce = false;
      return;
    }
    core.entryKeys.delete(entry);
    if (reason === 'error') {
      const song = core.songs.get(core.queue.entries.find((e) => e.key === key)?.songId ?? -1);
      core.warn(`cannot play ${song ? `"${song.title}" (${song.path})` : 'a file'}: ${fileError ?? 'unknown error'}; skipping it`);
      core.failuresInARow += 1;
    } else if (reason === 'eof') {
      core.failuresInARow = 0;
    }
    if (entry !== core.playingEntry) {
      if (core.preloaded?.entry === entry) core.preloaded = undefined;
      return;
    }
    core.playingEntry = undefined;
    this.announce = false;
    if (reason === 'eof') core.listens.current?.reachedEnd();
    await core.endListen();
    if (reason !== 'eof' && reason !== 'error') return; // stopped or replaced by us
    if (core.failuresInARow >= Math.max(core.queue.length, 1)) {
      core.warn('nothing left in the queue could be played');
      core.failuresInARow = 0;
      core.forgetPreload();
      await core.engine.stop();
      return core.finish({ unplayable: true });
    }
    if (core.preloaded) return; // mpv moves on to it by itself
    if (!core.queue.next({ auto: true })) return core.finish();
    await core.startCurrent();
  }

  private onCrash(crash: TunesError): void {
    const { core } = this;
    const current = core.queue.current;
    core.resumeAt = current && core.status !== 'ended' ? { key: current.key, seconds: core.positionMs / 1000 } : undefined;
    core.playingEntry = undefined;
    core.preloaded = undefined;
    core.entryKeys.clear();
    core.status = 'stopped';
    core.error = `${crash.message}; playback stopped (the next command starts mpv again)`;
    core.emit({ type: 'error', error: new TunesError('io', `${crash.message}; playback stopped`) });
    core.emitState();
  }
}
