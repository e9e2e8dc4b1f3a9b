import type { Album } from '../../domain/album.js';
import type { LikedSong } from '../../domain/like.js';
import type { StarredAlbum, StarredArtist, StarTimes } from '../../domain/stars.js';
import type { User } from '../../domain/user.js';
import type { Services } from '../../services/container.js';
import { starsFor } from './browsing.js';
import type { Endpoint, SubsonicContext } from './context.js';
import { ErrorCode, SubsonicFailure } from './envelope.js';
import type { SubsonicParams } from './params.js';
import { presentAlbumChild, presentAlbumId3, presentChild } from './present.js';

const MAX_LIST = 500;
const LIST_TYPES = ['random', 'newest', 'highest', 'frequent', 'recent', 'alphabeticalByName', 'alphabeticalByArtist', 'starred', 'byYear', 'byGenre'];

/**
 * getAlbumList(2)'s types. tunes has no ratings, so `highest` lists the user's starred albums
 * (the nearest thing to "rated highly" it knows).
 */
async function albumList(services: Services, user: User, params: SubsonicParams): Promise<Album[]> {
  const type = params.required('type');
  const page = { limit: params.int('size', 10, 1, MAX_LIST), offset: params.int('offset', 0) };
  switch (type) {
    case 'newest':
      return services.browse.albums({ ...page, sort: 'added' });
    case 'alphabeticalByName':
      return services.browse.albums({ ...page, sort: 'name' });
    case 'alphabeticalByArtist':
      return services.albumLists.albums({ kind: 'by_artist' }, page);
    case 'random':
      return services.albumLists.albums({ kind: 'random' }, page);
    case 'recent':
      return services.albumLists.albums({ kind: 'recent', userId: user.id }, page);
    case 'frequent':
      return services.albumLists.albums({ kind: 'frequent', userId: user.id }, page);
    case 'starred':
    case 'highest':
      return services.albumLists.albums({ kind: 'starred', userId: user.id }, page);
    case 'byYear':
      return services.albumLists.albums(
        { kind: 'by_year', from: Number(params.int('fromYear', 0)), to: params.int('toYear', 0) },
        page,
      );
    case 'byGenre':
      return services.albumLists.albums({ kind: 'by_genre', genre: params.required('genre') }, page);
    default:
      throw new SubsonicFailure(ErrorCode.generic, `type must be one of ${LIST_TYPES.join(', ')}`);
  }
}

/** A random list is a new draw every call: never sent again. */
const keepsItsOrder = (params: SubsonicParams) => params.get('type') !== 'random';

function requireYears(params: SubsonicParams): void {
  if (params.get('type') === 'byYear') {
    params.required('fromYear');
    params.required('toYear');
  }
}

export function listEndpoints({ services }: SubsonicContext): Endpoint[] {
  return [
    {
      name: 'getAlbumList',
      cacheable: keepsItsOrder,
      handler: async ({ user, params }) => {
        requireYears(params);
        const albums = await albumList(services, user, params);
        const stars = await starsFor(services, user.id, { albums });
        return { albumList: { album: albums.map((album) => presentAlbumChild(album, stars)) } };
      },
    },
    {
      name: 'getAlbumList2',
      cacheable: keepsItsOrder,
      handler: async ({ user, params }) => {
        requireYears(params);
        const albums = await albumList(services, user, params);
        const stars = await starsFor(services, user.id, { albums });
        return { albumList2: { album: albums.map((album) => presentAlbumId3(album, stars)) } };
      },
    },
    {
      name: 'getRandomSongs',
      handler: async ({ user, params }) => {
        const songs = await services.albumLists.randomSongs(params.int('size', 10, 1, MAX_LIST), {
          genre: params.get('genre') || undefined,
          fromYear: params.optionalInt('fromYear'),
          toYear: params.optionalInt('toYear'),
        });
        const stars = await starsFor(services, user.id, { songs });
        return { randomSongs: { song: songs.map((song) => presentChild(song, stars)) } };
      },
    },
    {
      name: 'getSongsByGenre',
      handler: async ({ user, params }) => {
        const page = await services.catalog.listSongs({
          genre: params.required('genre'),
          limit: params.int('count', 10, 1, MAX_LIST),
          offset: params.int('offset', 0),
        });
        const stars = await starsFor(services, user.id, { songs: page.songs });
        return { songsByGenre: { song: page.songs.map((song) => presentChild(song, stars)) } };
      },
    },
    {
      name: 'getStarred',
      handler: async ({ user }) => {
        const { songs, albums, artists } = await services.stars.starred(user.id);
        const stars = starTimesOf(songs, albums, artists);
        return {
          starred: {
            artist: artists.map(({ artist, starred_at }) => ({ id: `ar-${artist.id}`, name: artist.name, starred: starred_at })),
            album: albums.map(({ album }) => presentAlbumChild(album, stars)),
            song: songs.filter((s) => s.available).map(({ song }) => presentChild(song, stars)),
          },
        };
      },
    },
    {
      name: 'getStarred2',
      handler: async ({ user }) => {
        const { songs, albums, artists } = await services.stars.starred(user.id);
        const stars = starTimesOf(songs, albums, artists);
        return {
          starred2: {
            artist: artists.map(({ artist }) => ({ id: `ar-${artist.id}`, name: artist.name, coverArt: `ar-${artist.id}`, albumCount: artist.album_count, starred: stars.artists.get(artist.id) })),
            album: albums.map(({ album }) => presentAlbumId3(album, stars)),
            song: songs.filter((s) => s.available).map(({ song }) => presentChild(song, stars)),
          },
        };
      },
    },
    {
      name: 'getNowPlaying',
      handler: async () => {
        const now = Date.now();
        const entries = await services.playQueues.playingNow();
        return {
          nowPlaying: {
            entry: entries.map((entry) => ({
              ...presentChild(entry.song),
              username: entry.username,
              minutesAgo: Math.max(0, Math.floor((now - Date.parse(entry.started_at)) / 60_000)),
              playerId: 0,
              playerName: entry.client,
            })),
          },
        };
      },
    },
  ];
}

function starTimesOf(songs: LikedSong[], albums: StarredAlbum[], artists: StarredArtist[]): StarTimes {
  return {
    songs: new Map(songs.map((entry) => [entry.song.id, entry.liked_at])),
    albums: new Map(albums.map((entry) => [entry.album.id, entry.starred_at])),
    artists: new Map(artists.map((entry) => [entry.artist.id, entry.starred_at])),
  };
}
