import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTone } from '../fixtures/playback/make-audio.js';
import { cliLibrary } from '../helpers/cli-library.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { registerUser, runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

describe('files that are not regular files, and lengths that cannot be true', () => {
  it('tunes play skips a song whose file became a FIFO instead of hanging on it', async () => {
    const dir = tempDir();
    const path = makeTone(dir, 'gone', { seconds: 0.5, frequency: 330 });
    const { home } = await cliLibrary(['alice'], [
      { title: 'Gone', artist: 'A', path, duration_ms: 500 },
      { title: 'Here', artist: 'B', path: makeTone(dir, 'here', { seconds: 0.5, frequency: 440 }), duration_ms: 500 },
    ]);
    rmSync(path);
    mkfifo(path);
    const result = await runTunes(['play'], { home });
    expect(result.stderr).toContain(`tunes: warning: cannot play "Gone" (${path}): not a regular file (a pipe, a device or a folder); skipping it`);
    expect(result.stdout).toBe('2/2 B - Here (0:01)\n');
    expect(result.code).toBe(0);
  });

  it('a scan skips FIFOs and devices named like audio, and stores no absurd length from a corrupt header', async () => {
    const home = tempDir();
    const music = tempDir('tunes-music-');
    mkfifo(join(music, 'pipe.mp3'));
    symlinkSync('/dev/zero', join(music, 'zero.flac'));
    // A 5 KB MP3 whose Xing header claims 2^31 frames (4.9 years).
    const bytes = readFileSync(join(FIXTURES_DIR, 'mp3-id3v24.mp3'));
    const xing = Math.max(bytes.indexOf('Info'), bytes.indexOf('Xing'));
    bytes.writeUInt32BE(0x7fffffff, xing + 8);
    writeFileSync(join(music, 'absurd.mp3'), bytes);
    copyFileSync(join(FIXTURES_DIR, 'flac.flac'), join(music, 'fine.flac'));
    await registerUser(home, 'admin');
    const added = await runTunes(['library', 'add', music, '--json'], { home });
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ scan: { added: 2, failed: 0 } });
    const songs = JSON.parse((await runTunes(['songs', '--json'], { home })).stdout) as Array<{ path: string; duration_ms: number | null }>;
    const byName = Object.fromEntries(songs.map((s) => [s.path.slice(music.length + 1), s.duration_ms]));
    expect(byName).toEqual({ 'absurd.mp3': null, 'fine.flac': expect.any(Number) });
    expect(byName['fine.flac']).toBeGreaterThan(900);
  });
});
