import { openLocalConfig, type LocalConfig } from '../config/local-config.js';
import { resolveCacheDir, resolveDatabasePath } from '../config/paths.js';
import { openDatabase, type Store } from '../db/open.js';
import { createAuthService, type AuthService } from './auth/auth-service.js';
import { createLocalSession, type LocalSession } from './auth/local-session.js';
import { createUserAdminService, type UserAdminService } from './auth/user-admin.js';
import { createSettingsService, type SettingsService } from './settings/settings-service.js';
import { createBrowseService, type BrowseService } from './browse/browse-service.js';
import { createCatalogService, type CatalogService } from './catalog/catalog-service.js';
import { createFolderService, type FolderService } from './folders/folder-service.js';
import { createCoverService, type CoverService } from './covers/cover-service.js';
import { createLibraryQueryService, type LibraryQueryService } from './library-query/library-query-service.js';
import { systemClock, type Clock } from './clock.js';
import { AudioEngine } from '../player/audio-engine.js';
import { resolveMpvBinary } from '../player/mpv-binary.js';
import { takePrespawned } from '../player/prespawn.js';
import { createStatsService, type StatsService } from './stats/stats-service.js';
import { createHistoryService, type HistoryService } from './history/history-service.js';
import { createPlaybackService, type PlaybackService } from './playback/playback-service.js';
import { createPlaySelectionService, type PlaySelectionService } from './playback/play-selection.js';
import { createSongFileService, type SongFileService } from './media/song-file-service.js';
import { createStreamLinkService, type StreamLinkService } from './media/stream-links.js';
import { createLibraryService, type LibraryService } from './library/library-service.js';
import { createLikeService, type LikeService } from './playlists/like-service.js';
import { createPlaylistService, type PlaylistService } from './playlists/playlist-service.js';
import { loadOrCreateServerKey, resolveServerKeyFile } from '../config/server-key-file.js';
import { createAppKeyService, type AppKeyService } from './app-keys/app-key-service.js';
import { createAlbumListService, type AlbumListService } from './browse/album-lists.js';
import { createPlayQueueService, type PlayQueueService } from './play-queue/play-queue-service.js';
import { createStarService, type StarService } from './stars/star-service.js';
import { createLyricsService, type LyricsService } from './lyrics/lyrics-service.js';
import { createSongStoryService, type SongStoryService } from './song-story/song-story-service.js';
import type { AttemptCounts } from './limits/attempt-counts.js';
import { createDatabaseAttemptCounts } from './limits/database-attempt-counts.js';
import { routeSearches } from './search-workers/routed-search.js';
import { SEARCH_WORKER_CACHE_KIB } from './search-workers/search-pool.js';

/** Everything an edge (CLI, UI, server) may call. Edges never reach past this into db/player/config. */
export interface Services {
  auth: AuthService;
  session: LocalSession;
  /** Accounts as admins manage them. */
  users: UserAdminService;
  /** `tunes config` settings (this machine's local config). */
  settings: SettingsService;
  songFiles: SongFileService;
  /** Signed, expiring stream links for one song and one user (the server's `stream_url`). */
  streamLinks: StreamLinkService;
  catalog: CatalogService;
  browse: BrowseService;
  /** The library as folders on the disk. */
  folders: FolderService;
  /** Album and song covers as files, resized on demand. */
  covers: CoverService;
  /** Tag and folder lookups as music-daemon clients make them (the MPD bridge). */
  libraryQuery: LibraryQueryService;
  library: LibraryService;
  playlists: PlaylistService;
  likes: LikeService;
  history: HistoryService;
  /** Only the player process plays (src/daemon); mpv starts on its first playback command. */
  playback: PlaybackService;
  /** What `tunes play` queues. */
  playSelection: PlaySelectionService;
  /** Subsonic clients' passwords (issue 14), sealed under the server key file. */
  appKeys: AppKeyService;
  /** Song stars (= likes), album and artist stars. */
  stars: StarService;
  /** Random, recently played, by genre... lists of albums and songs. */
  albumLists: AlbumListService;
  stats: StatsService;
  /** Each user's saved play queue and what their clients play now (Subsonic's, in the database). */
  playQueues: PlayQueueService;
  /** Songs' lyrics as the scan read them (issue 17). */
  lyrics: LyricsService;
  /** One song's whole story for a user (the UI's info pane). */
  songStory: SongStoryService;
  /** The login and registration limiters' counts, in the database so servers sharing it share them. */
  attemptCounts: AttemptCounts;
  /**
   * Moves searches and listings onto `count` threads, each with its own read-only connection, so a
   * heavy search never holds up other requests (`tunes serve`). SQLite files only: PostgreSQL's pool
   * runs queries side by side already. Stopped by close().
   */
  startSearchWorkers(count: number): Promise<void>;
  close(): Promise<void>;
}

