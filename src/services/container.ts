import { openLocalConfig, type LocalConfig } from '../config/local-config.js';
import { resolveDatabasePath } from '../config/paths.js';
import { openStore, type Store } from '../db/open.js';
import { createAuthService, type AuthService } from './auth/auth-service.js';
import { createLocalSession, type LocalSession } from './auth/local-session.js';
import { createBrowseService, type BrowseService } from './browse/browse-service.js';
import { createCatalogService, type CatalogService } from './catalog/catalog-service.js';
import { systemClock, type Clock } from './clock.js';
import { createLibraryService, type LibraryService } from './library/library-service.js';
import { createLikeService, type LikeService } from './playlists/like-service.js';
import { createPlaylistService, type PlaylistService } from './playlists/playlist-service.js';

/** Everything an edge (CLI, UI, server) may call. Edges never reach past this into db/player/config. */
export interface Services {
  auth: AuthService;
  session: LocalSession;
  catalog: CatalogService;
  browse: BrowseService;
  library: LibraryService;
  playlists: PlaylistService;
  likes: LikeService;
  close(): Promise<void>;
}

export interface OpenServicesOptions {
  dbPath?: string | undefined;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
}

export async function openServices({ dbPath, env = process.env, clock = systemClock }: OpenServicesOptions = {}): Promise<Services> {
  const store = await openStore(resolveDatabasePath({ dbOverride: dbPath, env }));
  return buildServices(store, openLocalConfig(env), clock);
}

export function buildServices(store: Store, config: LocalConfig, clock: Clock): Services {
  const { db } = store;
  const auth = createAuthService({ db, clock });
  return {
    auth,
    session: createLocalSession({ auth, config }),
    catalog: createCatalogService({ db }),
    browse: createBrowseService({ db }),
    library: createLibraryService({ db, sqlite: store.sqlite, clock }),
    playlists: createPlaylistService({ db, clock }),
    likes: createLikeService({ db, clock }),
    close: () => store.close(),
  };
}
