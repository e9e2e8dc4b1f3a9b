import type { PlayerPaths } from '../config/player-paths.js';
import type { PlayerSettings } from '../config/player-settings.js';
import { isTunesError } from '../errors.js';
import type { PlayerServices } from '../services/player-services.js';
import { createPlayerHost, type PlayerHost } from '../services/playback/player-host.js';
import type { PlaybackState } from '../services/playback/playback-state.js';
import { keepSongs } from '../services/playback/saved-playback.js';
import type { PlayerBridge, RunningBridge } from './bridges/bridge.js';
import { startBridges } from './bridges/index.js';
import { IdleTimer } from './idle-timer.js';
import { libraryUpkeep } from './library-upkeep.js';
import { servePlayerSocket } from './socket-server.js';
import { readStateFile, StateSaver } from './state-file.js';


export interface PlayerDaemonOptions {
  services: PlayerServices;
  paths: Pick<PlayerPaths, 'socket' | 'stateFile'>;
  settings: PlayerSettings;
  env: NodeJS.ProcessEnv;
  log(message: string): void;
  bridges?: readonly PlayerBridge[];
}

export interface PlayerDaemon {
  host: PlayerHost;
  /** Settles once the player has shut down (asked to quit, idle, or a signal). */
  readonly closed: Promise<void>;
  /** Saves the state, stops mpv, closes the socket, the bridges and the database. */
  shutdown(why: string): Promise<void>;
}

/**
 * The background player: the saved queue brought back, the host (dispatcher, state, events) on a
 * socket and in the bridges, the state saved as it changes, and an end after a while idle.
 */
export async function startPlayerDaemon({ services, paths, settings, env, log, bridges }: PlayerDaemonOptions): Promise<PlayerDaemon> {
  const { playback, catalog } = services;
  const saved = readStateFile(paths.stateFile, log);
  if (saved) {
    const songs = await catalog.getSongs([...new Set(saved.queue.entries.map((e) => e.songId))]);
    await playback.restore(keepSongs(saved, new Set(songs.map((s) => s.id))), songs);
  }

  let shuttingDown: Promise<void> | undefined;
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const shutdown = (why: string) => (shuttingDown ??= stopEverything(why));

  const host = createPlayerHost({
    playback,
    catalog,
    browse: services.browse,
    covers: services.covers,
    lyrics: services.lyrics,
    libraryQuery: services.libraryQuery,
    playlists: services.playlists,
    selection: services.playSelection,
    currentUser: async () => {
      try {
        return (await services.session.currentUser()).id;
      } catch (error) {
        if (isTunesError(error) && (error.code === 'not_logged_in' || error.code === 'auth_failed')) return null;
        throw error;
      }
    },
    requireUser: async () => (await services.session.currentUser()).id,
    // After the reply to `player quit` has gone out.
    onQuit: () => void setImmediate(() => void shutdown('asked to quit')),
  });

  const saver = new StateSaver(paths.stateFile, () => playback.saved(), log);
  let durable = playback.state();
  const server = await servePlayerSocket(host, paths.socket);
  // A player MPD clients reach stays up, as mpd does: they cannot start it (tunes install-service can).
  const idle = new IdleTimer(settings.mpdListen === '' ? settings.idleTimeoutSeconds * 1000 : 0, () => void shutdown('idle'));
  // MPD clients (ncmpcpp left open, a status bar's mpd module) count as attached, as the UI does.
  let bridgeClients = 0;
  const updateIdle = () => idle.update(server.attached > 0 || bridgeClients > 0 || isPlaying(durable));
  const attach = () => {
    bridgeClients += 1;
    updateIdle();
    let attached = true;
    return () => {
      if (!attached) return;
      attached = false;
      bridgeClients -= 1;
      updateIdle();
    };
  };
  server.onAttachedChange(updateIdle);
  // Runs for every position mpv reports (a dozen times a second while playing): kept cheap.
  playback.subscribe((event) => {
    if (event.type === 'queue') return saver.changed('now');
    if (event.type !== 'state') return;
    if (!durablyDifferent(durable, event.state)) return saver.changed('position');
    const wasPlaying = isPlaying(durable);
    durable = event.state;
    saver.changed('now');
    if (isPlaying(durable) !== wasPlaying) updateIdle();
  });
  updateIdle();
  const library = libraryUpkeep(services.library, { watch: settings.watch, log });
  const running: RunningBridge[] = await startBridges(host, { settings, env, log, attach, library }, bridges);
  // Not awaited: the player answers while the watch sets up and runs its first full check.
  void library.start();

  async function stopEverything(why: string): Promise<void> {
    log(`player: ending (${why})`);
    idle.clear();
    host.announceQuit();
    try {
      server.stopAccepting();
      await Promise.allSettled(running.map((bridge) => bridge.stop()));
      await library.stop();
      await saver.flush();
      await services.close();
      // Last: a client that sees its connection close knows mpv and the database are closed too.
      await server.close();
    } finally {
      markClosed();
    }
  }

  log(`player: serving ${paths.socket}`);
  return { host, closed, shutdown };
}

const isPlaying = (state: PlaybackState) => state.status === 'playing' || state.status === 'loading';

/** What must be saved at once when it changes: everything but a position moving on. */
function durablyDifferent(a: PlaybackState, b: PlaybackState): boolean {
  return (
    isPlaying(a) !== isPlaying(b) ||
    (!isPlaying(a) && a.status !== b.status) ||
    a.index !== b.index ||
    a.length !== b.length ||
    a.queueVersion !== b.queueVersion ||
    a.shuffle !== b.shuffle ||
    a.repeat !== b.repeat ||
    a.volume !== b.volume ||
    a.muted !== b.muted
  );
}
