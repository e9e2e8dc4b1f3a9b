import type { Services } from '../../services/container.js';
import type { Album, Artist } from '../../domain/album.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import type { AlbumItem, ArtistItem, ArtistPageRow, SongItem, UiCatalog } from '../ports.js';
import { arraySource } from './array-source.js';
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
        rows: async (offset, limit) => (await browse.artists({ offset, limit })).map(toArtistItem),
      };
    },
    albums(): RowSource<AlbumItem> {
      return {
        key: nextKey('albums'),
        count: () => browse.countAlbums(),
        rows: async (offset, limit) => (await browse.albums({ offset, limit })).map(toAlbumItem),
      };
    },
    artistPage(artist): RowSource<ArtistPageRow> {
      return arraySource(nextKey(`artist:${artist.id}`), async () => {
        const page = await browse.artist(artist.id);
        const rows: ArtistPageRow[] = page.albums.map((album) => ({ kind: 'album', album: toAlbumItem(album) }));
        if (page.appears_on.length > 0) rows.push({ kind: 'heading', text: 'Appears on' });
        for (const { album } of page.appears_on) rows.push({ kind: 'album', album: toAlbumItem(album) });
        return rows;
      });
    },
    albumSongs(album): RowSource<SongItem> {
      // An album is small next to the catalogue: read it whole, in its order.
      return arraySource(nextKey(`album:${album.id}`), async () => (await browse.album(album.id)).songs.map(toSongItem));
    },
    artistSongs(artist): RowSource<SongItem> {
      // As the artist's page lists them: their albums in order, then their tracks on others' albums.
      return arraySource(nextKey(`artist-songs:${artist.id}`), async () => {
        const page = await browse.artist(artist.id);
        const own = await Promise.all(page.albums.map(async (album) => (await browse.album(album.id)).songs));
        return [...own.flat(), ...page.appears_on.flatMap((appearance) => appearance.songs)].map(toSongItem);
      });
    },
  };
}

// Names come from tags: nothing in them may reach the terminal as a control sequence (rows, breadcrumbs).
const toArtistItem = (artist: Artist): ArtistItem => ({
  id: artist.id,
  name: terminalSafe(artist.name),
  albumCount: artist.album_count,
  songCount: artist.song_count,
});

const toAlbumItem = (album: Album): AlbumItem => ({
  id: album.id,
  album: terminalSafe(album.title),
  artist: terminalSafe(album.artist),
  year: album.year,
  songCount: album.song_count,
});
