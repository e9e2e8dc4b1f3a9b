import { readLocalState } from '../config/player-settings.js';
import { resolveCacheDir, resolveConfigFile, resolveDatabasePath } from '../config/paths.js';
import { readStoredSettingsQuickly } from '../config/settings-file.js';
import { mpvStartSettingsOf, resolveSettings } from '../config/settings.js';
import { openDatabase } from '../db/open.js';
import { AudioEngine } from '../player/audio-engine.js';
import { resolveMpvBinary } from '../player/mpv-binary.js';
import { takePrespawned } from '../player/prespawn.js';
import { createAuthService } from './auth/auth-service.js';
import { createBrowseService } from './browse/browse-service.js';
import { createCatalogService } from './catalog/catalog-service.js';
import { createCoverService } from './covers/cover-service.js';
import { createLyricsService } from './lyrics/lyrics-service.js';
import { createLibraryQueryService } from './library-query/library-query-service.js';
import { systemClock } from './clock.js';
import { createHistoryService } from './history/history-service.js';
import { createPlaySelectionService } from './playback/play-selection.js';
import { createPlaybackService } from './playback/playback-service.js';
import { createPlaylistService } from './playlists/playlist-service.js';
import type { Services } from './container.js';
import { playerLibrary, type PlayerLibrary } from './library/player-library.js';

/** What the player process needs from the services; tests pass their own. */
export type PlayerServices = Pick<Services, 'playback' | 'catalog' | 'browse' | 'covers' | 'lyrics' | 'libraryQuery' | 'playlists' | 'playSelection' | 'close'> & {
  session: Pick<Services['session'], 'currentUser'>;
  /** A local library the player keeps up to date (none for a remote one). */
  library?: PlayerLibrary;
};

/**
 * The services the player process uses, and only those: playback, the catalogue, playlists (to
 * play one) and sessions (whose history a queued song goes to). Not the whole container: the
 * player lives for hours, so what it loads is memory it holds (`conf` alone, with ajv and semver,
 * is ~400 KB of code), and the session token is read straight from config.json.
 */
export async function openPlayerServices({ dbOverride, env }: { dbOverride?: string | undefined; env: NodeJS.ProcessEnv }): Promise<PlayerServices> {
  const store = await openDatabase(resolveDatabasePath({ dbOverride, env }), { createFolder: dbOverride === undefined, fromCommandLine: dbOverride !== undefined });
  const { db } = store;
  const clock = systemClock;
  const auth = createAuthService({ db, clock });
  const catalog = createCatalogService({ db });
  const engine = new AudioEngine({
    resolveBinary: () => resolveMpvBinary(env),
    audioOutput: env.TUNES_AUDIO_OUTPUT || undefined,
    // audio-device, replaygain, mpv-options: read each time mpv starts (a setting that is not valid
    // is the error of the command that wanted sound, naming the file).
    startSettings: () => mpvStartSettingsOf(resolveSettings(readStoredSettingsQuickly(env), resolveConfigFile(env))),
    adopt: takePrespawned,
  });
  const playback = createPlaybackService({ engine, history: createHistoryService({ db }), clock });
  const playlists = createPlaylistService({ db, clock });
  // Where a first player starts: the volume the last foreground `tunes play` left in config.json.
  const { volume } = readLocalState(env);
  if (volume !== undefined) await playback.setVolume(volume);
  const currentUser = () => auth.authenticate(readLocalState(env).sessionToken);
  return {
    playback,
    catalog,
    browse: createBrowseService({ db }),
    // For MPRIS's artUrl: a cover is copied into the cache when first asked for (sharp only to resize).
    covers: createCoverService({ db, cacheDir: resolveCacheDir(env) }),
    libraryQuery: createLibraryQueryService({ db }),
    // MPRIS's xesam:asText and `tunes lyrics` with no song id.
    lyrics: createLyricsService({ db }),
    playlists,
    playSelection: createPlaySelectionService({ catalog, playlists }),
    session: { currentUser },
    library: playerLibrary({ db, songWriter: store.songWriter, clock, currentUser }),
    close: async () => {
      await playback.close();
      await store.close();
    },
  };
}
