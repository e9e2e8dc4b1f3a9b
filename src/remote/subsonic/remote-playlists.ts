import type { PlaylistDetail, PlaylistEntry, PlaylistSummary } from '../../domain/playlist.js';
import type { Song } from '../../domain/song.js';
import { TunesError } from '../../errors.js';
import { exportPlaylist } from '../../services/playlists/playlist-export.js';
import type { PlaylistService } from '../../services/playlists/playlist-service.js';
import type { PlaylistRef, SongSource } from '../../services/playlists/playlist-types.js';
import { validatePlaylistName } from '../../services/playlists/playlist-rules.js';
import { unsupported, type SubsonicBody } from './client.js';
import type { RemoteLibraryContext } from './remote-context.js';
import { listOf, playlistOf, songOf } from './read-shapes.js';
import { importRemotePlaylist } from './remote-playlist-import.js';
import type { RemoteLikes } from './remote-likes.js';

/**
 * The user's playlists on a remote library. Subsonic edits a playlist by appending songs and
 * removing indexes (updatePlaylist); an insert or a move rewrites the song list in one call
 * (createPlaylist with the playlist's id replaces its songs).
 */
export function createRemotePlaylists(context: RemoteLibraryContext, likes: RemoteLikes): PlaylistService {
  const { client, ids, shapes } = context;
  const username = client.target.username.toLowerCase();

  async function mine(userId: number): Promise<PlaylistSummary[]> {
    const body = await client.call('getPlaylists');
    return listOf(body['playlists']?.['playlist'])
      .filter((p) => p['owner'] === undefined || String(p['owner']).toLowerCase() === username)
      .map((p) => playlistOf(p, ids, userId))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async function find(userId: number, ref: PlaylistRef): Promise<PlaylistSummary> {
    const all = await mine(userId);
    const found =
      typeof ref === 'object'
        ? all.find((p) => p.id === ref.id)
        : (all.find((p) => p.name === ref) ?? all.find((p) => p.name.toLowerCase() === ref.trim().toLowerCase()) ?? (/^\d+$/.test(ref) ? all.find((p) => p.id === Number(ref)) : undefined));
    if (!found) throw new TunesError('not_found', `no playlist ${typeof ref === 'object' ? `with id ${ref.id}` : `"${ref}"`}`);
    return found;
  }

  async function detail(userId: number, ref: PlaylistRef): Promise<{ summary: PlaylistSummary; body: SubsonicBody; songs: Song[] }> {
    const summary = await find(userId, ref);
    const body = (await client.call('getPlaylist', { id: ids.idOf('playlist', summary.id) }))['playlist'] as SubsonicBody;
    const fresh = playlistOf(body, ids, userId);
    return { summary: fresh, body, songs: listOf(body['entry']).map((s) => songOf(s, shapes)) };
  }

  const entryOf = (summary: PlaylistSummary, song: Song, index: number): PlaylistEntry => ({
    playlist_id: summary.id,
    position: index + 1,
    added_at: summary.updated_at,
    available: true,
    song,
  });

  const remoteSongIds = (songIds: readonly number[]) => songIds.map((id) => ids.idOf('song', id));

  async function rewrite(summary: PlaylistSummary, songIds: number[]): Promise<void> {
    await client.call('createPlaylist', { playlistId: ids.idOf('playlist', summary.id), songId: remoteSongIds(songIds) });
  }

  const service: PlaylistService = {
    async create(userId, rawName, options = {}) {
      if (options.rules !== undefined) throw unsupported(client.target.name, 'smart playlists');
      const name = validatePlaylistName(rawName);
      if ((await mine(userId)).some((p) => p.name.toLowerCase() === name.toLowerCase())) {
        throw new TunesError('conflict', `you already have a playlist named "${name}"`);
      }
      await client.call('createPlaylist', { name });
      const made = await find(userId, name);
      if (options.description) return service.update(userId, { id: made.id }, { description: options.description });
      return made;
    },
    list: (userId) => mine(userId),
    get: (userId, ref) => find(userId, ref),
    async show(userId, ref): Promise<PlaylistDetail> {
      const { summary, songs } = await detail(userId, ref);
      return { playlist: summary, entries: songs.map((song, i) => entryOf(summary, song, i)) };
    },
    async addSongs(userId, ref, songIds, options = {}) {
      const { summary, songs } = await detail(userId, ref);
      const at = options.at ?? songs.length + 1;
      if (at < 1 || at > songs.length + 1) throw new TunesError('invalid_input', `position must be 1-${songs.length + 1}`);
      if (at === songs.length + 1) {
        await client.call('updatePlaylist', { playlistId: ids.idOf('playlist', summary.id), songIdToAdd: remoteSongIds(songIds) });
      } else {
        const order = songs.map((s) => s.id);
        order.splice(at - 1, 0, ...songIds);
        await rewrite(summary, order);
      }
      const present = new Set(songs.map((s) => s.id));
      return {
        playlist: await find(userId, { id: summary.id }),
        added: songIds.map((song_id, i) => ({ position: at + i, song_id })),
        already_present: songIds.filter((id) => present.has(id)),
      };
    },
    async removePositions(userId, ref, positions) {
      const { summary, songs } = await detail(userId, ref);
      const bad = positions.find((p) => p < 1 || p > songs.length);
      if (bad !== undefined) throw new TunesError('not_found', `playlist "${summary.name}" has no position ${bad}`);
      const unique = [...new Set(positions)];
      await client.call('updatePlaylist', { playlistId: ids.idOf('playlist', summary.id), songIndexToRemove: unique.map((p) => p - 1) });
      return { playlist: await find(userId, { id: summary.id }), removed: unique.map((p) => entryOf(summary, songs[p - 1]!, p - 1)) };
    },
    async move(userId, ref, from, to) {
      const { summary, songs } = await detail(userId, ref);
      for (const p of [from, to]) if (p < 1 || p > songs.length) throw new TunesError('not_found', `playlist "${summary.name}" has no position ${p}`);
      const order = songs.map((s) => s.id);
      const [moved] = order.splice(from - 1, 1);
      order.splice(to - 1, 0, moved!);
      await rewrite(summary, order);
      return { playlist: await find(userId, { id: summary.id }), entry: entryOf(summary, songs[from - 1]!, to - 1) };
    },
    setRules: () => Promise.reject(unsupported(client.target.name, 'smart playlists')),
    rename: (userId, ref, newName) => service.update(userId, ref, { name: newName }),
    async update(userId, ref, changes) {
      const summary = await find(userId, ref);
      const name = changes.name === undefined ? undefined : validatePlaylistName(changes.name);
      if (name !== undefined && name.toLowerCase() !== summary.name.toLowerCase() && (await mine(userId)).some((p) => p.name.toLowerCase() === name.toLowerCase())) {
        throw new TunesError('conflict', `you already have a playlist named "${name}"`);
      }
      const comment = changes.description === undefined ? undefined : (changes.description ?? '').trim();
      await client.call('updatePlaylist', { playlistId: ids.idOf('playlist', summary.id), name, comment });
      return find(userId, { id: summary.id });
    },
    async delete(userId, ref) {
      const summary = await find(userId, ref);
      await client.call('deletePlaylist', { id: ids.idOf('playlist', summary.id) });
      return summary;
    },
    async songsOf(userId, source: SongSource) {
      if (source.kind === 'liked') return { name: 'Liked songs', playlistId: null, songs: (await likes.list(userId)).map((l) => l.song) };
      const { summary, songs } = await detail(userId, source.ref);
      return { name: summary.name, playlistId: summary.id, songs };
    },
    async export(userId, from, format) {
      const source: SongSource = typeof from === 'object' && 'kind' in from ? from : { kind: 'playlist', ref: from };
      const { name, songs, playlistId } = await service.songsOf(userId, source);
      const description = playlistId === null ? null : (await find(userId, { id: playlistId })).description;
      return { name, song_count: songs.length, text: exportPlaylist(format, { name, description, songs }) };
    },
    import: (userId, input) => importRemotePlaylist(context, service, userId, input),
  };
  return service;
}
