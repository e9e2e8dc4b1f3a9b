import { chmodSync, mkdirSync, renameSync, rmSync, symlinkSync, utimesSync, cpSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SqliteStore as Store } from '../../src/db/open.js';
import { createAuthService } from '../../src/services/auth/auth-service.js';
import { createCatalogService } from '../../src/services/catalog/catalog-service.js';
import { fixedClock } from '../../src/services/clock.js';
import { createLibraryService } from '../../src/services/library/library-service.js';
import { BROKEN_FIXTURES, copyFixtures, FIXTURES_DIR } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { FAST_SCRYPT, testStore } from '../helpers/test-store.js';

async function setup() {
  const store = await testStore();
  const clock = fixedClock(new Date('2026-03-01T12:00:00Z'));
  const auth = createAuthService({ db: store.db, clock, scryptParams: FAST_SCRYPT });
  const admin = (await auth.register('admin', 'password one')).user;
  const user = (await auth.register('listener', 'password two')).user;
  const library = createLibraryService({ db: store.db, songWriter: store.songWriter, clock });
  const catalog = createCatalogService({ db: store.db });
  const music = tempDir('tunes-music-');
  return { store, clock, admin, user, library, catalog, music };
}

async function songByFile(store: Store, dir: string, name: string) {
  return store.db.selectFrom('songs').selectAll().where('path', '=', join(dir, name)).executeTakeFirst();
}

const FULL_TAGS = [
  ['mp3-id3v23.mp3', 'MP3 v2.3', 'MPEG 2.5 Layer 3'],
  ['mp3-id3v24.mp3', 'MP3 v2.4', 'MPEG 2.5 Layer 3'],
  ['flac.flac', 'FLAC', 'FLAC'],
  ['vorbis.ogg', 'Vorbis', 'Vorbis I'],
  ['vorbis-upper.OGA', 'Oga', 'Vorbis I'],
  ['opus.opus', 'Opus', 'Opus'],
  ['aac.m4a', 'AAC', 'MPEG-4/AAC'],
  ['alac.m4a', 'ALAC', 'ALAC'],
  ['aac.mp4', 'MP4', 'MPEG-4/AAC'],
  ['aiff.aiff', 'AIFF', 'PCM'],
] as const;

describe('library scan: tags', () => {
  it.each(FULL_TAGS)('reads every tag field of %s', async (file, name, codec) => {
    const { store, admin, library, music } = await setup();
    copyFixtures(music, [file]);
    const { scan } = await library.addRoots(admin, [music], { workers: 0 });
    expect(scan).toMatchObject({ files: 1, added: 1, failed: 0 });
    const song = await songByFile(store, music, file);
    expect(song).toMatchObject({
      title: `${name} Title`,
      artist: `${name} Artist`,
      album: `${name} Album`,
      album_artist: `${name} Album Artist`,
      genre: `${name} Genre`,
      year: 2001,
      track_no: 3,
      disc_no: 1,
      codec,
      missing_since: null,
    });
    expect(song!.duration_ms).toBeGreaterThanOrEqual(400);
    expect(song!.duration_ms).toBeLessThanOrEqual(1200);
    expect(song!.bitrate).toBeGreaterThan(0);
    expect(song!.sample_rate).toBe(file === 'opus.opus' ? 48000 : 8000);
  });

  it('reads what WAV (RIFF INFO) and WMA (ASF) can carry', async () => {
    const { store, admin, library, music } = await setup();
    copyFixtures(music, ['wav.wav', 'wma.wma']);
    await library.addRoots(admin, [music], { workers: 0 });
    expect(await songByFile(store, music, 'wav.wav')).toMatchObject({
      title: 'WAV Title', artist: 'WAV Artist', album: 'WAV Album', genre: 'WAV Genre', year: 2001, track_no: 3,
      codec: 'PCM', sample_rate: 8000, duration_ms: 500,
    });
    expect(await songByFile(store, music, 'wma.wma')).toMatchObject({
      title: 'WMA Title', artist: 'WMA Artist', album: 'WMA Album', album_artist: 'WMA Album Artist',
      genre: 'WMA Genre', track_no: 3, disc_no: 1, codec: 'Windows Media Audio V8', bitrate: 32000,
    });
  });

  it('falls back to the file name, the folder as album and Unknown Artist; keeps unicode tags and names', async () => {
    const { store, admin, library, music } = await setup();
    copyFixtures(music, ['no tags at all.mp3', 'adts.aac', 'Sigur Rós – Hoppípolla.mp3', '夜に駆ける.flac']);
    await library.addRoots(admin, [music], { workers: 0 });
    expect(await songByFile(store, music, 'no tags at all.mp3')).toMatchObject({
      // The library folder itself holds the file, so there is no artist folder above the album's.
      title: 'no tags at all', artist: 'Unknown Artist', album: basename(music), album_artist: null, genre: null, year: null,
    });
    const adts = await songByFile(store, music, 'adts.aac');
    expect(adts).toMatchObject({ title: 'adts', artist: 'Unknown Artist', codec: 'AAC' });
    expect(adts!.duration_ms).toBeGreaterThan(500);
    expect(await songByFile(store, music, 'Sigur Rós – Hoppípolla.mp3')).toMatchObject({
      title: 'Hoppípolla', artist: 'Sigur Rós', album: 'Takk…', genre: 'Post-Rock', year: 2005, track_no: 2,
    });
    expect(await songByFile(store, music, '夜に駆ける.flac')).toMatchObject({ title: '夜に駆ける', artist: 'YOASOBI' });
  });

  it('gives the same rows with worker threads as in-process', async () => {
    const { store, admin, library, music } = await setup();
    for (let i = 0; i < 6; i += 1) {
      mkdirSync(join(music, `copy ${i}`));
      copyFixtures(join(music, `copy ${i}`));
    }
    const { scan } = await library.addRoots(admin, [music], { workers: 2 });
    expect(scan).toMatchObject({ files: 6 * 21, added: 6 * 17, failed: 6 * 4 });
    const rows = await store.db.selectFrom('songs').select(['path', 'title', 'artist', 'duration_ms', 'codec']).execute();
    const first = rows.filter((r) => r.path.includes('/copy 0/')).map((r) => ({ ...r, path: r.path.replace('/copy 0/', '/') }));
    for (let i = 1; i < 6; i += 1) {
      const other = rows.filter((r) => r.path.includes(`/copy ${i}/`)).map((r) => ({ ...r, path: r.path.replace(`/copy ${i}/`, '/') }));
      expect(other.sort((a, b) => a.path.localeCompare(b.path))).toEqual(first.sort((a, b) => a.path.localeCompare(b.path)));
    }
    // Rows were written in batches while the walk went on; the search index must match them exactly.
    expect(() => store.sqlite.prepare("insert into songs_fts (songs_fts, rank) values ('integrity-check', 1)").run()).not.toThrow();
  });
});

