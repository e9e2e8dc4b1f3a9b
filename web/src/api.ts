/** The public HTTP API, as the web player uses it: the session cookie plus the CSRF token on writes. */

export interface Song {
  id: number;
  title: string;
  artist: string | null;
  artist_id: number | null;
  album: string | null;
  album_id: number | null;
  album_artist: string | null;
  genre: string | null;
  year: number | null;
  track_no: number | null;
  disc_no: number | null;
  duration_ms: number | null;
  available: boolean;
  stream_url: string | null;
}

export interface Album {
  id: number;
  title: string;
  artist: string | null;
  artist_id: number | null;
  year: number | null;
  song_count: number;
  duration_ms: number | null;
  has_cover: boolean;
}

export interface Artist {
  id: number;
  name: string;
  album_count: number;
  song_count: number;
}

export interface Playlist {
  id: number;
  name: string;
  description: string | null;
  song_count: number;
  duration_ms: number | null;
  /** A smart playlist's rules (its songs are whatever matches, worked out when read); null: songs chosen by hand. */
  rules: string | null;
  rules_sort: string | null;
  rules_limit: number | null;
  /** The built-in smart playlists every user has (recently-added, ...); null for one's own. */
  built_in: string | null;
}

export const isSmart = (playlist: Playlist) => playlist.rules !== null;

export interface PlaylistEntry {
  position: number;
  song: Song;
}

export interface User {
  id: number;
  username: string;
  role: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = '';
let onLoggedOut: () => void = () => {};

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when the server answers 401: the session ended (logged out elsewhere, expired). */
export function whenLoggedOut(handler: () => void): void {
  onLoggedOut = handler;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, { method, headers, credentials: 'same-origin', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/api/session')) onLoggedOut();
    throw new ApiError(response.status, data?.error?.code ?? 'error', data?.error?.message ?? response.statusText);
  }
  return data as T;
}

export const coverOfSong = (id: number, size = 300) => `/api/songs/${id}/cover?size=${size}`;
export const coverOfAlbum = (id: number, size = 300) => `/api/albums/${id}/cover?size=${size}`;

/** `1 song`, `3 songs`. */
export const counted = (n: number, noun: string) => `${n.toLocaleString()} ${n === 1 ? noun : `${noun}s`}`;

export function clock(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '--:--';
  const seconds = Math.floor(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
