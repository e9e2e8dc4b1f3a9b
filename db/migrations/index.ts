import type { Migration } from 'kysely';
import * as accounts from './0001-accounts.js';
import * as library from './0002-library.js';
import * as searchIndex from './0003-search-index.js';
import * as playlistsLikes from './0004-playlists-likes.js';
import * as plays from './0005-plays.js';
import * as searchPrefixOne from './0006-search-prefix-one.js';
import * as albumsArtists from './0007-albums-artists.js';
import * as fileIdentity from './0008-file-identity.js';
import * as accountsSecrets from './0009-accounts-secrets.js';
import * as playlistNameFold from './0010-playlist-name-fold.js';
import * as subsonic from './0012-subsonic.js';
import * as lyrics from './0013-lyrics.js';
import * as discovery from './0014-discovery.js';
import * as sharedServerState from './0015-shared-server-state.js';

/**
 * Every migration, in order. A static list (not a folder read at run time) so the build and
 * bundlers see them; names sort in the order they must run.
 */
export const migrations: Record<string, Migration> = {
  '0001-accounts': accounts,
  '0002-library': library,
  '0003-search-index': searchIndex,
  '0004-playlists-likes': playlistsLikes,
  '0005-plays': plays,
  '0006-search-prefix-one': searchPrefixOne,
  '0007-albums-artists': albumsArtists,
  '0008-file-identity': fileIdentity,
  '0009-accounts-secrets': accountsSecrets,
  '0010-playlist-name-fold': playlistNameFold,
  '0012-subsonic': subsonic,
  '0013-lyrics': lyrics,
  '0014-discovery': discovery,
  '0015-shared-server-state': sharedServerState,
};
