import type { Song } from '../../domain/song.js';
import { TunesError, isTunesError } from '../../errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type CatalogService, type SongPage, type SongQuery } from '../../services/catalog/catalog-service.js';
import { unsupported, type SubsonicBody } from './client.js';
import type { RemoteLibraryContext } from './remote-context.js';
import { listOf, songOf } from './read-shapes.js';

/**
 * The catalogue of a remote library: search3 for words (and, with an empty query, every song: tunes,
 * Navidrome and supysonic answer that), getSongsByGenre for a genre, the album or artist's own pages
 * for --album/--artist. Whole-name filters beside words: filteredSearch.
 */
/** How many search3 chunks one filtered page reads at most (then it ends there, and the next page goes on). */
const MAX_CHUNKS = 20;

export function createRemoteCatalog(context: RemoteLibraryContext): CatalogService {
  const { client, shapes } = context;
  const songsOf = (list: unknown): Song[] => listOf(list).map((child) => songOf(child, shapes));

  async function page(query: SongQuery): Promise<{ songs: Song[]; offset: number; limit: number }> {
    if (query.folder !== undefined) throw unsupported(client.target.name, 'browsing by folder');
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    const offset = query.offset ?? (query.cursor !== undefined ? Number(query.cursor) : ((query.page ?? 1) - 1) * limit);
    const words = query.query?.trim() ?? '';
    if (words === '' && query.genre && !query.artist && !query.album) {
      const body = await client.call('getSongsByGenre', { genre: query.genre, count: limit, offset });
      return { songs: songsOf(body['songsByGenre']?.['song']), offset, limit };
    }
    if (words === '' && (query.album || query.artist)) {
      const songs = (await filteredByName(query)).filter(matches(query));
      return { songs: songs.slice(offset, offset + limit), offset, limit };
    }
    if (!query.artist && !query.album && !query.genre) {
      const body = await client.call('search3', { query: words, songCount: limit, songOffset: offset, artistCount: 0, albumCount: 0 });
      return { songs: songsOf(body['searchResult3']?.['song']), offset, limit };
    }
    return { songs: await filteredSearch(query, words, offset, limit), offset, limit };
  }

  /**
   * Words with whole-name filters: Subsonic's search3 has no fields, so its answers are read in
   * chunks and filtered here until the page is full or the server has no more (a page is short only
   * at the end). A tunes server searches every tag, so the filters' words go into its query too:
   * far fewer songs come back to be filtered. Other servers (supysonic matches titles only) get the words alone.
   */
  async function filteredSearch(query: SongQuery, words: string, offset: number, limit: number): Promise<Song[]> {
    const narrowed = context.serverType === 'tunes' ? [words, query.artist, query.album, query.genre].filter(Boolean).join(' ') : words;
    const keep = matches(query);
    const chunk = Math.min(MAX_PAGE_SIZE, Math.max(200, (offset + limit) * 2));
    const found: Song[] = [];
    for (let serverOffset = 0, asked = 0; found.length < offset + limit && asked < MAX_CHUNKS; serverOffset += chunk, asked++) {
      const body = await client.call('search3', { query: narrowed, songCount: chunk, songOffset: serverOffset, artistCount: 0, albumCount: 0 });
      const songs = songsOf(body['searchResult3']?.['song']);
      found.push(...songs.filter(keep));
      if (songs.length < chunk) break;
    }
    return found.slice(offset, offset + limit);
  }

  /** Every song of the albums with this title, or by this artist (their own albums). */
  async function filteredByName(query: SongQuery): Promise<Song[]> {
    const name = (query.album ?? query.artist)!;
    const body = await client.call('search3', { query: name, songCount: 0, artistCount: 20, albumCount: 50 });
    const found = query.album
      ? listOf(body['searchResult3']?.['album']).filter((a) => sameName(a['name'] ?? a['title'], name))
      : listOf(body['searchResult3']?.['artist']).filter((a) => sameName(a['name'], name));
    const albums: SubsonicBody[] = [];
    if (query.album) albums.push(...found);
    else for (const artist of found) albums.push(...listOf((await client.call('getArtist', { id: String(artist['id']) }))['artist']?.['album']));
    const songs: Song[] = [];
    for (const album of albums) songs.push(...songsOf((await client.call('getAlbum', { id: String(album['id']) }))['album']?.['song']));
    return songs;
  }

  return {
    async listSongs(query = {}): Promise<SongPage> {
      const { songs, offset, limit } = await page(query);
      return { songs, nextCursor: songs.length >= limit ? String(offset + limit) : null };
    },
    async getSong(id) {
      const body = await client.call('getSong', { id: context.ids.idOf('song', id) });
      if (!body['song']) throw new TunesError('not_found', `no song with id ${id}`);
      return songOf(body['song'], shapes);
    },
    async getSongs(ids) {
      const found = await Promise.all(
        ids.map(async (id) => {
          try {
            return await this.getSong(id);
          } catch (error) {
            if (isTunesError(error) && error.code === 'not_found') return undefined;
            throw error;
          }
        }),
      );
      return found.filter((song): song is Song => song !== undefined);
    },
    async countSongs() {
      try {
        const count = Number((await client.call('getScanStatus'))['scanStatus']?.['count']);
        if (Number.isFinite(count) && count > 0) return count;
      } catch {
        // not every server counts; one song is enough to say the library is not empty
      }
      const body = await client.call('search3', { query: '', songCount: 1, artistCount: 0, albumCount: 0 }).catch(() => ({}) as SubsonicBody);
      return listOf(body['searchResult3']?.['song']).length;
    },
    // The server's library changes without this machine knowing: a fresh value each time (no cache holds).
    changeMarker: async () => `remote-${process.hrtime.bigint()}`,
    async countMatching() {
      // Subsonic has no count of a search's matches: the CLI then just says nothing matched.
      return 0;
    },
  };
}

function fold(text: unknown): string {
  return String(text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();
}

function sameName(a: unknown, b: string): boolean {
  return fold(a) === fold(b);
}

function matches(query: SongQuery): (song: Song) => boolean {
  return (song) =>
    (!query.artist || sameName(song.artist, query.artist) || sameName(song.album_artist, query.artist)) &&
    (!query.album || sameName(song.album, query.album)) &&
    (!query.genre || sameName(song.genre, query.genre));
}
