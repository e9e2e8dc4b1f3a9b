import { dirname, join } from 'node:path';
import { resolveCacheDir, resolveConfigFile } from '../../config/paths.js';
import type { RemoteServer } from '../../config/remote-servers.js';
import type { User } from '../../domain/user.js';
import { TunesError } from '../../errors.js';
import type { LocalSession } from '../../services/auth/local-session.js';
import { listenThresholdMs, type HistoryService } from '../../services/history/history-service.js';
import type { RemoteLibrary } from '../../services/remote-library.js';
import { SubsonicClient } from './client.js';
import { createRemoteBrowse } from './remote-browse.js';
import { createRemoteCatalog } from './remote-catalog.js';
import { createRemoteCovers } from './remote-covers.js';
import type { RemoteLibraryContext } from './remote-context.js';
import { RemoteIds } from './remote-ids.js';
import { tunesHistory } from './tunes-api.js';
import { createRemoteLikes } from './remote-likes.js';
import { createRemotePlaylists } from './remote-playlists.js';

/** The one account a remote library is used as (Subsonic users have no number: this stands for it). */
export const REMOTE_USER_ID = 1;

/** A remote library over one Subsonic client: what servicesOverRemote / playerServicesOverRemote take. */
export function openRemoteLibrary(server: RemoteServer, env: NodeJS.ProcessEnv = process.env): RemoteLibrary {
  const client = new SubsonicClient(server, env);
  const ids = new RemoteIds(join(dirname(resolveConfigFile(env)), 'remote', `${safeName(server.name)}-ids.json`));
  const streamBase = client.endpointUrl('stream');
  const streamPath = (id: string) => `${streamBase.origin}${streamBase.pathname}?id=${encodeURIComponent(id)}`;
  const context: RemoteLibraryContext = { client, ids, shapes: { ids, streamPath }, serverType: server.server_type };
  const likes = createRemoteLikes(context);
  let user: Promise<User> | undefined;
  const currentUser = () =>
    (user ??= client.call('getUser', { username: server.username }).then((body) => userOf(body['user'], server)));
  const session: LocalSession = {
    register: () => Promise.reject(new TunesError('usage', `accounts are made on the server (${server.name})`)),
    login: () => Promise.reject(new TunesError('usage', `this machine uses the library on ${server.name}; log in to a server with its URL`)),
    logout: async () => ({ wasLoggedIn: true }),
    currentUser,
    storedUser: () => currentUser().catch(() => undefined),
    changePassword: () => Promise.reject(new TunesError('usage', `passwords are changed on the server (${server.name})`)),
    logoutEverywhere: () => Promise.reject(new TunesError('usage', `sessions are ended on the server (${server.name})`)),
  };
  const history: HistoryService = {
    async recordListen({ songId, startedAt, msPlayed, durationMs }) {
      const ms = Math.round(msPlayed);
      if (ms < listenThresholdMs(durationMs)) return undefined;
      await client.call('scrobble', { id: ids.idOf('song', songId), time: startedAt.getTime(), submission: true });
      ids.save();
      return { id: 0, user_id: REMOTE_USER_ID, song_id: songId, started_at: startedAt.toISOString(), ms_played: ms };
    },
    recent: (_userId, { limit = 20 } = {}) => tunesHistory(client, server, context.shapes, limit),
  };
  return {
    name: server.name,
    catalog: createRemoteCatalog(context),
    browse: createRemoteBrowse(context),
    playlists: createRemotePlaylists(context, likes),
    likes,
    history,
    session,
    covers: createRemoteCovers(context, join(resolveCacheDir(env), 'remote-covers', safeName(server.name))),
    locate(path, bitrateKbps) {
      const id = new URL(path).searchParams.get('id') ?? '';
      const url = client.endpointUrl('stream', { id, ...(bitrateKbps > 0 ? { maxBitRate: bitrateKbps } : {}) });
      // mpv does not check certificates unless told: as strict as the client, trusting --ca's file too.
      const tls = url.protocol === 'https:' ? { 'tls-verify': 'yes', ...(server.ca ? { 'tls-ca-file': server.ca } : {}) } : undefined;
      return { url: url.toString(), ...(tls ? { options: tls } : {}) };
    },
    async unreachable() {
      try {
        await client.call('ping', {}, { timeoutMs: 5000 });
        return undefined;
      } catch (error) {
        // Refused credentials come from a server that is there; only the network's failures mean gone.
        if (!(error instanceof TunesError) || error.code !== 'io') return undefined;
        return /^cannot reach .*\): (.+)$/.exec(error.message)?.[1] ?? 'it does not answer as a Subsonic server';
      }
    },
    close: async () => {
      ids.save();
      client.close();
    },
  };
}

function userOf(body: Record<string, unknown> | undefined, server: RemoteServer): User {
  return {
    id: REMOTE_USER_ID,
    username: typeof body?.['username'] === 'string' ? body['username'] : server.username,
    role: body?.['adminRole'] === true || body?.['adminRole'] === 'true' ? 'admin' : 'user',
    created_at: new Date(0).toISOString(),
  };
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_');
}
