import { mkdirSync, readdirSync, renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { albumLibrary } from '../helpers/album-library.js';

type Library = Awaited<ReturnType<typeof albumLibrary>>;

/** Every listed album as the lists show it, and every album row (listed or not) with its cover. */
async function albumsNow({ browse, store }: Library) {
  return {
    listed: (await browse.albums({ limit: 100, offset: 0 })).map((a) => ({ id: a.id, title: a.title, artist: a.artist, songs: a.song_count, cover: a.has_cover })),
    rows: await store.db.selectFrom('albums').select(['id', 'title', 'artist_id', 'cover_id']).orderBy('id').execute(),
  };
}

describe('albums beside file identity (library-files)', () => {
  it('keeps every album, its id and its cover while the library folder looks unmounted, and after it is back', async () => {
    const library = await albumLibrary();
    const { admin, covers, music, albumNamed } = library;
    const before = await albumsNow(library);
    const folderCover = (await covers.albumCover((await albumNamed('Game Music')).id)).etag;
    const embeddedCover = (await covers.albumCover((await albumNamed('The Battle for Wesnoth OST')).id)).etag;

    renameSync(music, `${music}.away`);
    const away = await library.library.scan(admin, { workers: 0 });
    expect(away.unavailable.map((u) => u.path)).toEqual([music]);
    expect(await albumsNow(library)).toEqual(before);

    renameSync(`${music}.away`, music);
    const back = await library.library.scan(admin, { workers: 0 });
    expect(back).toMatchObject({ added: 0, missing: 0, unavailable: [] });
    expect(await albumsNow(library)).toEqual(before);
    expect((await covers.albumCover((await albumNamed('Game Music')).id)).etag).toBe(folderCover);
    expect((await covers.albumCover((await albumNamed('The Battle for Wesnoth OST')).id)).etag).toBe(embeddedCover);
  });

  it('makes a symlink farm inside an album folder no albums of its own: each file is one song on its album', async () => {
    const library = await albumLibrary();
    const { admin, browse, music, albumNamed } = library;
    const game = await albumNamed('Game Music');
    const before = await albumsNow(library);
    // A package that links {de,en}/N.ogg -> ../N.ogg, as the game-music package does.
    const folder = join(music, 'Soundtracks/Game Music');
    const tracks = readdirSync(folder).filter((name) => name.endsWith('.ogg'));
    for (const language of ['de', 'en']) {
      mkdirSync(join(folder, language));
      for (const name of tracks) symlinkSync(join('..', name), join(folder, language, name));
    }

    const scan = await library.library.scan(admin, { workers: 0 });
    expect(scan).toMatchObject({ added: 0, duplicates: tracks.length * 2 });
    expect(await albumsNow(library)).toEqual(before);
    expect((await browse.album(game.id)).songs.map((s) => s.path)).toEqual(tracks.map((name) => join(folder, name)));

    await library.library.scan(admin, { full: true, workers: 0 });
    expect(await albumsNow(library)).toEqual(before);
  });
});
