import type { Services } from '../services/container.js';
import { pendingCatalog, pendingLibrary, pendingPlayer, pendingPlaylists } from './data/pending-services.js';
import type { UiServices } from './ports.js';

/** Builds the UI's view of the services from the real container. */
export function connectServices(services: Services): UiServices {
  return {
    account: {
      currentUser: () => services.session.currentUser(),
      login: (username, password) => services.session.login(username, password),
      register: (username, password) => services.session.register(username, password),
    },
    catalog: pendingCatalog,
    library: pendingLibrary,
    playlists: pendingPlaylists,
    player: pendingPlayer,
  };
}
