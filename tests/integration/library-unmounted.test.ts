import { chmodSync, cpSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindMount, canMount, MOUNT_SKIP_REASON, mountTmpfs, unmount } from '../helpers/mounts.js';
import { copyFixtures } from '../helpers/fixtures.js';
import { attachments, sqliteLibraryHarness, songCount, songIdAt } from '../helpers/library-harness.js';
import { tempDir } from '../helpers/temp-dir.js';

const FILES = ['flac.flac', 'opus.opus', 'wav.wav'];

/** Puts the same files (same sizes and times) into `dir` every time: a disk with the music on it. */
function fillDisk(dir: string, source: string): void {
  for (const name of readdirSync(source)) cpSync(join(source, name), join(dir, name), { preserveTimestamps: true });
}

async function likedAndListed(h: Awaited<ReturnType<typeof sqliteLibraryHarness>>, dir: string) {
  const id = await songIdAt(h.store, dir, 'opus.opus');
  await h.likes.like(h.listener.id, [id]);
  const road = await h.playlists.create(h.listener.id, 'Road');
  await h.playlists.addSongs(h.listener.id, { id: road.id }, [id, await songIdAt(h.store, dir, 'flac.flac')]);
  return attachments(h.store);
}

describe('library scan: a library folder that looks unmounted', () => {
  it('keeps every song of a folder moved away, and they come back untouched', async () => {
    const h = await sqliteLibraryHarness();
    const music = join(tempDir('tunes-parent-'), 'music');
    mkdirSync(music);
    copyFixtures(music, FILES);
    await h.library.addRoots(h.admin, [music], { workers: 0 });
    const ids = h.store.sqlite.prepare('select id from songs order by id').pluck().all();
    const before = await likedAndListed(h, music);

    renameSync(music, `${music}.away`);
    const away = await h.library.scan(h.admin, { workers: 0 });
    expect(away).toMatchObject({ missing: 0, unavailable: [{ path: music, reason: 'is missing', kept: 3 }] });
    expect(await h.catalog.countSongs()).toBe(3);
    expect(await h.library.prune(h.admin)).toEqual({ deleted: 0 });

    renameSync(`${music}.away`, music);
    expect(await h.library.scan(h.admin, { workers: 0 })).toMatchObject({ unchanged: 3, added: 0, missing: 0, unavailable: [] });
    expect(h.store.sqlite.prepare('select id from songs order by id').pluck().all()).toEqual(ids);
    expect(attachments(h.store)).toEqual(before);
  });

  it('keeps the songs of a folder that is suddenly empty, and scans the other folders', async () => {
    const h = await sqliteLibraryHarness();
    const other = tempDir('tunes-other-');
    copyFixtures(h.music, FILES);
    await h.library.addRoots(h.admin, [h.music, other], { workers: 0 });
    const before = await likedAndListed(h, h.music);
    const aside = tempDir('tunes-aside-');
    for (const name of FILES) renameSync(join(h.music, name), join(aside, name));
    copyFixtures(other, ['vorbis.ogg']);

    const scan = await h.library.scan(h.admin, { workers: 0 });
    expect(scan).toMatchObject({ added: 1, missing: 0, unavailable: [{ path: h.music, reason: 'is empty', kept: 3 }] });
    expect(await h.catalog.countSongs()).toBe(4);
    for (const name of FILES) renameSync(join(aside, name), join(h.music, name));
    expect(await h.library.scan(h.admin, { workers: 0 })).toMatchObject({ unchanged: 4, unavailable: [] });
    expect(attachments(h.store)).toEqual(before);
  });

  // Root reads every folder whatever its mode, so this runs only as an ordinary user.
  it.skipIf(process.getuid?.() === 0)('keeps the songs of a folder it may not read', async () => {
    const h = await sqliteLibraryHarness();
    copyFixtures(h.music, FILES);
    await h.library.addRoots(h.admin, [h.music], { workers: 0 });
    chmodSync(h.music, 0o000);
    try {
      const scan = await h.library.scan(h.admin, { workers: 0 });
      expect(scan).toMatchObject({ missing: 0, unavailable: [{ path: h.music, reason: 'cannot be read (permission denied)', kept: 3 }] });
    } finally {
      chmodSync(h.music, 0o755);
    }
  });
});

