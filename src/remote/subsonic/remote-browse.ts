import type { Album, Artist } from '../../domain/album.js';
import { TunesError } from '../../errors.js';
import type { BrowseService } from '../../services/browse/browse-service.js';
import type { SubsonicBody } from './client.js';
import type { RemoteLibraryContext } from './remote-context.js';
import { albumOf, artistOf, listOf, songOf } from './read-shapes.js';

const LIST_TYPES = { name: 'alphabeticalByName', year: 'byYear', added: 'newest' } as const;

/** Artists and albums of a remote library: getArtists, getArtist, getAlbumList2, getAlbum (ID3 browsing). */
export function createRemoteBrowse(context: RemoteLibraryContext): BrowseService {
  const { client, ids, shapes } = context;

  async function allArtists(): Promise<Artist[]> {
    const body = await client.call('getArtists');
    return listOf(body['artists']?.['index']).flatMap((index) => listOf(index['artist']).map((a) => artistOf(a, ids)));
  }

  async function artistBody(id: number): Promise<SubsonicBody> {
    const artist = (await client.call('getArtist', { id: ids.idOf('artist', id) }))['artist'] as SubsonicBody | undefined;
    if (!artist) throw new TunesError('not_found', `no artist with id ${id}`);
    return artist;
  }

  return {
    async artists({ limit, offset }) {
      return (await allArtists()).slice(offset, offset + limit);
    },
    countArtists: async () => (await allArtists()).length,
    async artist(id) {
      const body = await artistBody(id);
      return { artist: artistOf(body, ids), albums: listOf(body['album']).map((a) => albumOf(a, ids)), appears_on: [] };
    },
    async albums({ artist, sort = 'name', limit, offset }): Promise<Album[]> {
      if (artist !== undefined) {
        const wanted = artist.trim().toLowerCase();
        const found = (await allArtists()).filter((a) => a.name.trim().toLowerCase() === wanted);
        const albums: Album[] = [];
        for (const a of found) albums.push(...listOf((await artistBody(a.id))['album']).map((al) => albumOf(al, ids)));
        return albums.slice(offset, offset + limit);
      }
      const years = sort === 'year' ? { fromYear: 0, toYear: 9999 } : {};
      const body = await client.call('getAlbumList2', { type: LIST_TYPES[sort], size: Math.min(limit, 500), offset, ...years });
      return listOf(body['albumList2']?.['album']).map((a) => albumOf(a, ids));
    },
    async countAlbums(query) {
      if (query?.artist !== undefined) return (await this.albums({ artist: query.artist, limit: 100_000, offset: 0 })).length;
      let count = 0;
      for (;;) {
        const page = await this.albums({ limit: 500, offset: count });
        count += page.length;
        if (page.length < 500) return count;
      }
    },
    async album(id) {
      const body = (await client.call('getAlbum', { id: ids.idOf('album', id) }))['album'] as SubsonicBody | undefined;
      if (!body) throw new TunesError('not_found', `no album with id ${id}`);
      return { album: albumOf(body, ids), songs: listOf(body['song']).map((s) => songOf(s, shapes)) };
    },
  };
}
