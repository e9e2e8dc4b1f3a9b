import { describe, expect, it } from 'vitest';
import { parseXml, subsonicServer } from '../helpers/subsonic-server.js';

describe('Subsonic browsing, lists and search through subsonic-api', () => {
  it('walks artists -> artist -> album -> song, with covers and ids that stay put', async () => {
    const { byKey, server } = await subsonicServer();
    const artists = await byKey.getArtists();
    expect(artists.status).toBe('ok');
    const index = artists.artists.index ?? [];
    // "The Homogenics" is filed under H: its article is ignored, as ignoredArticles says.
    expect(artists.artists.ignoredArticles).toContain('The');
    expect(index.find((group) => group.name === 'H')?.artist?.map((a) => a.name)).toContain('The Homogenics');
    const bjork = index.flatMap((group) => group.artist ?? []).find((a) => a.name === 'Björk')!;
    expect(bjork.id).toMatch(/^ar-\d+$/);

    const artist = await byKey.getArtist({ id: bjork.id });
    expect(artist.artist.album?.map((a) => a.name)).toEqual(['Homogenic']);
    const albumId = artist.artist.album![0]!.id;
    const album = await byKey.getAlbum({ id: albumId });
    expect(album.album).toMatchObject({ name: 'Homogenic', artist: 'Björk', artistId: bjork.id, songCount: 2, coverArt: albumId });
    expect(album.album.song?.map((s) => s.title)).toEqual(['Hunter', 'Jóga']);
    const hunter = album.album.song![0]!;
    expect(hunter).toMatchObject({ isDir: false, parent: albumId, albumId, track: 1, suffix: 'mp3', contentType: 'audio/mpeg', type: 'music' });
    expect(hunter.path).not.toContain(server.home);
    const song = await byKey.getSong({ id: hunter.id });
    expect(song.song.title).toBe('Hunter');
    expect(Number(hunter.id)).toBe((await server.services.catalog.listSongs({ query: 'hunter' })).songs[0]!.id);

    const cover = await byKey.getCoverArt({ id: albumId, size: 64 });
    expect(cover.status).toBe(200);
    expect(cover.headers.get('content-type')).toMatch(/^image\//);
    expect((await cover.arrayBuffer()).byteLength).toBeGreaterThan(50);
    const songCover = await byKey.getCoverArt({ id: hunter.id });
    expect(songCover.headers.get('content-type')).toMatch(/^image\//);
    expect((await byKey.getMusicFolders()).musicFolders.musicFolder).toEqual([{ id: 1, name: 'Music' }]);
  });

  it("lists an artist's own albums, then the albums by others they appear on (roles say which)", async () => {
    const { byKey, server } = await subsonicServer();
    const bjork = (await byKey.search3({ query: 'björk', songCount: 0, albumCount: 0 })).searchResult3.artist![0]!;
    const own = (await byKey.getArtist({ id: bjork.id })).artist as { album?: { name: string }[]; roles?: string[] };
    expect(own.album?.map((a) => a.name)).toEqual(['Homogenic']);
    expect(own.roles).toEqual(['albumartist']);

    const sea = (await server.services.catalog.listSongs({ query: 'third' })).songs.find((s) => s.artist === 'Sea')!;
    const page = (await byKey.getArtist({ id: `ar-${sea.artist_id}` })).artist as { name: string; albumCount: number; album?: { name: string; artist: string }[]; roles?: string[] };
    expect(page.name).toBe('Sea');
    expect(page.album?.map((a) => a.name)).toEqual(expect.arrayContaining(['Now That Is Music', 'Flagged Hits']));
    expect(page.album?.every((a) => a.artist !== 'Sea')).toBe(true);
    expect(page.albumCount).toBe(page.album?.length);
    expect(page.roles).toEqual(['artist']);
  });

  it('uses Subsonic schema names in XML (albumID3 attributes, child songs, directory)', async () => {
    const { rest, byKey } = await subsonicServer();
    const bjork = (await byKey.search3({ query: 'björk', songCount: 0, albumCount: 0 })).searchResult3.artist![0]!;
    const albumId = (await byKey.getArtist({ id: bjork.id })).artist.album![0]!.id;
    const album = parseXml(await (await rest('getAlbum.view', { id: albumId })).text())['subsonic-response'].album[0];
    for (const name of ['@id', '@name', '@artist', '@artistId', '@songCount', '@duration', '@coverArt', '@created']) expect(album).toHaveProperty(name);
    const song = album.song[0];
    for (const name of ['@id', '@parent', '@isDir', '@title', '@album', '@artist', '@track', '@size', '@contentType', '@suffix', '@duration', '@bitRate', '@path', '@albumId', '@artistId', '@type']) {
      expect(song).toHaveProperty(name);
    }
    const directory = parseXml(await (await rest('getMusicDirectory', { id: bjork.id })).text())['subsonic-response'].directory;
    expect(directory['@name']).toBe('Björk');
    expect(directory.child[0]).toMatchObject({ '@id': albumId, '@isDir': 'true', '@title': 'Homogenic' });
    const inAlbum = parseXml(await (await rest('getMusicDirectory', { id: albumId })).text())['subsonic-response'].directory;
    expect(inAlbum.child.map((c: Record<string, string>) => c['@title'])).toEqual(['Hunter', 'Jóga']);
    const indexes = parseXml(await (await rest('getIndexes')).text())['subsonic-response'].indexes;
    expect(indexes.index.some((i: { artist: Array<Record<string, string>> }) => i.artist.some((a) => a['@name'] === 'Björk'))).toBe(true);
    const genres = parseXml(await (await rest('getGenres')).text())['subsonic-response'].genres;
    for (const genre of genres.genre ?? []) expect(genre).toHaveProperty('#text');
    const missing = parseXml(await (await rest('getAlbum', { id: 'al-99999' })).text())['subsonic-response'];
    expect(missing).toMatchObject({ '@status': 'failed', error: { '@code': '70' } });
  });

  it('search3 finds what `tunes songs` finds, in its order; an empty query pages through everything', async () => {
    const { byKey, server } = await subsonicServer();
    for (const query of ['homo', 'game', 'sigur takk']) {
      const result = (await byKey.search3({ query, songCount: 50 })).searchResult3;
      const catalog = (await server.services.catalog.listSongs({ query, limit: 50 })).songs;
      expect((result.song ?? []).map((s) => Number(s.id))).toEqual(catalog.map((s) => s.id));
    }
    expect((await byKey.search3({ query: 'homogenic' })).searchResult3.album?.map((a) => a.artist).sort()).toEqual(['Björk', 'The Homogenics']);
    const total = await server.services.catalog.countSongs();
    const seen: string[] = [];
    for (let offset = 0; offset < total + 5; offset += 4) {
      const page = (await byKey.search3({ query: '', songCount: 4, songOffset: offset, artistCount: 0, albumCount: 0 })).searchResult3;
      seen.push(...(page.song ?? []).map((s) => s.id));
    }
    expect(seen).toHaveLength(total);
    // Offsets need not fall on a page boundary (the catalogue takes an offset as it is).
    const uneven = (await byKey.search3({ query: '', songCount: 3, songOffset: 5, artistCount: 0, albumCount: 0 })).searchResult3.song ?? [];
    expect(uneven.map((s) => s.id)).toEqual(seen.slice(5, 8));
    expect(new Set(seen).size).toBe(total);
    const quoted = (await byKey.search3({ query: '""', songCount: 500 })).searchResult3;
    expect(quoted.song).toHaveLength(total);
    expect(quoted.album?.length).toBe(await server.services.browse.countAlbums());
    // Artists by their own names: an album artist only (Various Artists) too, never by a song's title.
    const artistsFor = async (query: string) => ((await byKey.search3({ query })).searchResult3.artist ?? []).map((a) => a.name);
    expect(await artistsFor('various')).toEqual(['Various Artists']);
    expect(await artistsFor('bjork')).toEqual(['Björk']);
    expect(await artistsFor('hunter')).toEqual([]);
    const legacy = (await byKey.search2({ query: 'hunter' })).searchResult2;
    expect(legacy.song?.map((s) => s.title)).toEqual(['Hunter']);
  });

  it('getAlbumList2 answers every list type', async () => {
    const { byKey, server } = await subsonicServer();
    const list = async (type: string, extra: Record<string, unknown> = {}) =>
      ((await byKey.getAlbumList2({ type, size: 100, ...extra } as never)).albumList2.album ?? []).map((a) => a.name);
    const byName = (await server.services.browse.albums({ limit: 100, offset: 0, sort: 'name' })).map((a) => a.title);
    expect(await list('alphabeticalByName')).toEqual(byName);
    expect(await list('newest')).toEqual((await server.services.browse.albums({ limit: 100, offset: 0, sort: 'added' })).map((a) => a.title));
    expect((await list('random')).sort()).toEqual([...byName].sort());
    expect((await list('alphabeticalByArtist'))[0]).toBe('Homogenic');
    expect(await list('alphabeticalByName', { size: 2, offset: 2 })).toEqual(byName.slice(2, 4));
    const years = (await server.services.browse.albums({ limit: 100, offset: 0, sort: 'year' })).filter((a) => a.year !== null);
    const year = years[0]!.year!;
    expect(await list('byYear', { fromYear: year, toYear: year })).toEqual(years.filter((a) => a.year === year).map((a) => a.title));
    const genre = (await server.services.albumLists.genres())[0];
    if (genre) expect((await list('byGenre', { genre: genre.name })).length).toBe(genre.album_count);
    expect(await list('recent')).toEqual([]);
    expect(await list('starred')).toEqual([]);
    const takk = (await byKey.search3({ query: 'takk', artistCount: 0, songCount: 0 })).searchResult3.album![0]!;
    const song = (await byKey.getAlbum({ id: takk.id })).album.song![0]!;
    await byKey.scrobble({ id: song.id, submission: true });
    await byKey.star({ albumId: takk.id } as never);
    expect(await list('recent')).toEqual(['Takk']);
    expect(await list('frequent')).toEqual(['Takk']);
    expect(await list('starred')).toEqual(['Takk']);
    expect((await byKey.getAlbumList2({ type: 'nonsense' } as never) as { error?: { code: number } }).error?.code).toBe(0);
    expect((await byKey.getAlbumList2({ type: 'byYear' } as never) as { error?: { code: number } }).error?.code).toBe(10);
    const old = (await byKey.getAlbumList({ type: 'alphabeticalByName', size: 100 } as never)).albumList.album ?? [];
    expect(old.map((a) => a.title)).toEqual(byName);
    expect(old.every((a) => a.isDir)).toBe(true);
    const random = (await byKey.getRandomSongs({ size: 3 })).randomSongs.song ?? [];
    expect(random).toHaveLength(3);
    expect(new Set(random.map((s) => s.id)).size).toBe(3);
  });
});
