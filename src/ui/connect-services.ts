import type { PlayerLink } from '../remote/player-link.js';
import type { Services } from '../services/container.js';
import { catalogSources } from './data/catalog-sources.js';
import { folderSources } from './data/folder-sources.js';
import { playerBridge } from './data/player-bridge.js';
import { playlistSources } from './data/playlist-sources.js';
import type { UiConnection } from './ports.js';

/** Builds the UI's view of the services from the real container and the background player. */
export function connectServices(services: Services, player: PlayerLink): UiConnection {
  return {
    account: {
      currentUser: () => services.session.currentUser(),
      login: (username, password) => services.session.login(username, password),
      register: (username, password) => services.session.register(username, password),
      hasAccounts: () => services.auth.hasAccounts(),
    },
    forUser: (user) => ({
      catalog: catalogSources(services),
      folders: folderSources(services),
      library: {
        addFolder: async (path, onProgress) => (await services.library.addRoots(user, [path], { onProgress })).scan,
      },
      playlists: playlistSources(services, user),
      player: playerBridge(player, services, user),
      details: {
        lyrics: (songId) => services.lyrics.ofSong(songId),
        story: (songId) => services.songStory.of(user.id, songId),
      },
      stats: { year: (year) => services.stats.yearInMusic(user.id, { year, limit: 10 }) },
    }),
    shutdown: async () => player.close(),
  };
}