describe.skipIf(!canMount)(`library scan: disks that are not mounted (${MOUNT_SKIP_REASON})`, () => {
  it('keeps the songs of an unmounted disk, also once something is written to its empty mount point', async () => {
    const h = await sqliteLibraryHarness();
    const disk = tempDir('tunes-disk-');
    copyFixtures(disk, FILES);
    const mountPoint = join(tempDir('tunes-mnt-'), 'usb');
    mkdirSync(mountPoint);
    mountTmpfs(mountPoint);
    fillDisk(mountPoint, disk);
    await h.library.addRoots(h.admin, [mountPoint], { workers: 0 });
    const ids = h.store.sqlite.prepare('select id from songs order by id').pluck().all();
    const before = await likedAndListed(h, mountPoint);

    unmount(mountPoint);
    expect(await h.library.scan(h.admin, { workers: 0 })).toMatchObject({
      missing: 0, unavailable: [{ path: mountPoint, reason: 'is empty', kept: 3 }],
    });
    // Something saved into the mount point while the disk was away: that file is there, the rest is not gone.
    copyFixtures(mountPoint, ['vorbis.ogg']);
    expect(await h.library.scan(h.admin, { workers: 0 })).toMatchObject({
      added: 1, missing: 0, unavailable: [{ path: mountPoint, reason: 'is not the disk its songs were on', kept: 3 }],
    });
    expect(await h.catalog.countSongs()).toBe(4);

    mountTmpfs(mountPoint); // mounted again: the same files, a new device number
    fillDisk(mountPoint, disk);
    expect(await h.library.scan(h.admin, { workers: 0 })).toMatchObject({ unchanged: 3, missing: 1, unavailable: [] });
    expect(h.store.sqlite.prepare('select id from songs where missing_since is null order by id').pluck().all()).toEqual(ids);
    expect(attachments(h.store)).toEqual(before);
    unmount(mountPoint);
  });

  it('keeps the songs of a disk mounted inside a library folder while it is away', async () => {
    const h = await sqliteLibraryHarness();
    const disk = tempDir('tunes-disk-');
    copyFixtures(disk, FILES);
    copyFixtures(h.music, ['vorbis.ogg']);
    const nas = join(h.music, 'nas');
    mkdirSync(nas);
    mountTmpfs(nas);
    fillDisk(nas, disk);
    await h.library.addRoots(h.admin, [h.music], { workers: 0 });
    const before = await likedAndListed(h, nas);

    unmount(nas);
    expect(await h.library.scan(h.admin, { workers: 0 })).toMatchObject({
      unchanged: 1, missing: 0, unavailable: [{ path: nas, reason: 'is not the disk its songs were on', kept: 3 }],
    });
    mountTmpfs(nas);
    fillDisk(nas, disk);
    expect(await h.library.scan(h.admin, { workers: 0 })).toMatchObject({ unchanged: 4, missing: 0, unavailable: [] });
    expect(attachments(h.store)).toEqual(before);
    unmount(nas);
  });

  it('adds nothing for a bind mount of a library folder added as another folder, and merges older copies', async () => {
    const h = await sqliteLibraryHarness();
    copyFixtures(h.music, FILES);
    await h.library.addRoots(h.admin, [h.music], { workers: 0 });
    const before = await likedAndListed(h, h.music);
    const bound = tempDir('tunes-bound-');
    bindMount(h.music, bound);
    // Added as such: it is that library folder already.
    expect(await h.library.addRoots(h.admin, [bound], { workers: 0 })).toMatchObject({ already_in_library: [h.music], scan: { added: 0 } });
    expect((await h.library.listRoots(h.admin)).map((r) => r.path)).toEqual([h.music]);
    expect(songCount(h.store)).toBe(3);
    expect(await h.library.scan(h.admin, { workers: 0 })).toMatchObject({ unchanged: 3, missing: 0, merged: 0, unavailable: [] });

    // What the scanner before file identities did with the second folder: a song per path.
    h.store.sqlite
      .prepare(`insert into songs (path, title, artist, album, size, mtime_ms, added_at)
        select replace(path, ?, ?), title, artist, album, size, mtime_ms, added_at from songs`)
      .run(`${h.music}/`, `${bound}/`);
    const copy = await songIdAt(h.store, bound, 'wav.wav');
    await h.likes.like(h.admin.id, [copy]);
    expect(await h.library.scan(h.admin, { workers: 0 })).toMatchObject({ merged: 3, missing: 0 });
    expect(songCount(h.store)).toBe(3);
    const wav = await songIdAt(h.store, h.music, 'wav.wav');
    expect(attachments(h.store)).toEqual({
      ...before,
      likes: [...before.likes, { user_id: h.admin.id, song_id: wav, liked_at: '2026-03-01T12:00:00.000Z' }].sort(
        (a, b) => (a as { user_id: number }).user_id - (b as { user_id: number }).user_id,
      ),
    });

    // A folder inside it, added through the bind mount: its files are known already.
    mkdirSync(join(h.music, 'inner'));
    cpSync(join(h.music, 'wav.wav'), join(h.music, 'inner', 'copy.wav'));
    await h.library.scan(h.admin, { workers: 0 });
    expect((await h.library.addRoots(h.admin, [join(bound, 'inner')], { workers: 0 })).scan).toMatchObject({ files: 1, duplicates: 1, added: 0 });
    expect(songCount(h.store)).toBe(4);
    unmount(bound);
  });
});
