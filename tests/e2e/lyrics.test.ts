import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registerUser, runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

const LYRICS_FIXTURES = fileURLToPath(new URL('../fixtures/lyrics', import.meta.url));

async function lyricsHome() {
  const home = tempDir();
  await registerUser(home, 'alice');
  const music = join(home, 'Music');
  cpSync(LYRICS_FIXTURES, music, { recursive: true });
  expect((await runTunes(['library', 'add', music], { home })).code).toBe(0);
  const songs = JSON.parse((await runTunes(['songs', '--json', '--limit', '50'], { home })).stdout) as Array<{ id: number; title: string }>;
  const idOf = (title: string) => String(songs.find((s) => s.title === title)!.id);
  return { home, idOf };
}

/** Runs `tunes ARGS` until its output holds `until`, then interrupts it; resolves with what it printed. */
function runUntil(home: string, args: string[], until: (out: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TUNES_BIN, ...args], {
      env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home), TUNES_AUDIO_OUTPUT: 'null', NO_COLOR: '1', DBUS_SESSION_BUS_ADDRESS: undefined },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (until(out)) child.kill('SIGINT');
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${out}`))));
  });
}

describe('tunes lyrics', () => {
  it('prints synced lines with their times, unsynced lines as they are, and says when there are none', async () => {
    const { home, idOf } = await lyricsHome();
    expect(await runTunes(['lyrics', idOf('Sidecar Song')], { home })).toEqual({
      code: 0,
      stdout: '[0:00.50] First line\n[0:02.00] Second line\n[0:04.00] Chorus line\n[0:06.00] Chorus line\n',
      stderr: '',
    });
    expect((await runTunes(['lyrics', idOf('Embedded Plain')], { home })).stdout).toBe('Plain one\nPlain two\n');
    expect((await runTunes(['lyrics', idOf('No Lyrics')], { home })).stdout).toBe(`no lyrics for song ${idOf('No Lyrics')}\n`);
    const json = JSON.parse((await runTunes(['lyrics', idOf('SYLT Song'), '--json'], { home })).stdout);
    expect(json).toEqual({
      song_id: Number(idOf('SYLT Song')), source: 'sylt', synced: true, language: 'eng', tags: {},
      lines: [{ start_ms: 500, text: 'Synced first' }, { start_ms: 1500, text: 'Synced second' }, { start_ms: 2500, text: 'Synced third' }],
    });
  });

  it('gives clear errors: no such song (4), a bad id (2), nothing playing (4)', async () => {
    const { home } = await lyricsHome();
    expect(await runTunes(['lyrics', '9999'], { home })).toMatchObject({ code: 4, stderr: 'tunes: no song with id 9999\n' });
    expect((await runTunes(['lyrics', 'abc'], { home })).code).toBe(2);
    expect((await runTunes(['lyrics'], { home })).code).toBe(4);
    expect((await runTunes(['lyrics', '1', '--follow'], { home })).code).toBe(2);
  });

  it('without an id reads the song playing, and --follow prints each line as the song reaches it', async () => {
    const { home } = await lyricsHome();
    const following = runUntil(home, ['lyrics', '--follow'], (out) => out.split('Chorus line').length === 3);
    expect((await runTunes(['play', 'sidecar', '-b'], { home })).code).toBe(0);
    expect(await following).toBe('♪ Sidecar Song — Lyric Band\nFirst line\nSecond line\nChorus line\nChorus line\n');
    expect((await runTunes(['lyrics'], { home })).stdout).toContain('[0:02.00] Second line');
  });
});
