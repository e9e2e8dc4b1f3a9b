import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixtures } from '../helpers/fixtures.js';
import { registerUser, runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

interface Watch {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const running: Watch[] = [];
afterEach(() => {
  for (const watch of running.splice(0)) if (watch.child.exitCode === null) watch.child.kill('SIGKILL');
});

function startWatch(home: string, args = ['library', 'watch']): Watch {
  const child = spawn(process.execPath, [TUNES_BIN, ...args], {
    env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const watch = { child, stdout: () => stdout, stderr: () => stderr, exited };
  running.push(watch);
  return watch;
}

async function until(what: () => boolean): Promise<void> {
  while (!what()) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** A home with an admin and a library folder holding one album, scanned. */
async function watchedLibrary(): Promise<{ home: string; music: string; db: BetterSqlite3.Database }> {
  const home = tempDir();
  const music = tempDir('tunes-music-');
  mkdirSync(join(music, 'First Album'));
  copyFixtures(join(music, 'First Album'), ['opus.opus', 'wav.wav']);
  await registerUser(home, 'admin');
  expect((await runTunes(['library', 'add', music], { home })).code).toBe(0);
  return { home, music, db: new BetterSqlite3(join(home, 'tunes.db'), { readonly: true }) };
}

describe('tunes library watch', () => {
  it('sees an album folder copied in, a file renamed and a file deleted, and stops on Ctrl-C with exit 0', async () => {
    const { home, music, db } = await watchedLibrary();
    const watch = startWatch(home);
    await until(() => watch.stdout().includes('Full check: '));
    expect(watch.stderr()).toContain('tunes library watch: watching 1 library folder for changes (Ctrl-C to stop)');

    const present = (path: string) =>
      db.prepare('select id from songs where path = ? and missing_since is null').pluck().get(path) as number | undefined;

    // An album folder copied in, files and all.
    const staging = tempDir('tunes-staging-');
    copyFixtures(staging, ['flac.flac', 'mp3-id3v24.mp3', 'vorbis.ogg']);
    const album = join(music, 'Copied Album');
    cpSync(staging, album, { recursive: true });
    await until(() => ['flac.flac', 'mp3-id3v24.mp3', 'vorbis.ogg'].every((name) => present(join(album, name)) !== undefined));

    // A file renamed keeps its song (its id, so its likes and playlist places).
    const before = present(join(album, 'flac.flac'))!;
    renameSync(join(album, 'flac.flac'), join(album, 'renamed.flac'));
    // (The scan writes the new path's row first and settles the move at its end: wait for the end.)
    await until(() => watch.stdout().includes('1 moved'));
    expect(present(join(album, 'renamed.flac')), watch.stdout()).toBe(before);
    expect(db.prepare('select count(*) from songs where path = ?').pluck().get(join(album, 'flac.flac'))).toBe(0);

    // A file deleted is marked missing; its neighbours stay.
    unlinkSync(join(album, 'vorbis.ogg'));
    await until(() => db.prepare('select missing_since from songs where path = ?').pluck().get(join(album, 'vorbis.ogg')) !== null);
    expect(present(join(album, 'mp3-id3v24.mp3'))).toBeDefined();
    expect(present(join(music, 'First Album', 'opus.opus'))).toBeDefined();
    expect(watch.stdout()).toContain(`${album}: Scanned `);

    // A whole album folder deleted: its songs are marked missing (the folder above is scanned).
    rmSync(join(music, 'First Album'), { recursive: true });
    await until(() => present(join(music, 'First Album', 'opus.opus')) === undefined && present(join(music, 'First Album', 'wav.wav')) === undefined);
    expect(db.prepare('select count(*) from songs where missing_since is not null').pluck().get()).toBe(3);

    watch.child.kill('SIGINT');
    expect(await watch.exited).toBe(0);
    expect(watch.stderr()).toContain('tunes library watch: SIGINT, stopping');
    db.close();
  });

  it('refuses a scan (and a second watch) while it runs, exit 6; the lock goes with the watch, even a killed one', async () => {
    const { home, music, db } = await watchedLibrary();
    db.close();
    const watch = startWatch(home);
    await until(() => watch.stdout().includes('Full check: '));

    const scan = await runTunes(['library', 'scan', '--json'], { home });
    expect(scan.code).toBe(6);
    expect(JSON.parse(scan.stderr)).toEqual({
      error: { code: 'unavailable', message: 'a scan is running: another tunes is scanning or watching this library' },
    });
    const add = await runTunes(['library', 'add', music], { home });
    expect(add.code).toBe(6);
    expect(add.stderr).toContain('a scan is running');
    const second = await runTunes(['library', 'watch'], { home });
    expect(second.code).toBe(6);
    expect(second.stderr).toContain('a scan is running');

    watch.child.kill('SIGKILL');
    await watch.exited;
    const after = await runTunes(['library', 'scan', '--json'], { home });
    expect(after.code, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({ unchanged: 2 });
  });

  it('tunes serve --watch keeps the library up to date while serving, taking the scan lock only while it scans', async () => {
    const { home, music, db } = await watchedLibrary();
    const serve = startWatch(home, ['serve', '--port', '0', '--watch']);
    await until(() => serve.stderr().includes('tunes serve: listening on ') && serve.stdout().includes('Full check: '));
    // Between its scans a scan elsewhere runs (a long-lived server must not lock the admin out of scanning).
    const scan = await runTunes(['library', 'scan'], { home });
    expect(scan.code, scan.stderr).toBe(0);

    copyFixtures(join(music, 'First Album'), ['flac.flac']);
    const path = join(music, 'First Album', 'flac.flac');
    await until(() => db.prepare('select count(*) from songs where path = ? and missing_since is null').pluck().get(path) === 1);

    serve.child.kill('SIGINT');
    expect(await serve.exited).toBe(0);
    expect(serve.stderr()).toContain('tunes serve: stopped');
    expect((await runTunes(['library', 'scan'], { home })).code).toBe(0);
    db.close();
  });
});
