import { linkSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SqliteStore as Store } from '../../src/db/open.js';
import { copyFixtures } from '../helpers/fixtures.js';
import { addPlay, attachments, sqliteLibraryHarness, searchIndexIsConsistent, songCount, songIdAt } from '../helpers/library-harness.js';

const TRACKS = ['flac.flac', 'vorbis.ogg', 'opus.opus', 'mp3-id3v24.mp3', 'aac.m4a', 'wav.wav'];
const LANGUAGES = ['de', 'en', 'es', 'fr', 'it'];

/** A game-music package's layout: audio/ holds the files, each language folder links to them. */
function symlinkFarm(music: string): void {
  mkdirSync(join(music, 'audio'));
  copyFixtures(join(music, 'audio'), TRACKS);
  for (const language of LANGUAGES) {
    mkdirSync(join(music, language));
    for (const track of TRACKS) symlinkSync(join('..', 'audio', track), join(music, language, track));
  }
}

/**
 * What the scanner before file identities stored for the farm: one song per path. The songs first
 * stored (lowest ids) are the `en/` ones, reached through links; none has a device or inode yet.
 */
function oldScannerRows(store: Store, music: string): void {
  const audio = `${join(music, 'audio')}/`;
  store.sqlite.prepare(`update songs set path = replace(path, ?, ?), dev = null, ino = null`).run(audio, `${join(music, 'en')}/`);
  const copy = store.sqlite.prepare(
    `insert into songs (path, title, artist, album, album_artist, genre, year, track_no, disc_no, duration_ms, codec, bitrate,
       sample_rate, size, mtime_ms, added_at)
     select replace(path, ?, ?), title, artist, album, album_artist, genre, year, track_no, disc_no, duration_ms, codec, bitrate,
       sample_rate, size, mtime_ms, '2026-03-02T00:00:00.000Z' from songs where path like ?`,
  );
  for (const folder of ['audio', ...LANGUAGES.filter((l) => l !== 'en')]) {
    copy.run(`${join(music, 'en')}/`, `${join(music, folder)}/`, `${join(music, 'en')}/%`);
  }
}

