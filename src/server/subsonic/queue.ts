import type { Endpoint, SubsonicContext } from './context.js';
import { parseKindId } from './ids.js';
import { presentChild } from './present.js';

/** getPlayQueue / savePlayQueue: the user's saved queue, kept in the database (not the background player's). */
export function queueEndpoints({ services }: SubsonicContext): Endpoint[] {
  return [
    {
      name: 'getPlayQueue',
      handler: async ({ user }) => {
        const queue = await services.playQueues.get(user.id);
        if (!queue) return {};
        const stars = await services.stars.starTimes(user.id, { songs: queue.songs.map((song) => song.id) });
        return {
          playQueue: {
            current: queue.current_song_id === null ? undefined : String(queue.current_song_id),
            position: queue.position_ms,
            username: user.username,
            changed: queue.changed_at,
            changedBy: queue.changed_by,
            entry: queue.songs.map((song) => presentChild(song, stars)),
          },
        };
      },
    },
    {
      name: 'savePlayQueue',
      handler: async ({ user, params }) => {
        const current = params.get('current');
        await services.playQueues.save(user.id, {
          songIds: params.all('id').map((id) => parseKindId(id, 'song')),
          currentSongId: current === undefined || current === '' ? undefined : parseKindId(current, 'song'),
          positionMs: params.int('position', 0),
          client: params.get('c') ?? 'unknown',
        });
        return {};
      },
    },
  ];
}