export interface OpenServicesOptions {
  dbPath?: string | undefined;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
}

export async function openServices({ dbPath, env = process.env, clock = systemClock }: OpenServicesOptions = {}): Promise<Services> {
  const store = await openDatabase(resolveDatabasePath({ dbOverride: dbPath, env }), { createFolder: dbPath === undefined, fromCommandLine: dbPath !== undefined });
  return buildServices(store, openLocalConfig(env), clock, env);
}

export function buildServices(store: Store, config: LocalConfig, clock: Clock, env: NodeJS.ProcessEnv = process.env): Services {
  const { db } = store;
  const auth = createAuthService({ db, clock });
  const searches = routeSearches({ catalog: createCatalogService({ db }), albumLists: createAlbumListService({ db }), browse: createBrowseService({ db }) });
  const { catalog } = searches;
  const playlists = createPlaylistService({ db, clock });
  const history = createHistoryService({ db });
  const settings = createSettingsService({ config, resolveMpv: () => resolveMpvBinary(env) });
  const engine = new AudioEngine({
    resolveBinary: () => resolveMpvBinary(env),
    audioOutput: env.TUNES_AUDIO_OUTPUT || undefined,
    startSettings: () => settings.mpvStartSettings(),
    adopt: takePrespawned,
  });
  const playback = createPlaybackService({ engine, history, clock });
  rememberVolume(playback, config);
  const likes = createLikeService({ db, clock });
  let serverKey: Buffer | undefined;
  return {
    auth,
    session: createLocalSession({ auth, config }),
    users: createUserAdminService({ db, auth }),
    settings,
    catalog,
    browse: searches.browse,
    folders: createFolderService({ db }),
    covers: createCoverService({ db, cacheDir: resolveCacheDir(env) }),
    libraryQuery: createLibraryQueryService({ db }),
    songFiles: createSongFileService({ catalog }),
    streamLinks: createStreamLinkService({ db, clock }),
    library: createLibraryService({ db, songWriter: store.songWriter, clock }),
    playlists,
    likes,
    history,
    playback,
    playSelection: createPlaySelectionService({ catalog, playlists }),
    appKeys: createAppKeyService({ db, clock, serverKey: () => (serverKey ??= loadOrCreateServerKey(resolveServerKeyFile(env))) }),
    stars: createStarService({ db, clock, likes }),
    albumLists: searches.albumLists,
    stats: createStatsService({ db, clock }),
    playQueues: createPlayQueueService({ db, clock }),
    lyrics: createLyricsService({ db }),
    songStory: createSongStoryService({ db }),
    attemptCounts: createDatabaseAttemptCounts({ db }),
    startSearchWorkers: async (count) => {
      if (store.dialect === 'sqlite' && store.path !== ':memory:') await searches.start({ path: store.path, size: count, cacheKib: SEARCH_WORKER_CACHE_KIB });
    },
    close: async () => {
      await searches.stop();
      await playback.close();
      await store.close();
    },
  };
}

/**
 * The volume the last foreground `tunes play` left in config.json (before the background player,
 * which keeps it with its saved queue): where a first player starts.
 */
function rememberVolume(playback: PlaybackService, config: LocalConfig): void {
  const saved = config.get('volume');
  if (saved !== undefined) void playback.setVolume(saved).catch(() => undefined);
}