describe('library scan: failures and odd files', () => {
  it('reports each bad file with its reason and goes on', async () => {
    const { admin, library, catalog, music } = await setup();
    copyFixtures(music);
    symlinkSync(join(music, 'nowhere.mp3'), join(music, 'dangling.mp3'));
    const { scan } = await library.addRoots(admin, [music], { workers: 0 });
    const reasons = Object.fromEntries(scan.failures.map((f) => [f.path.slice(music.length + 1), f.reason]));
    expect(Object.keys(reasons).sort()).toEqual([...BROKEN_FIXTURES, 'dangling.mp3'].sort());
    expect(reasons['zero-byte.mp3']).toBe('empty file');
    expect(reasons['not-audio.mp3']).toMatch(/not an audio file/);
    expect(reasons['corrupt.flac']).toMatch(/not an audio file|corrupt/);
    expect(reasons['truncated.m4a']).toMatch(/^cut short: /);
    expect(reasons['dangling.mp3']).toMatch(/broken link/);
    expect(scan).toMatchObject({ added: 17, failed: 5 });
    expect(await catalog.countSongs()).toBe(17);
  });

  it('follows symlinks without looping, skips hidden folders and files, handles odd names', async () => {
    const { store, admin, library, music } = await setup();
    mkdirSync(join(music, 'a'));
    copyFixtures(join(music, 'a'), ['flac.flac']);
    symlinkSync(music, join(music, 'a', 'loop'));
    const elsewhere = tempDir('tunes-elsewhere-');
    copyFixtures(elsewhere, ['opus.opus']);
    symlinkSync(elsewhere, join(music, 'linked'));
    mkdirSync(join(music, '.hidden'));
    copyFixtures(join(music, '.hidden'), ['wav.wav']);
    cpSync(join(FIXTURES_DIR, 'wav.wav'), join(music, '._wav.wav'));
    cpSync(join(FIXTURES_DIR, 'vorbis.ogg'), join(music, 'line\nbreak  and spaces ✓.ogg'));
    const { scan } = await library.addRoots(admin, [music], { workers: 0 });
    expect(scan).toMatchObject({ files: 3, added: 3, failed: 0 });
    const paths = (await store.db.selectFrom('songs').select('path').execute()).map((r) => r.path.slice(music.length + 1));
    expect(paths.sort()).toEqual(['a/flac.flac', 'line\nbreak  and spaces ✓.ogg', 'linked/opus.opus']);
  });
});

