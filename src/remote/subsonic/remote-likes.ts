import type { LikedSong } from '../../domain/like.js';
import type { LikeService } from '../../services/playlists/like-service.js';
import type { RemoteLibraryContext } from './remote-context.js';
import { listOf, songOf } from './read-shapes.js';

export type RemoteLikes = LikeService;

/** Likes on a remote library are its starred songs (star, unstar, getStarred2). */
export function createRemoteLikes(context: RemoteLibraryContext): LikeService {
  const { client, ids, shapes } = context;
  async function starred(): Promise<LikedSong[]> {
    const body = await client.call('getStarred2');
    return listOf(body['starred2']?.['song'])
      .map((child) => ({ liked_at: new Date(Date.parse(String(child['starred'] ?? '')) || 0).toISOString(), available: true, song: songOf(child, shapes) }))
      .sort((a, b) => b.liked_at.localeCompare(a.liked_at));
  }
  const unique = (songIds: number[]) => [...new Set(songIds)];
  return {
    async like(_userId, songIds) {
      const before = new Set((await starred()).map((l) => l.song.id));
      const wanted = unique(songIds);
      const fresh = wanted.filter((id) => !before.has(id));
      // Each song is checked first: a server may star an id it does not have.
      for (const id of fresh) await client.call('getSong', { id: ids.idOf('song', id) });
      if (fresh.length > 0) await client.call('star', { id: fresh.map((id) => ids.idOf('song', id)) });
      return { liked: fresh, already_liked: wanted.filter((id) => before.has(id)) };
    },
    async unlike(_userId, songIds) {
      const before = new Set((await starred()).map((l) => l.song.id));
      const wanted = unique(songIds);
      const were = wanted.filter((id) => before.has(id));
      if (were.length > 0) await client.call('unstar', { id: were.map((id) => ids.idOf('song', id)) });
      return { unliked: were, not_liked: wanted.filter((id) => !before.has(id)) };
    },
    list: () => starred(),
    async likedAmong(_userId, songIds) {
      const liked = new Set((await starred()).map((l) => l.song.id));
      return new Set(songIds.filter((id) => liked.has(id)));
    },
  };
}
