import type { Album, Artist } from '../../domain/album.js';
import type { Song } from '../../domain/song.js';
import { MAX_BROWSE_PAGE } from '../../services/browse/browse-service.js';
import type { Services } from '../../services/container.js';
import { IGNORED_ARTICLES, indexArtists } from './artist-index.js';
import type { Endpoint, SubsonicContext } from './context.js';
import { albumId, artistId, MUSIC_FOLDER_ID, parseEntityId, parseKindId } from './ids.js';
import { presentAlbumChild, presentAlbumId3, presentArtistId3, presentChild } from './present.js';

async function allArtists(services: Services): Promise<Artist[]> {
  const artists: Artist[] = [];
  for (let offset = 0; ; offset += MAX_BROWSE_PAGE) {
    const page = await services.browse.artists({ limit: MAX_BROWSE_PAGE, offset });
    artists.push(...page);
    if (page.length < MAX_BROWSE_PAGE) return artists;
  }
}

/** Star times for whatever a response lists. */
export function starsFor(services: Services, userId: number, items: { songs?: Song[]; albums?: Album[]; artists?: Artist[] }) {
  return services.stars.starTimes(userId, {
    songs: items.songs?.map((song) => song.id) ?? [],
    albums: items.albums?.map((album) => album.id) ?? [],
    artists: items.artists?.map((artist) => artist.id) ?? [],
  });
}

export function browsingEndpoints({ services }: SubsonicContext): Endpoint[] {
  return [
    {
      name: 'getMusicFolders',
      handler: async () => ({ musicFolders: { musicFolder: [{ id: MUSIC_FOLDER_ID, name: 'Music' }] } }),
    },
    {
      name: 'getIndexes',
      handler: async ({ user }) => {
        const artists = await allArtists(services);
        const stars = await starsFor(services, user.id, { artists });
        return {
          indexes: {
            lastModified: Date.now(),
            ignoredArticles: IGNORED_ARTICLES.join(' '),
            index: indexArtists(artists).map((group) => ({
              name: group.name,
              artist: group.artists.map((artist) => ({
                id: artistId(artist.id),
                name: artist.name,
                starred: stars.artists.get(artist.id),
                albumCount: artist.album_count,
              })),
            })),
          },
        };
      },
    },
    {
      name: 'getArtists',
      handler: async ({ user }) => {
        const artists = await allArtists(services);
        const stars = await starsFor(services, user.id, { artists });
        return {
          artists: {
            ignoredArticles: IGNORED_ARTICLES.join(' '),
            index: indexArtists(artists).map((group) => ({
              name: group.name,
              artist: group.artists.map((artist) => presentArtistId3(artist, stars)),
            })),
          },
        };
      },
    },
    {
      name: 'getArtist',
      handler: async ({ user, params }) => {
        const detail = await services.browse.artist(parseKindId(params.required('id'), 'artist'));
        // As Navidrome with Subsonic.ArtistParticipations: the artist's own albums, then the albums by
        // others they appear on (compilations, features), so a track artist's page is not empty.
        // OpenSubsonic's `roles` says which of the two the artist is.
        const albums = [...detail.albums, ...detail.appears_on.map((appearance) => appearance.album)];
        const stars = await starsFor(services, user.id, { artists: [detail.artist], albums });
        const roles = [...(detail.albums.length > 0 ? ['albumartist'] : []), ...(detail.appears_on.length > 0 ? ['artist'] : [])];
        return {
          artist: {
            ...presentArtistId3(detail.artist, stars),
            albumCount: albums.length,
            roles: roles.length > 0 ? roles : undefined,
            album: albums.map((album) => presentAlbumId3(album, stars)),
          },
        };
      },
    },
    {
      name: 'getAlbum',
      handler: async ({ user, params }) => {
        const { album, songs } = await services.browse.album(parseKindId(params.required('id'), 'album'));
        const stars = await starsFor(services, user.id, { albums: [album], songs });
        return {
          album: {
            ...presentAlbumId3(album, stars),
            genre: songs.find((song) => song.genre !== null)?.genre ?? undefined,
            song: songs.map((song) => presentChild(song, stars)),
          },
        };
      },
    },
    {
      name: 'getSong',
      handler: async ({ user, params }) => {
        const song = await services.catalog.getSong(parseKindId(params.required('id'), 'song'));
        const stars = await starsFor(services, user.id, { songs: [song] });
        return { song: presentChild(song, stars) };
      },
    },
    {
      name: 'getMusicDirectory',
      handler: async ({ user, params }) => {
        const id = parseEntityId(params.required('id'));
        if (id.kind === 'artist') {
          const { artist, albums, appears_on } = await services.browse.artist(id.id);
          const all = [...albums, ...appears_on.map((entry) => entry.album)];
          const stars = await starsFor(services, user.id, { artists: [artist], albums: all });
          return {
            directory: {
              id: artistId(artist.id),
              name: artist.name,
              starred: stars.artists.get(artist.id),
              child: all.map((album) => presentAlbumChild(album, stars)),
            },
          };
        }
        const { album, songs } = await services.browse.album(parseKindId(params.required('id'), 'album'));
        const stars = await starsFor(services, user.id, { albums: [album], songs });
        return {
          directory: {
            id: albumId(album.id),
            parent: artistId(album.artist_id),
            name: album.title,
            starred: stars.albums.get(album.id),
            child: songs.map((song) => presentChild(song, stars)),
          },
        };
      },
    },
    {
      name: 'getGenres',
      handler: async () => ({
        genres: {
          genre: (await services.albumLists.genres()).map((genre) => ({
            songCount: genre.song_count,
            albumCount: genre.album_count,
            value: genre.name,
          })),
        },
      }),
    },
  ];
}
