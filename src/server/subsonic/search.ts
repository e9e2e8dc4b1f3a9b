import type { Album, Artist } from '../../domain/album.js';
import type { Song } from '../../domain/song.js';
import type { User } from '../../domain/user.js';
import { MAX_PAGE_SIZE } from '../../services/catalog/catalog-service.js';
import type { BrowsePage } from '../../services/browse/browse-service.js';
import type { Services } from '../../services/container.js';
import { createSearchCache, type SearchCache } from './search-cache.js';
import { starsFor } from './browsing.js';
import type { Endpoint, SubsonicContext } from './context.js';
import type { SubsonicParams } from './params.js';
import { presentAlbumChild, presentAlbumId3, presentArtistId3, presentChild } from './present.js';

interface Found {
  artists: Artist[];
  albums: Album[];
  songs: Song[];
}

/** The largest answer (artists + albums + songs asked for) the search cache keeps. */
const MAX_CACHED_ITEMS = 300;

/** What clients send to mean "everything" when they sync a library for offline use. */
function isEverything(query: string): boolean {
  const trimmed = query.trim();
  return trimmed === '' || trimmed === '""' || trimmed === '*';
}

/**
 * search2/search3: songs by the catalogue's own search (the same results and order as `tunes songs
 * QUERY`); albums and artists whose names match every word. An empty query lists everything, paged,
 * in the catalogue's order.
 */
async function search(services: Services, params: SubsonicParams, cache: SearchCache<Found>): Promise<Found> {
  const query = params.get('query') ?? '';
  const page = (what: string) => ({ limit: params.int(`${what}Count`, 20, 0, MAX_PAGE_SIZE), offset: params.int(`${what}Offset`, 0) });
  const artists = page('artist');
  const albums = page('album');
  const songs = page('song');
  // Big pages (a client syncing the whole library) are not kept: 256 of them could hold a few hundred MB.
  if (artists.limit + albums.limit + songs.limit > MAX_CACHED_ITEMS) return find(services, query, artists, albums, songs);
  const key = JSON.stringify([query, artists, albums, songs]);
  return cache.get(key, await services.catalog.changeMarker(), () => find(services, query, artists, albums, songs));
}

async function find(services: Services, query: string, artists: BrowsePage, albums: BrowsePage, songs: BrowsePage): Promise<Found> {
  const everything = isEverything(query);
  const [foundArtists, foundAlbums, foundSongs] = await Promise.all([
    artists.limit === 0 ? [] : everything ? services.browse.artists(artists) : services.albumLists.searchArtists(query, artists),
    albums.limit === 0 ? [] : everything ? services.browse.albums({ ...albums, sort: 'name' }) : services.albumLists.searchAlbums(query, albums),
    songs.limit === 0
      ? []
      : services.catalog.listSongs({ query: everything ? undefined : query, limit: songs.limit, offset: songs.offset }).then((p) => p.songs),
  ]);
  return { artists: foundArtists, albums: foundAlbums, songs: foundSongs };
}

async function stars(services: Services, user: User, found: Found) {
  return starsFor(services, user.id, found);
}

export function searchEndpoints({ services }: SubsonicContext): Endpoint[] {
  const cache = createSearchCache<Found>();
  return [
    {
      name: 'search2',
      cacheable: () => true,
      handler: async ({ user, params }) => {
        const found = await search(services, params, cache);
        const starred = await stars(services, user, found);
        return {
          searchResult2: {
            artist: found.artists.map((artist) => ({ id: `ar-${artist.id}`, name: artist.name, starred: starred.artists.get(artist.id) })),
            album: found.albums.map((album) => presentAlbumChild(album, starred)),
            song: found.songs.map((song) => presentChild(song, starred)),
          },
        };
      },
    },
    {
      name: 'search3',
      cacheable: () => true,
      handler: async ({ user, params }) => {
        const found = await search(services, params, cache);
        const starred = await stars(services, user, found);
        return {
          searchResult3: {
            artist: found.artists.map((artist) => presentArtistId3(artist, starred)),
            album: found.albums.map((album) => presentAlbumId3(album, starred)),
            song: found.songs.map((song) => presentChild(song, starred)),
          },
        };
      },
    },
  ];
}
