import { api, setCsrfToken, whenLoggedOut, type Playlist, type Song, type User } from './api.js';
import { player } from './player.js';
import { createStore } from './store.js';

/** Who is logged in (null: nobody; undefined: not known yet), their liked songs and playlists. */
export const session = createStore<User | null | undefined>(undefined);
export const liked = createStore<ReadonlySet<number>>(new Set());
export const playlists = createStore<Playlist[]>([]);
export const toast = createStore<string>('');

export function say(message: string): void {
  toast.set(message);
  window.setTimeout(() => toast.get() === message && toast.set(''), 4000);
}

interface SessionAnswer {
  user: User;
  csrf_token: string;
}

async function begin(answer: SessionAnswer): Promise<void> {
  setCsrfToken(answer.csrf_token);
  session.set(answer.user);
  await Promise.all([refreshLikes(), refreshPlaylists()]);
  player.restoreQueue();
}

whenLoggedOut(() => {
  player.clear();
  session.set(null);
});

export async function resume(): Promise<void> {
  try {
    await begin(await api<SessionAnswer>('GET', '/api/session'));
  } catch {
    session.set(null);
  }
}

export async function logIn(username: string, password: string): Promise<void> {
  await begin(await api<SessionAnswer>('POST', '/api/session', { username, password }));
}

/** Whether this server lets people create their own account (`tunes serve --registration`). */
export async function registrationOpen(): Promise<boolean> {
  try {
    return (await api<{ registration: string }>('GET', '/api/registration')).registration === 'open';
  } catch {
    return false;
  }
}

export async function register(username: string, password: string): Promise<void> {
  await api('POST', '/api/register', { username, password });
  await logIn(username, password);
}

export async function logOut(): Promise<void> {
  player.clear();
  await api('DELETE', '/api/session').catch(() => undefined);
  setCsrfToken('');
  session.set(null);
}

export async function refreshLikes(): Promise<void> {
  const likes = await api<Array<{ song: Song }>>('GET', '/api/me/likes');
  liked.set(new Set(likes.map((like) => like.song.id)));
}

export async function refreshPlaylists(): Promise<Playlist[]> {
  const list = await api<Playlist[]>('GET', '/api/playlists');
  playlists.set(list);
  return list;
}

export async function toggleLike(song: Song): Promise<void> {
  const isLiked = liked.get().has(song.id);
  await api(isLiked ? 'DELETE' : 'PUT', `/api/songs/${song.id}/like`);
  liked.set((set) => {
    const next = new Set(set);
    if (isLiked) next.delete(song.id);
    else next.add(song.id);
    return next;
  });
  say(isLiked ? `Removed “${song.title}” from Liked` : `Added “${song.title}” to Liked`);
}

export async function createPlaylist(name: string): Promise<Playlist> {
  const playlist = await api<Playlist>('POST', '/api/playlists', { name });
  await refreshPlaylists();
  return playlist;
}

export async function addToPlaylist(playlist: Playlist, songs: readonly Song[]): Promise<void> {
  for (const song of songs) await api('POST', `/api/playlists/${playlist.id}/songs`, { song_id: song.id });
  await refreshPlaylists();
  say(songs.length === 1 ? `Added “${songs[0]!.title}” to ${playlist.name}` : `Added ${songs.length} songs to ${playlist.name}`);
}