describe('library scan: each file once', () => {
  it('stores a symlink farm once, under the real files, and keeps a like when a file moves', async () => {
    const { store, admin, listener, library, likes, playlists, music } = await sqliteLibraryHarness();
    symlinkFarm(music);
    const { scan } = await library.addRoots(admin, [music], { workers: 0 });
    expect(scan).toMatchObject({ files: 6, duplicates: 30, added: 6, failed: 0 });
    expect(songCount(store)).toBe(6);
    const paths = store.sqlite.prepare('select path from songs').pluck().all() as string[];
    expect(paths.every((p) => p.startsWith(join(music, 'audio') + '/'))).toBe(true);

    const wav = await songIdAt(store, join(music, 'audio'), 'wav.wav');
    await likes.like(listener.id, [wav]);
    const road = await playlists.create(listener.id, 'Road');
    await playlists.addSongs(listener.id, { id: road.id }, [await songIdAt(store, join(music, 'audio'), 'opus.opus'), wav]);
    const before = attachments(store);

    // The case: a file moved, its links now lead nowhere.
    mkdirSync(join(music, 'audio', 'moved'));
    renameSync(join(music, 'audio', 'wav.wav'), join(music, 'audio', 'moved', 'wav.wav'));
    const rescan = await library.scan(admin, { workers: 0 });
    expect(rescan).toMatchObject({ moved: 1, added: 0, missing: 0, failed: 5 });
    expect(rescan.failures.every((f) => f.reason.startsWith('broken link'))).toBe(true);
    expect(await songIdAt(store, join(music, 'audio', 'moved'), 'wav.wav')).toBe(wav);
    expect(attachments(store)).toEqual(before);
    expect(searchIndexIsConsistent(store)).toBe(true);
  });

  it('merges the songs an older scan stored once per path, keeping every like, playlist place and play', async () => {
    const { store, admin, listener, library, likes, playlists, music } = await sqliteLibraryHarness();
    symlinkFarm(music);
    await library.addRoots(admin, [music], { workers: 0 });
    oldScannerRows(store, music);
    expect(songCount(store)).toBe(36);
    const id = (folder: string, track: string) => songIdAt(store, join(music, folder), track);
    const flacEn = await id('en', 'flac.flac');
    const flacAudio = await id('audio', 'flac.flac');
    const wavDe = await id('de', 'wav.wav');
    // The listener liked two copies of one file (at different times), the admin a third.
    await likes.like(listener.id, [flacAudio]);
    store.sqlite.prepare('update likes set liked_at = ? where song_id = ?').run('2026-02-01T00:00:00.000Z', flacAudio);
    await likes.like(listener.id, [flacEn]);
    await likes.like(admin.id, [await id('fr', 'flac.flac')]);
    const road = await playlists.create(listener.id, 'Road');
    await playlists.addSongs(listener.id, { id: road.id }, [flacEn, await id('audio', 'opus.opus'), flacAudio, wavDe]);
    addPlay(store, listener.id, flacEn, '2026-02-02T10:00:00.000Z');
    addPlay(store, listener.id, flacAudio, '2026-02-03T10:00:00.000Z');

    const scan = await library.scan(admin, { workers: 0 });
    expect(scan).toMatchObject({ files: 6, duplicates: 30, merged: 30, added: 0, missing: 0 });
    expect(songCount(store)).toBe(6);
    // The oldest song of each file stays (its id), under the file's real path.
    expect(await id('audio', 'flac.flac')).toBe(flacEn);
    const wavAudio = await id('audio', 'wav.wav');
    const opusAudio = await id('audio', 'opus.opus');
    const after = attachments(store);
    expect(after.likes).toEqual([
      { user_id: admin.id, song_id: flacEn, liked_at: '2026-03-01T12:00:00.000Z' },
      { user_id: listener.id, song_id: flacEn, liked_at: '2026-02-01T00:00:00.000Z' },
    ].sort((a, b) => a.user_id - b.user_id));
    expect(after.places).toEqual([
      { name: 'Road', position: 1, song_id: flacEn },
      { name: 'Road', position: 2, song_id: opusAudio },
      { name: 'Road', position: 3, song_id: flacEn },
      { name: 'Road', position: 4, song_id: wavAudio },
    ]);
    expect(after.plays.map((p) => (p as { song_id: number }).song_id)).toEqual([flacEn, flacEn]);
    expect(store.sqlite.prepare('select min(added_at) from songs').pluck().get()).toBe('2026-03-01T12:00:00.000Z');
    expect(searchIndexIsConsistent(store)).toBe(true);
    expect(await library.scan(admin, { workers: 0 })).toMatchObject({ unchanged: 6, duplicates: 30, merged: 0 });
  });

  it('keeps a like when an older scan stored a file per path and the file moved before the next scan', async () => {
    const { store, admin, listener, library, likes, music } = await sqliteLibraryHarness();
    symlinkFarm(music);
    await library.addRoots(admin, [music], { workers: 0 });
    oldScannerRows(store, music);
    const wavEn = await songIdAt(store, join(music, 'en'), 'wav.wav');
    await likes.like(listener.id, [await songIdAt(store, join(music, 'es'), 'wav.wav'), wavEn]);
    mkdirSync(join(music, 'audio', 'moved'));
    renameSync(join(music, 'audio', 'wav.wav'), join(music, 'audio', 'moved', 'wav.wav'));

    // Six songs alike (no inode stored yet) are copies of one file when their tags agree: one move.
    const scan = await library.scan(admin, { workers: 0 });
    expect(scan).toMatchObject({ moved: 1, added: 0, missing: 0 });
    expect(await songIdAt(store, join(music, 'audio', 'moved'), 'wav.wav')).toBe(wavEn);
    expect(attachments(store).likes).toEqual([{ user_id: listener.id, song_id: wavEn, liked_at: '2026-03-01T12:00:00.000Z' }]);
    expect(songCount(store)).toBe(6);
  });

  it('stores a hard-linked file once and keeps its song when one of its names goes', async () => {
    const { store, admin, library, music } = await sqliteLibraryHarness();
    copyFixtures(music, ['flac.flac']);
    linkSync(join(music, 'flac.flac'), join(music, 'also.flac'));
    expect((await library.addRoots(admin, [music], { workers: 0 })).scan).toMatchObject({ files: 1, duplicates: 1, added: 1 });
    const [only] = store.sqlite.prepare('select id, path from songs').all() as Array<{ id: number; path: string }>;
    expect(songCount(store)).toBe(1);
    rmSync(only!.path);
    expect(await library.scan(admin, { workers: 0 })).toMatchObject({ moved: 1, added: 0, missing: 0 });
    expect(store.sqlite.prepare('select id from songs').pluck().all()).toEqual([only!.id]);
  });

  it('stores a folder that is under two library folders once, whichever was added first', async () => {
    const { store, admin, library, music } = await sqliteLibraryHarness();
    mkdirSync(join(music, 'inner'));
    copyFixtures(join(music, 'inner'), ['flac.flac', 'opus.opus']);
    copyFixtures(music, ['wav.wav']);
    await library.addRoots(admin, [join(music, 'inner')], { workers: 0 });
    expect((await library.addRoots(admin, [music], { workers: 0 })).scan).toMatchObject({ files: 3, added: 1, unchanged: 2 });
    expect(await library.scan(admin, { workers: 0 })).toMatchObject({ files: 3, unchanged: 3, duplicates: 0, missing: 0, unavailable: [] });
    expect(songCount(store)).toBe(3);
    expect((await library.listRoots(admin)).map((r) => r.song_count)).toEqual([3, 2]);
  });

  it('reads a linked folder inside the library once, under its real path', async () => {
    const { store, admin, library, music } = await sqliteLibraryHarness();
    mkdirSync(join(music, 'real'));
    copyFixtures(join(music, 'real'), ['flac.flac', 'opus.opus']);
    symlinkSync(join(music, 'real'), join(music, 'a link'));
    const { scan } = await library.addRoots(admin, [music], { workers: 0 });
    expect(scan).toMatchObject({ files: 2, added: 2 });
    expect((store.sqlite.prepare('select path from songs order by path').pluck().all() as string[]).map((p) => p.slice(music.length + 1)))
      .toEqual(['real/flac.flac', 'real/opus.opus']);
  });
});
