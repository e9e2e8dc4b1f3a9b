import type { RemoteServer } from '../../config/remote-servers.js';
import type { HistoryEntry } from '../../domain/history.js';
import type { Song } from '../../domain/song.js';
import { TunesError } from '../../errors.js';
import { SubsonicClient, unsupported } from './client.js';
import type { ShapeContext } from './read-shapes.js';

/**
 * What a tunes server offers beyond Subsonic, over its own /api with the app key this machine holds
 * as the bearer (GET /api/me/history, DELETE /api/me/apikey). Other servers have no such thing.
 */
export function tunesAppKeyOf(server: RemoteServer): string | undefined {
  if (server.server_type !== 'tunes') return undefined;
  const { credential } = server;
  return credential.kind === 'apikey' || credential.kind === 'key-token' ? credential.key : undefined;
}

/** The caller's listening history on a tunes server, newest first. */
export async function tunesHistory(client: SubsonicClient, server: RemoteServer, shapes: ShapeContext, limit: number): Promise<HistoryEntry[]> {
  const key = tunesAppKeyOf(server);
  if (key === undefined) throw unsupported(server.name, 'listening history');
  const { status, json } = await client.requestJson('GET', `api/me/history?limit=${Math.min(Math.max(limit, 1), 500)}`, undefined, key);
  // 401 from a tunes server older than app-key bearers on this route: it has no history for us.
  if (status === 404 || status === 401) throw unsupported(server.name, 'listening history');
  if (status === 403) throw new TunesError('forbidden', `${server.name} refused to show the listening history`);
  if (status !== 200 || !Array.isArray(json)) throw new TunesError('io', `${server.name} answered the listening history with HTTP ${status}`);
  return json.map((entry: ApiPlay) => ({ id: entry.id, started_at: entry.started_at, ms_played: entry.ms_played, song: songOfApi(entry.song, shapes) }));
}

/**
 * Ends the app key `tunes login` made on a tunes server (one the user gave is theirs to keep):
 * 'revoked', 'none' (nothing of ours to end), or throws why it could not (the server is away...).
 */
export async function revokeOwnAppKey(server: RemoteServer, env: NodeJS.ProcessEnv = process.env): Promise<'revoked' | 'none'> {
  const key = tunesAppKeyOf(server);
  if (key === undefined || server.own_key !== true) return 'none';
  const client = new SubsonicClient(server, env);
  try {
    const { status } = await client.requestJson('DELETE', 'api/me/apikey', undefined, key);
    // 401: the key no longer opens anything (revoked there already): nothing is left to end.
    if (status === 200 || status === 401) return 'revoked';
    throw new TunesError('io', `${server.name} answered HTTP ${status}`);
  } finally {
    client.close();
  }
}

interface ApiPlay {
  id: number;
  started_at: string;
  ms_played: number;
  song: ApiSong;
}

type ApiSong = Omit<Song, 'path' | 'mtime_ms' | 'missing_since'> & { available?: boolean; stream_url?: string | null };

const EPOCH = new Date(0).toISOString();

/** The HTTP API's song object (src/server/api/present/song.ts) as the domain's, streamed like any remote song. */
function songOfApi(song: ApiSong, shapes: ShapeContext): Song {
  const { available, stream_url: _signedLink, ...fields } = song;
  return { ...fields, path: shapes.streamPath(String(song.id)), mtime_ms: 0, missing_since: available === false ? EPOCH : null };
}
