import type { Services } from '../../services/container.js';
import type { AlbumItem, ArtistItem, SongItem, UiCatalog } from '../ports.js';
import type { RowSource } from './row-source.js';
import { toSongItem } from './song-item.js';

let sources = 0;
/** Each source gets its own key, so opening a view again reads it afresh. */
const nextKey = (what: string) => `${what}#${(sources += 1)}`;

/** Offset pages from the catalog service; the list always asks for whole, aligned pages. */
function pageOf(offset: number, limit: number): number {
  if (offset % limit !== 0) throw new Error(`unaligned page request: offset ${offset}, limit ${limit}`);
  return offset / limit + 1;
}

export function catalogSources(services: Services): UiCatalog {
  const { catalog, browse } = services;
  return {
    songs(query) {
      const searching = query !== undefined && query.trim() !== '';
      return {
        key: nextKey(searching ? `search:${query}` : 'songs'),
        // Counting every match of a search would cost more than its first page; the list grows instead.
        count: () => (searching ? Promise.resolve(undefined) : catalog.countSongs()),
        rows: async (offset, limit) =>
          (await catalog.listSongs({ query: searching ? query : undefined, limit, page: pageOf(offset, limit) })).songs.map(toSongItem),
      } satisfies RowSource<SongItem>;
    },
    artists(): RowSource<ArtistItem> {
      return {
        key: nextKey('artists'),
        count: () => browse.countArtists(),
        rows: (offset, limit) => browse.artists({ offset, limit }),
      };
    },
    albums(artist): RowSource<AlbumItem> {
      return {
        key: nextKey(`albums:${artist ?? ''}`),
        count: () => browse.countAlbums(artist),
        rows: (offset, limit) => browse.albums({ artist, offset, limit }),
      };
    },
    albumSongs(album): RowSource<SongItem> {
      const filter = { artist: album.artist, album: album.album };
      return {
        key: nextKey(`album:${album.artist}/${album.album}`),
        count: () => Promise.resolve(undefined),
        rows: async (offset, limit) =>
          (await catalog.listSongs({ ...filter, sort: 'artist', limit, page: pageOf(offset, limit) })).songs.map(toSongItem),
      };
    },
  };
}
