import { spawn } from 'node:child_process';
import { copyFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliLibrary } from '../helpers/cli-library.js';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

/** runTunes for input larger than tunes reads: it stops reading, so writing the rest fails (EPIPE) here. */
function runWithInput(args: string[], home: string, input: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TUNES_BIN, ...args], { env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home) }, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.on('error', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
    child.stdin.end(input);
  });
}

describe('tunes playlist import of things that are not playlists', () => {
  it('says an audio file, a binary file, a folder or a huge file is not a playlist (exit 2), and creates nothing', async () => {
    const dir = tempDir('tunes-lists-');
    const { home } = await cliLibrary(['alice'], [{ path: join(dir, 'song.mp3'), title: 'Song' }]);
    copyFileSync(join(FIXTURES_DIR, 'mp3-id3v24.mp3'), join(dir, 'some.mp3'));
    copyFileSync(join(FIXTURES_DIR, 'flac.flac'), join(dir, 'sneaky.m3u'));
    const huge = join(dir, 'huge.m3u8');
    writeFileSync(huge, '');
    truncateSync(huge, 40 * 1024 * 1024);

    const cases: Array<[string[], string]> = [
      [['playlist', 'import', join(dir, 'some.mp3')], 'tunes: some.mp3 is an audio file, not a playlist file (M3U/M3U8, XSPF or tunes JSON)\n'],
      [['playlist', 'import', join(dir, 'sneaky.m3u')], 'tunes: sneaky.m3u is not a playlist file (M3U/M3U8, XSPF or tunes JSON): it holds binary data\n'],
      [['playlist', 'import', dir], `tunes: ${dir} is a folder, not a playlist file\n`],
      [['playlist', 'import', huge], `tunes: ${huge} is too large for a playlist file (at most 32 MB)\n`],
    ];
    for (const [args, stderr] of cases) {
      const result = await runTunes(args, { home });
      expect([result.code, result.stderr, result.stdout], args.at(-1)).toEqual([2, stderr, '']);
    }
    const stdin = await runWithInput(['playlist', 'import', '-', '--name', 'big'], home, '#'.repeat(33 * 1024 * 1024));
    expect([stdin.code, stdin.stderr]).toEqual([2, 'tunes: standard input is too large for a playlist file (at most 32 MB)\n']);
    expect(JSON.parse((await runTunes(['playlist', 'list', '--no-built-ins', '--json'], { home })).stdout)).toEqual([]);
  });

  it('refuses XSPF with a bad character reference (exit 2), naming where it is', async () => {
    const dir = tempDir('tunes-lists-');
    const { home } = await cliLibrary(['alice'], [{ path: join(dir, 'song.mp3'), title: 'Song' }]);
    const file = join(dir, 'bad.xspf');
    writeFileSync(file, '<playlist xmlns="http://xspf.org/ns/0/"><title>Bad &#0; ref</title><trackList><track><location>song.mp3</location></track></trackList></playlist>');
    const result = await runTunes(['playlist', 'import', file], { home });
    expect([result.code, result.stderr]).toEqual([2, 'tunes: not a valid XSPF file: 1:55: malformed character entity\n']);
    writeFileSync(file, '<playlist xmlns="http://xspf.org/ns/0/"><title>Good &#233;</title><trackList><track><location>song.mp3</location></track></trackList></playlist>');
    const good = await runTunes(['playlist', 'import', file], { home });
    expect([good.code, good.stdout]).toEqual([0, expect.stringMatching(/^Imported "Good é" \(id \d+\): 1 of 1 entry matched\n$/)]);
  });
});