describe('library scan: folders that cannot be read', () => {
  it('keeps the songs of a library folder that vanished, and says so', async () => {
    const { admin, library, catalog } = await setup();
    const parent = tempDir('tunes-parent-');
    const music = join(parent, 'music');
    mkdirSync(music);
    copyFixtures(music, ['flac.flac', 'opus.opus']);
    await library.addRoots(admin, [music], { workers: 0 });
    rmSync(music, { recursive: true });
    const scan = await library.scan(admin, { workers: 0 });
    expect(scan).toMatchObject({ missing: 0, failed: 0, unavailable: [{ path: music, reason: 'is missing', kept: 2 }] });
    expect(await catalog.countSongs()).toBe(2);
  });

  // Root reads every folder whatever its mode, so this runs only as an ordinary user (as in CI).
  it.skipIf(process.getuid?.() === 0)('reports a folder without read permission and scans the rest', async () => {
    const { admin, library, music } = await setup();
    copyFixtures(music, ['flac.flac']);
    const locked = join(music, 'locked');
    mkdirSync(locked);
    copyFixtures(locked, ['opus.opus']);
    chmodSync(locked, 0o000);
    try {
      const { scan } = await library.addRoots(admin, [music], { workers: 0 });
      expect(scan).toMatchObject({ added: 1, failed: 1 });
      expect(scan.failures).toEqual([{ path: locked, reason: 'permission denied' }]);
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});

describe('library scan: incremental', () => {
  it('skips unchanged files, re-reads touched and changed ones, marks missing, restores, prunes', async () => {
    const { store, clock, admin, library, catalog, music } = await setup();
    copyFixtures(music, ['flac.flac', 'opus.opus', 'mp3-id3v24.mp3']);
    expect((await library.addRoots(admin, [music], { workers: 0 })).scan).toMatchObject({ added: 3 });
    const before = await songByFile(store, music, 'opus.opus');

    expect(await library.scan(admin, { workers: 0 })).toMatchObject({ added: 0, updated: 0, unchanged: 3, missing: 0 });

    utimesSync(join(music, 'flac.flac'), new Date('2026-02-01'), new Date('2026-02-01'));
    cpSync(join(FIXTURES_DIR, 'mp3-id3v23.mp3'), join(music, 'mp3-id3v24.mp3'));
    clock.advance(60_000);
    expect(await library.scan(admin, { workers: 0 })).toMatchObject({ updated: 2, unchanged: 1 });
    expect(await songByFile(store, music, 'mp3-id3v24.mp3')).toMatchObject({ title: 'MP3 v2.3 Title' });
    expect((await catalog.listSongs({ query: 'v2.4' })).songs).toHaveLength(0);

    renameSync(join(music, 'opus.opus'), join(tempDir(), 'opus.opus'));
    const gone = await library.scan(admin, { workers: 0 });
    expect(gone).toMatchObject({ missing: 1, unchanged: 2 });
    expect((await songByFile(store, music, 'opus.opus'))!.missing_since).toBe(clock.now().toISOString());
    expect((await catalog.listSongs({ query: 'opus' })).songs).toHaveLength(0);
    expect(await catalog.countSongs()).toBe(2);
    expect(await library.scan(admin, { workers: 0 })).toMatchObject({ missing: 0, unchanged: 2 });

    cpSync(join(FIXTURES_DIR, 'opus.opus'), join(music, 'opus.opus'));
    expect(await library.scan(admin, { workers: 0 })).toMatchObject({ restored: 1, missing: 0 });
    const back = await songByFile(store, music, 'opus.opus');
    expect(back).toMatchObject({ id: before!.id, missing_since: null });
    expect((await catalog.listSongs({ query: 'opus' })).songs.map((s) => s.id)).toEqual([before!.id]);

    rmSync(join(music, 'flac.flac'));
    await library.scan(admin, { workers: 0 });
    expect(await library.prune(admin)).toEqual({ deleted: 1 });
    expect(await songByFile(store, music, 'flac.flac')).toBeUndefined();
    expect(await library.prune(admin)).toEqual({ deleted: 0 });

    expect(await library.scan(admin, { workers: 0, full: true })).toMatchObject({ updated: 2, unchanged: 0 });
    // Every batch statement (upsert, mark missing, restore) kept the search index in step.
    expect(() => store.sqlite.prepare("insert into songs_fts (songs_fts, rank) values ('integrity-check', 1)").run()).not.toThrow();
  });

  it('keeps a renamed or moved file as the same song (its id, and so its likes and playlist places)', async () => {
    const { store, admin, library, music } = await setup();
    copyFixtures(music, ['flac.flac', 'opus.opus']);
    await library.addRoots(admin, [music], { workers: 0 });
    const before = await songByFile(store, music, 'opus.opus');
    store.sqlite.prepare('insert into likes (user_id, song_id, liked_at) values (?, ?, ?)').run(admin.id, before!.id, '2026-03-01T12:00:00Z');

    mkdirSync(join(music, 'Sigur Rós'));
    renameSync(join(music, 'opus.opus'), join(music, 'Sigur Rós', '01 - Opus Title.opus'));
    expect(await library.scan(admin, { workers: 0 })).toMatchObject({ moved: 1, added: 0, missing: 0, unchanged: 1 });
    const after = await songByFile(store, join(music, 'Sigur Rós'), '01 - Opus Title.opus');
    expect(after).toMatchObject({ id: before!.id, title: before!.title, missing_since: null });
    expect(await songByFile(store, music, 'opus.opus')).toBeUndefined();
    expect(store.sqlite.prepare('select song_id from likes').pluck().all()).toEqual([before!.id]);
    expect(store.sqlite.prepare('select count(*) from songs').pluck().get()).toBe(2);

    // Moved out of the library (marked missing), then back in under another name: still the same song.
    const outside = tempDir();
    renameSync(join(music, 'Sigur Rós', '01 - Opus Title.opus'), join(outside, 'x.opus'));
    expect(await library.scan(admin, { workers: 0 })).toMatchObject({ missing: 1 });
    renameSync(join(outside, 'x.opus'), join(music, 'back.opus'));
    expect(await library.scan(admin, { workers: 0 })).toMatchObject({ moved: 1, added: 0 });
    expect(await songByFile(store, music, 'back.opus')).toMatchObject({ id: before!.id, missing_since: null });

    // Two files that look the same (size and time) both renamed: each keeps its song, told apart by its inode.
    cpSync(join(FIXTURES_DIR, 'flac.flac'), join(music, 'twin.flac'));
    for (const name of ['flac.flac', 'twin.flac']) utimesSync(join(music, name), new Date('2026-01-01'), new Date('2026-01-01'));
    await library.scan(admin, { workers: 0 });
    const flac = (await songByFile(store, music, 'flac.flac'))!.id;
    const twin = (await songByFile(store, music, 'twin.flac'))!.id;
    renameSync(join(music, 'flac.flac'), join(music, 'a.flac'));
    renameSync(join(music, 'twin.flac'), join(music, 'b.flac'));
    expect(await library.scan(admin, { workers: 0 })).toMatchObject({ moved: 2, added: 0, missing: 0 });
    expect((await songByFile(store, music, 'a.flac'))!.id).toBe(flac);
    expect((await songByFile(store, music, 'b.flac'))!.id).toBe(twin);

    // Copied (new inodes, times kept) and the originals deleted: no way to tell which is which, no guessing.
    // (Both copied before either is deleted: a freed inode could be given to the second copy.)
    for (const [from, to] of [['a.flac', 'c.flac'], ['b.flac', 'd.flac']] as const) cpSync(join(music, from), join(music, to), { preserveTimestamps: true });
    for (const name of ['a.flac', 'b.flac']) rmSync(join(music, name));
    expect(await library.scan(admin, { workers: 0 })).toMatchObject({ moved: 0, added: 2, missing: 2 });
    expect(() => store.sqlite.prepare("insert into songs_fts (songs_fts, rank) values ('integrity-check', 1)").run()).not.toThrow();
  });

  it('marks the songs of a removed folder missing, and lists folders with song counts', async () => {
    const { admin, library, catalog } = await setup();
    const one = tempDir('tunes-one-');
    const two = tempDir('tunes-two-');
    copyFixtures(one, ['flac.flac', 'opus.opus']);
    copyFixtures(two, ['wav.wav']);
    await library.addRoots(admin, [one, two], { workers: 0 });
    expect((await library.listRoots(admin)).map((r) => r.song_count).sort()).toEqual([1, 2]);
    expect(await library.removeRoot(admin, one)).toMatchObject({ marked_missing: 2 });
    expect(await catalog.countSongs()).toBe(1);
    await expect(library.removeRoot(admin, one)).rejects.toMatchObject({ code: 'not_found' });
    expect(await library.scan(admin, { workers: 0 })).toMatchObject({ unchanged: 1, missing: 0 });
  });

  it('lets only an admin manage the library and rejects folders that do not exist', async () => {
    const { admin, user, library, music } = await setup();
    await expect(library.addRoots(user, [music])).rejects.toMatchObject({ code: 'forbidden' });
    await expect(library.scan(user)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(library.listRoots(user)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(library.prune(user)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(library.removeRoot(user, music)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(library.addRoots(admin, [join(music, 'nope')])).rejects.toMatchObject({ code: 'io' });
    writeFileSync(join(music, 'file.txt'), 'x');
    await expect(library.addRoots(admin, [join(music, 'file.txt')])).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(library.scan(admin)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
