import type { User } from '../../domain/user.js';
import type { PlaylistSummary } from '../../domain/playlist.js';
import type { Services } from '../../services/container.js';
import type { PlaylistItem, UiPlaylists } from '../ports.js';
import { arraySource } from './array-source.js';
import { toSongItem } from './song-item.js';

const toItem = (p: PlaylistSummary): PlaylistItem => ({ id: p.id, name: p.name, songCount: p.song_count, smart: p.rules !== null });

/** The sidebar shows the built-in smart playlists first, as fixed entries (iTunes' way), then the user's own as they grow. */
const builtInsFirst = (list: PlaylistSummary[]) => [...list.filter((p) => p.built_in !== null), ...list.filter((p) => p.built_in === null)];

let sources = 0;

/** Playlists and likes of one user; playlists are named to the service by id, which renames do not change. */
export function playlistSources(services: Services, user: User): UiPlaylists {
  const { playlists, likes } = services;
  return {
    list: async () => builtInsFirst(await playlists.list(user.id)).map(toItem),
    songs: (playlist) =>
      arraySource(`playlist:${playlist.id}#${(sources += 1)}`, async () =>
        (await playlists.show(user.id, { id: playlist.id })).entries.map((entry) => toSongItem(entry.song)),
      ),
    create: async (name) => toItem(await playlists.create(user.id, name)),
    rename: async (playlist, name) => void (await playlists.rename(user.id, { id: playlist.id }, name)),
    remove: async (playlist) => void (await playlists.delete(user.id, { id: playlist.id })),
    addSongs: async (playlist, songIds) => void (await playlists.addSongs(user.id, { id: playlist.id }, songIds)),
    removeAt: async (playlist, position) => void (await playlists.removePositions(user.id, { id: playlist.id }, [position])),
    move: async (playlist, from, to) => void (await playlists.move(user.id, { id: playlist.id }, from, to)),
    liked: () => arraySource(`liked#${(sources += 1)}`, async () => (await likes.list(user.id)).map((entry) => toSongItem(entry.song))),
    async toggleLike(songId) {
      const liked = await likes.likedAmong(user.id, [songId]);
      if (liked.has(songId)) {
        await likes.unlike(user.id, [songId]);
        return false;
      }
      await likes.like(user.id, [songId]);
      return true;
    },
  };
}
