import { describe, expect, it } from 'vitest';
import { ensureLibraryRoot } from '../../src/db/repositories/library-roots.js';
import { createFolderService } from '../../src/services/folders/folder-service.js';
import { createLibraryService } from '../../src/services/library/library-service.js';
import { playlistSetup } from '../helpers/playlist-setup.js';
import { seedSongs } from '../helpers/seed-songs.js';

const GONE = '2026-02-01T00:00:00.000Z';

/** A library folder with nested folders, two songs whose files are gone, and playlists and likes holding them. */
async function library() {
  const setup = await playlistSetup();
  const { store, clock, alice, bob, playlists, likes } = setup;
  const songs = await seedSongs(store, [
    { path: '/lib/B Side/01.ogg', title: 'One' },
    { path: '/lib/B Side/sub/02.ogg', title: 'Two' },
    { path: '/lib/a-side/03.ogg', title: 'Three' },
    { path: '/lib/Zed/04.ogg', title: 'Four', missing_since: GONE },
    { path: '/lib/a-side/05.ogg', title: 'Five', missing_since: '2026-01-01T00:00:00.000Z' },
    { path: '/lib/top.ogg', title: 'Top' },
    { path: '/library-two/x.ogg', title: 'Elsewhere' },
  ]);
  await ensureLibraryRoot(store.db, '/lib', GONE);
  const [one, , three, four, five] = songs;
  await playlists.create(alice.id, 'Mine');
  await playlists.addSongs(alice.id, 'Mine', [four!.id, one!.id, four!.id]);
  await playlists.create(bob.id, 'Theirs');
  await playlists.addSongs(bob.id, 'Theirs', [five!.id, three!.id]);
  await likes.like(alice.id, [five!.id]);
  await likes.like(bob.id, [four!.id, five!.id]);
  const admin = alice; // the first account is the admin
  const lib = createLibraryService({ db: store.db, songWriter: store.songWriter, clock });
  return { ...setup, admin, lib, folders: createFolderService({ db: store.db }), songs };
}

describe('folders and prune (on both databases)', () => {
  it('lists a folder: subfolders with counts of visible songs, its own songs, byte-wise paths under it', async () => {
    const { folders } = await library();
    expect((await folders.list()).folders).toEqual([{ path: '/lib', name: '/lib', song_count: 4 }]);
    const top = await folders.list('/lib');
    expect(top.folders.map((f) => [f.name, f.song_count])).toEqual([['a-side', 1], ['B Side', 2]]);
    expect(top.songs.map((s) => s.title)).toEqual(['Top']);
    expect((await folders.list('/lib/B Side')).folders.map((f) => f.name)).toEqual(['sub']);
    expect((await folders.songsUnder('/lib')).map((s) => s.title)).toEqual(['Three', 'One', 'Two', 'Top']);
  });

  it('plans a prune with what each account loses, then deletes only songs still missing', async () => {
    const { lib, admin, playlists, likes, bob, store, songs } = await library();
    const plan = await lib.planPrune(admin);
    expect(plan.songs.map((s) => s.title)).toEqual(['Five', 'Four']);
    expect(plan.your_playlists).toEqual([{ id: expect.any(Number), name: 'Mine', entries_lost: 2 }]);
    expect(plan.your_likes_lost).toBe(1);
    expect(plan.others).toEqual({ users: 1, playlists: 1, entries_lost: 1, likes_lost: 2 });

    await store.db.updateTable('songs').set({ missing_since: null }).where('id', '=', songs[4]!.id).execute(); // Five came back
    expect(await lib.prune(admin, [songs[3]!.id, songs[4]!.id])).toEqual({ deleted: 1 });
    expect((await playlists.show(admin.id, 'Mine')).entries.map((e) => [e.position, e.song.title])).toEqual([[1, 'One']]);
    expect((await likes.list(bob.id)).map((e) => e.song.title)).toEqual(['Five']);
    expect((await lib.planPrune(admin)).songs).toEqual([]);
  });
});
