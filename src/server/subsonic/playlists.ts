import type { PlaylistDetail } from '../../domain/playlist.js';
import type { User } from '../../domain/user.js';
import type { Services } from '../../services/container.js';
import { starsFor } from './browsing.js';
import type { Endpoint, SubsonicContext } from './context.js';
import { ErrorCode, SubsonicFailure, type SubsonicObject } from './envelope.js';
import { parseKindId, parsePlainId } from './ids.js';
import type { SubsonicParams } from './params.js';
import { presentChild, presentPlaylist } from './present.js';

async function playlistWithEntries(services: Services, user: User, detail: PlaylistDetail): Promise<SubsonicObject> {
  const songs = detail.entries.map((entry) => entry.song);
  const stars = await starsFor(services, user.id, { songs });
  return { ...presentPlaylist(detail.playlist, user), entry: songs.map((song) => presentChild(song, stars)) };
}

const songIds = (params: SubsonicParams, name: string) => params.all(name).map((id) => parseKindId(id, 'song'));

/** The caller's own playlists only: another user's playlist id is 70, exactly like one that does not exist. */
export function playlistEndpoints({ services }: SubsonicContext): Endpoint[] {
  const { playlists } = services;
  return [
    {
      name: 'getPlaylists',
      handler: async ({ user, params }) => {
        const username = params.get('username');
        if (username !== undefined && username.toLowerCase() !== user.username.toLowerCase()) {
          throw new SubsonicFailure(ErrorCode.notAuthorised, "You may only list your own playlists");
        }
        const list = await playlists.list(user.id);
        return { playlists: { playlist: list.map((playlist) => presentPlaylist(playlist, user)) } };
      },
    },
    {
      name: 'getPlaylist',
      handler: async ({ user, params }) => {
        const id = parsePlainId(params.required('id'), 'playlist');
        return { playlist: await playlistWithEntries(services, user, await playlists.show(user.id, { id })) };
      },
    },
    {
      // With `playlistId`, replaces that playlist's songs (and renames it when `name` is given).
      name: 'createPlaylist',
      handler: async ({ user, params }) => {
        const existing = params.get('playlistId');
        const ids = songIds(params, 'songId');
        let id: number;
        if (existing !== undefined && existing !== '') {
          id = parsePlainId(existing, 'playlist');
          const detail = await playlists.show(user.id, { id });
          const name = params.get('name');
          if (name !== undefined && name !== '' && name !== detail.playlist.name) await playlists.rename(user.id, { id }, name);
          if (detail.entries.length > 0) await playlists.removePositions(user.id, { id }, detail.entries.map((entry) => entry.position));
        } else {
          id = (await playlists.create(user.id, params.required('name'))).id;
        }
        if (ids.length > 0) await playlists.addSongs(user.id, { id }, ids);
        return { playlist: await playlistWithEntries(services, user, await playlists.show(user.id, { id })) };
      },
    },
    {
      name: 'updatePlaylist',
      handler: async ({ user, params }) => {
        const id = parsePlainId(params.required('playlistId'), 'playlist');
        const ref = { id };
        const name = params.get('name');
        const comment = params.get('comment');
        const changes: { name?: string; description?: string | null } = {};
        if (name !== undefined && name !== '') changes.name = name;
        if (comment !== undefined) changes.description = comment === '' ? null : comment;
        if (changes.name !== undefined || changes.description !== undefined) await playlists.update(user.id, ref, changes);
        // Subsonic's indexes are 0-based positions before this call's changes; tunes' are 1-based.
        const remove = params.all('songIndexToRemove').map((index) => {
          const position = Number(index);
          if (!/^\d{1,9}$/.test(index)) throw new SubsonicFailure(ErrorCode.generic, `songIndexToRemove must be a whole number, not ${index}`);
          return position + 1;
        });
        if (remove.length > 0) await playlists.removePositions(user.id, ref, [...new Set(remove)]);
        const add = songIds(params, 'songIdToAdd');
        if (add.length > 0) await playlists.addSongs(user.id, ref, add);
        if (changes.name === undefined && changes.description === undefined && remove.length === 0 && add.length === 0) {
          await playlists.get(user.id, ref);
        }
        return {};
      },
    },
    {
      name: 'deletePlaylist',
      handler: async ({ user, params }) => {
        await playlists.delete(user.id, { id: parsePlainId(params.required('id'), 'playlist') });
        return {};
      },
    },
  ];
}
