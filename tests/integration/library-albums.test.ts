import { renameSync, rmSync, utimesSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { albumLibrary } from '../helpers/album-library.js';

describe('albums and artists as the records have them', () => {
  it('groups a multi-disc soundtrack with one album artist and many track artists into one album, in disc/track order', async () => {
    const { browse, catalog, albumNamed } = await albumLibrary();
    const ost = await albumNamed('The Battle for Wesnoth OST');
    expect(ost).toMatchObject({ artist: 'Wesnoth Team', song_count: 6, year: 2008, compilation: false, has_cover: true });
    const { songs } = await browse.album(ost.id);
    expect(songs.map((s) => s.title)).toEqual(['Theme 1.1', 'Theme 1.2', 'Theme 1.3', 'Theme 2.1', 'Theme 2.2', 'Theme 2.3']);
    expect(new Set(songs.map((s) => s.artist)).size).toBeGreaterThan(3);
    expect(songs.every((s) => s.album_id === ost.id && s.album_artist === 'Wesnoth Team')).toBe(true);
    // tunes songs --album uses the same order, in any case.
    const listed = await catalog.listSongs({ album: 'the battle for wesnoth ost' });
    expect(listed.songs.map((s) => s.title)).toEqual(songs.map((s) => s.title));
  });

  it('makes a compilation (album artist tag or compilation flag) one Various Artists album in track order', async () => {
    const { browse, catalog, albumNamed } = await albumLibrary();
    const now = await albumNamed('Now That Is Music');
    expect(now).toMatchObject({ artist: 'Various Artists', compilation: true, song_count: 4 });
    expect((await browse.album(now.id)).songs.map((s) => s.title)).toEqual(['First', 'Second', 'Third', 'Fourth']);
    // TXXX:compilation (MP3, as ffmpeg writes it) and COMPILATION=1 (Vorbis), in two folders, no album artist.
    expect(await albumNamed('Flagged Hits')).toMatchObject({ artist: 'Various Artists', compilation: true, song_count: 2 });
    // --artist matches the album artist or the track artist.
    const various = await catalog.listSongs({ artist: 'various artists', limit: 100 });
    expect(various.songs.map((s) => s.album)).toEqual(expect.arrayContaining(['Now That Is Music', 'Flagged Hits', 'Game Music']));
    expect((await catalog.listSongs({ artist: 'Bee' })).songs.map((s) => s.title)).toEqual(['Second']);
  });

  it('treats one folder of one album title by many artists without an album artist as one album', async () => {
    const { browse, albumNamed } = await albumLibrary();
    const game = await albumNamed('Game Music');
    expect(game).toMatchObject({ artist: 'Various Artists', song_count: 3, has_cover: true });
    expect((await browse.album(game.id)).songs.map((s) => s.artist)).toEqual(['Musician 1', 'Musician 2', 'Musician 3']);
  });

  it('keeps same-named albums by different artists apart, and folds case and accents of artists', async () => {
    const { browse, albumNamed } = await albumLibrary();
    const bjork = await albumNamed('Homogenic', 'Björk');
    const other = await albumNamed('Homogenic', 'The Homogenics');
    expect(bjork.id).not.toBe(other.id);
    expect([bjork.song_count, other.song_count]).toEqual([2, 1]);
    const takk = await albumNamed('Takk');
    expect(takk.artist).toBe('Sigur Rós');
    // "SIGUR ROS" on one track is the same artist; no track numbers: natural file-name order.
    const songs = (await browse.album(takk.id)).songs;
    expect(songs.map((s) => s.title)).toEqual(['Takk 1', 'Takk 2', 'Takk 10']);
    expect(new Set(songs.map((s) => s.artist_id)).size).toBe(1);
    const artists = (await browse.artists({ limit: 100, offset: 0 })).map((a) => a.name);
    expect(artists.filter((a) => a.toLowerCase().startsWith('sigur'))).toEqual(['Sigur Rós']);
  });

  it('gives untagged files their folder as album and the folder above as artist', async () => {
    const { browse, albumNamed } = await albumLibrary();
    const tapes = await albumNamed('Basement Tapes');
    expect(tapes).toMatchObject({ artist: 'Unknown Band', song_count: 2 });
    expect((await browse.album(tapes.id)).songs.map((s) => s.title)).toEqual(['01 first', '02 second']);
  });

  it("lists an artist's albums and, apart, the albums by others they appear on with their tracks", async () => {
    const { browse, albumNamed } = await albumLibrary();
    const sea = (await browse.album((await albumNamed('Now That Is Music')).id)).songs.find((s) => s.artist === 'Sea')!;
    const page = await browse.artist(sea.artist_id!);
    expect(page.artist.name).toBe('Sea');
    expect(page.albums).toEqual([]);
    expect(page.appears_on.map((a) => [a.album.title, a.songs.map((s) => s.title)])).toEqual(
      expect.arrayContaining([['Now That Is Music', ['Third']], ['Flagged Hits', ['Flag Two']]]),
    );
    // The Artists list has album artists only.
    expect((await browse.artists({ limit: 100, offset: 0 })).map((a) => a.name)).not.toContain('Sea');
  });

  it('keeps album and artist ids across rescans, full rescans, a moved file and a file that goes and comes back', async () => {
    const { admin, library, browse, music, albumNamed } = await albumLibrary();
    const before = await browse.albums({ limit: 100, offset: 0 });
    await library.scan(admin, { workers: 0 });
    await library.scan(admin, { full: true, workers: 0 });
    expect(await browse.albums({ limit: 100, offset: 0 })).toEqual(before);

    const takk = await albumNamed('Takk');
    const song = (await browse.album(takk.id)).songs[0]!;
    mkdirSync(join(music, 'Moved'));
    renameSync(join(music, 'Sigur Rós/Takk/track1.ogg'), join(music, 'Moved/track1.ogg'));
    const moved = await library.scan(admin, { workers: 0 });
    expect(moved.moved).toBe(1);
    const again = await browse.album(takk.id);
    expect(again.songs.map((s) => s.id)).toContain(song.id);

    // An album whose songs all go is no longer listed, but keeps its id when they come back.
    const homogenics = await albumNamed('Homogenic', 'The Homogenics');
    const file = join(music, 'The Homogenics/Homogenic/01 Other.mp3');
    renameSync(file, `${file}.away`);
    await library.scan(admin, { workers: 0 });
    expect((await browse.albums({ limit: 100, offset: 0 })).map((a) => a.id)).not.toContain(homogenics.id);
    expect(await browse.countAlbums({ artist: 'The Homogenics' })).toBe(0);
    renameSync(`${file}.away`, file);
    await library.scan(admin, { workers: 0 });
    expect(await albumNamed('Homogenic', 'The Homogenics')).toEqual(homogenics);
  });

  it('groups the same with worker threads as in this thread', async () => {
    const inThread = await albumLibrary({ workers: 0 });
    const threaded = await albumLibrary({ workers: 2 });
    const shape = async (b: typeof inThread.browse) =>
      (await b.albums({ limit: 100, offset: 0 })).map(({ title, artist, song_count, has_cover }) => ({ title, artist, song_count, has_cover }));
    expect(await shape(threaded.browse)).toEqual(await shape(inThread.browse));
  });
});

describe('covers', () => {
  it('finds embedded (JPEG, PNG) and folder (jpg, PNG in capitals) covers, and none where there is none', async () => {
    const { covers, albumNamed } = await albumLibrary();
    const ost = await covers.albumCover((await albumNamed('The Battle for Wesnoth OST')).id);
    expect(ost.mime).toBe('image/jpeg');
    expect((await covers.albumCover((await albumNamed('Now That Is Music')).id)).mime).toBe('image/png');
    expect((await covers.albumCover((await albumNamed('Game Music')).id)).mime).toBe('image/jpeg');
    expect((await covers.albumCover((await albumNamed('Homogenic', 'Björk')).id)).mime).toBe('image/png');
    const none = await albumNamed('Homogenic', 'The Homogenics');
    expect(none.has_cover).toBe(false);
    await expect(covers.albumCover(none.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(covers.albumCover(999)).rejects.toMatchObject({ code: 'not_found' });
    await expect(covers.albumCover((await albumNamed('Game Music')).id, 5)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('stores one cover for a picture embedded in every track, and resizes it once per size', async () => {
    const { store, covers, albumNamed } = await albumLibrary();
    const rows = await store.db.selectFrom('covers').selectAll().execute();
    expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length);
    expect(rows).toHaveLength(4);
    const id = (await albumNamed('The Battle for Wesnoth OST')).id;
    const small = await covers.albumCover(id, 16);
    expect(small.etag).not.toBe((await covers.albumCover(id)).etag);
    expect(await covers.albumCover(id, 16)).toEqual(small);
    const sharp = (await import('sharp')).default;
    expect(await sharp(small.path).metadata()).toMatchObject({ width: 16, height: 16, format: 'jpeg' });
    // Asking for more than it has gives the original, never an enlargement.
    expect((await covers.albumCover(id, 2048)).path).toBe((await covers.albumCover(id)).path);
  });

  it('re-reads a folder image only when it changed, and forgets one that is gone', async () => {
    const { admin, library, covers, music, albumNamed } = await albumLibrary();
    const game = (await albumNamed('Game Music')).id;
    const first = await covers.albumCover(game);
    await library.scan(admin, { workers: 0 });
    expect(await covers.albumCover(game)).toEqual(first);

    const image = join(music, 'Soundtracks/Game Music/cover.jpg');
    // Another image under the same name (the PNG of Björk's folder, which also is an image).
    copyFileSync(join(music, 'Björk/Homogenic/Folder.PNG'), image);
    utimesSync(image, new Date(), new Date(Date.now() + 5000));
    await library.scan(admin, { workers: 0 });
    const changed = await covers.albumCover(game);
    expect(changed.etag).not.toBe(first.etag);
    expect(changed.mime).toBe('image/png');

    rmSync(image);
    await library.scan(admin, { workers: 0 });
    expect((await albumNamed('Game Music')).has_cover).toBe(false);
    writeFileSync(image, 'not an image at all');
    await library.scan(admin, { full: true, workers: 0 });
    expect((await albumNamed('Game Music')).has_cover).toBe(false);
  });

  it("gives a song's own picture, else its album's, and still finds a cover whose file moved", async () => {
    const { admin, library, covers, browse, music, albumNamed } = await albumLibrary();
    const game = await albumNamed('Game Music');
    const song = (await browse.album(game.id)).songs[0]!;
    expect((await covers.songCover(song.id)).etag).toBe((await covers.albumCover(game.id)).etag);
    // The embedded picture is read from another of the album's files when the cached copy and the first file are gone.
    const ost = await albumNamed('The Battle for Wesnoth OST');
    renameSync(join(music, 'Wesnoth/The Battle for Wesnoth OST/CD1/track1.mp3'), join(music, 'Wesnoth/The Battle for Wesnoth OST/CD1/renamed.mp3'));
    await library.scan(admin, { workers: 0 });
    expect((await covers.albumCover(ost.id, 24)).mime).toBe('image/jpeg');
  });
});

describe('grouping written in batches', () => {
  it('leaves no album behind that a batch guessed and the whole folder overruled', async () => {
    const { store, library, admin, music, albumNamed } = await albumLibrary();
    // One soundtrack file changes alone: written first as its track artist's album, then settled as Various Artists.
    const file = join(music, 'Soundtracks/Game Music/2.ogg');
    utimesSync(file, new Date(), new Date(Date.now() + 10_000));
    await library.scan(admin, { workers: 0 });
    expect(await albumNamed('Game Music')).toMatchObject({ artist: 'Various Artists', song_count: 3 });
    const titles = await store.db.selectFrom('albums').select('title').where('title', '=', 'Game Music').execute();
    expect(titles).toHaveLength(1);
    const musician = await store.db.selectFrom('artists').select(['id', 'album_count']).where('name', '=', 'Musician 2').executeTakeFirstOrThrow();
    expect(musician.album_count).toBe(0);
    // PostgreSQL checks every foreign key as it writes; SQLite is asked.
    if (store.dialect === 'sqlite') expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('songs read by an older scanner', () => {
  it('are read again at the next scan, which finds their covers and compilation flags', async () => {
    const { store, library, admin, albumNamed } = await albumLibrary();
    // As migration 0007 leaves a library: grouped from the old tags, no flags, no pictures, scan_version 0.
    await store.db.updateTable('songs').set({ scan_version: 0, compilation_tag: 0, cover_id: null }).execute();
    await store.db.updateTable('albums').set({ cover_id: null }).execute();
    const scan = await library.scan(admin, { workers: 0 });
    expect(scan.updated).toBe(scan.files);
    expect(await albumNamed('The Battle for Wesnoth OST')).toMatchObject({ has_cover: true });
    expect(await albumNamed('Flagged Hits')).toMatchObject({ artist: 'Various Artists' });
    expect((await library.scan(admin, { workers: 0 })).unchanged).toBe(scan.files);
  });
});
