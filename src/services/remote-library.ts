import type { LocalConfig } from '../config/local-config.js';
import { resolveConfigFile } from '../config/paths.js';
import { readStoredSettingsQuickly } from '../config/settings-file.js';
import { mpvStartSettingsOf, resolveSettings } from '../config/settings.js';
import { TunesError } from '../errors.js';
import { AudioEngine } from '../player/audio-engine.js';
import { resolveMpvBinary } from '../player/mpv-binary.js';
import { takePrespawned } from '../player/prespawn.js';
import type { BrowseService } from './browse/browse-service.js';
import type { CatalogService } from './catalog/catalog-service.js';
import type { CoverService } from './covers/cover-service.js';
import { systemClock } from './clock.js';
import { createMemoryAttemptCounts } from './limits/attempt-counts.js';
import type { Services } from './container.js';
import type { HistoryService } from './history/history-service.js';
import type { LocalSession } from './auth/local-session.js';
import { createPlaySelectionService } from './playback/play-selection.js';
import { createPlaybackService } from './playback/playback-service.js';
import type { StreamSource } from './playback/stream-source.js';
import type { PlayerServices } from './player-services.js';
import type { LikeService } from './playlists/like-service.js';
import type { PlaylistService } from './playlists/playlist-service.js';
import { createSettingsService } from './settings/settings-service.js';

/**
 * A library that lives on a server (src/remote/subsonic builds one): the same service interfaces
 * as the local one, plus where mpv reads a song from (its stream URL with the credentials).
 */
export interface RemoteLibrary {
  /** The server's name, as `tunes servers` lists it. */
  name: string;
  catalog: CatalogService;
  browse: BrowseService;
  playlists: PlaylistService;
  likes: LikeService;
  history: HistoryService;
  session: LocalSession;
  /** The server's covers (getCoverArt), kept in this machine's cache folder. */
  covers: CoverService;
  /** A song's `path` (its stream URL without credentials) as mpv opens it, with the TLS options it needs. */
  locate(path: string, bitrateKbps: number): { url: string; options?: Record<string, string> };
  /** Why the server does not answer now (e.g. "connection refused"), or undefined when it does. */
  unreachable(): Promise<string | undefined>;
  close(): Promise<void>;
}

/** What the remote client does not offer yet: "not supported" (exit 6), as a server lacking an endpoint. */
function notRemotely<T extends object>(server: string, what: string): T {
  return new Proxy({} as T, {
    get: (_target, key) => (key === 'then' ? undefined : () => Promise.reject(new TunesError('dependency_missing', `${what} is not supported on a remote library (${server})`))),
  });
}

/** What is done on the server itself (library folders, scans, accounts, app keys...), refused here. */
function onTheServer<T extends object>(server: string, what: string, own: Partial<T> = {}): T {
  return new Proxy(own as T, {
    get: (target, key) =>
      key in target
        ? (target as Record<string | symbol, unknown>)[key]
        : key === 'then'
        ? undefined
        : () => Promise.reject(new TunesError('usage', `${what} happen on the server (${server}), not on this machine`, 'run it where the server runs, or: tunes server use local')),
  });
}

function streamBitrate(env: NodeJS.ProcessEnv): number {
  return resolveSettings(readStoredSettingsQuickly(env), resolveConfigFile(env))['stream-bitrate'];
}

function remoteEngine(library: RemoteLibrary, env: NodeJS.ProcessEnv): AudioEngine {
  return new AudioEngine({
    resolveBinary: () => resolveMpvBinary(env),
    audioOutput: env.TUNES_AUDIO_OUTPUT || undefined,
    startSettings: () => mpvStartSettingsOf(resolveSettings(readStoredSettingsQuickly(env), resolveConfigFile(env))),
    adopt: takePrespawned,
    // stream-bitrate is read as each song loads: a change applies from the next song.
    locate: (path) => library.locate(path, streamBitrate(env)),
  });
}

/** Every song of a remote library streams from its server. */
function streamSource(library: RemoteLibrary): StreamSource {
  return { name: library.name, streams: (path) => /^https?:\/\//.test(path), unreachable: () => library.unreachable() };
}

/** The CLI's and the UI's services on a remote library: its catalogue, playlists, likes and history; settings stay local. */
export function servicesOverRemote(library: RemoteLibrary, config: LocalConfig, env: NodeJS.ProcessEnv = process.env): Services {
  const settings = createSettingsService({ config, resolveMpv: () => resolveMpvBinary(env) });
  const playback = createPlaybackService({ engine: remoteEngine(library, env), history: library.history, clock: systemClock, streams: streamSource(library) });
  const server = (what: string) => onTheServer<never>(library.name, what);
  return {
    auth: onTheServer<Services['auth']>(library.name, 'accounts', { hasAccounts: async () => true }),
    session: library.session,
    users: server('accounts'),
    settings,
    songFiles: server('song files'),
    streamLinks: server('stream links'),
    catalog: library.catalog,
    browse: library.browse,
    folders: server('library folders'),
    covers: library.covers,
    libraryQuery: server('folder listings'),
    library: server('library folders and scans'),
    playlists: library.playlists,
    likes: library.likes,
    history: library.history,
    playback,
    playSelection: createPlaySelectionService({ catalog: library.catalog, playlists: library.playlists }),
    appKeys: server('app keys'),
    stars: server('album and artist stars'),
    albumLists: server('album lists'),
    playQueues: server('saved play queues'),
    lyrics: notRemotely(library.name, 'lyrics'),
    songStory: notRemotely(library.name, "a song's story"),
    stats: notRemotely(library.name, 'listening stats'),
    // Nothing is served from a remote library: counts in memory would do if anything asked.
    attemptCounts: createMemoryAttemptCounts(),
    // The server searches: there is nothing to move onto threads here.
    startSearchWorkers: async () => undefined,
    close: async () => {
      await playback.close();
      await library.close();
    },
  };
}

/** The background player's services on a remote library: a finished song is scrobbled to the server. */
export function playerServicesOverRemote(library: RemoteLibrary, env: NodeJS.ProcessEnv): PlayerServices {
  const playback = createPlaybackService({ engine: remoteEngine(library, env), history: library.history, clock: systemClock, streams: streamSource(library) });
  return {
    playback,
    catalog: library.catalog,
    browse: library.browse,
    covers: library.covers,
    libraryQuery: onTheServer(library.name, 'folder listings'),
    playlists: library.playlists,
    playSelection: createPlaySelectionService({ catalog: library.catalog, playlists: library.playlists }),
    lyrics: notRemotely(library.name, 'lyrics'),
    session: { currentUser: () => library.session.currentUser() },
    close: async () => {
      await playback.close();
      await library.close();
    },
  };
}
