import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { registerUser, runTunes, stopPlayer, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { TmuxTerminal } from '../helpers/tmux.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

const LYRICS_FIXTURES = fileURLToPath(new URL('../fixtures/lyrics', import.meta.url));
const terminals: TmuxTerminal[] = [];
const homes: string[] = [];
afterEach(async () => {
  for (const terminal of terminals.splice(0)) terminal.kill();
  for (const home of homes.splice(0)) await stopPlayer(home);
});

async function openWithLyrics() {
  const home = tempDir();
  homes.push(home);
  cpSync(LYRICS_FIXTURES, join(home, 'music'), { recursive: true });
  await registerUser(home, 'alice');
  expect((await runTunes(['library', 'add', join(home, 'music')], { home })).code).toBe(0);
  const term = TmuxTerminal.start('tunes-lyrics', {
    columns: 100, rows: 30, cwd: home,
    env: { TUNES_HOME: home, ...homeDatabaseEnv(home), TUNES_AUDIO_OUTPUT: 'null', TERM: 'xterm-256color', CI: 'true', PATH: process.env['PATH'] ?? '' },
  });
  terminals.push(term);
  await term.waitFor((s) => s.includes('$'), 'shell prompt');
  await term.type(`${process.execPath} ${TUNES_BIN}`, { key: 'Enter' });
  await term.waitFor((s) => s.includes('Sidecar Song'), 'the song list');
  return { home, term };
}

describe('the lyrics and info panes', { timeout: 180_000 }, () => {
  it('the lyrics pane follows the song playing, current line marked; Esc closes it', async () => {
    const { home, term } = await openWithLyrics();
    await term.type('y');
    await term.waitFor((s) => s.includes('nothing is playing'), 'nothing playing yet');
    expect((await runTunes(['play', 'sidecar', '-b'], { home })).code).toBe(0);
    await term.waitFor((s) => s.includes('Lyrics · Sidecar Song — Lyric Band') && s.includes('› First line'), 'the first line');
    const second = await term.waitFor((s) => s.includes('› Second line'), 'the second line, on time');
    expect(second).not.toContain('› First line');
    await term.waitFor((s) => s.includes('› Chorus line'), 'the chorus');
    await term.type({ key: 'Escape' });
    await term.waitFor((s) => !s.includes('Lyrics ·') && s.includes('Artists'), 'the list again');
  });

  it('says plainly when a song has no lyrics, and i tells everything about the selected song', async () => {
    const { home, term } = await openWithLyrics();
    expect((await runTunes(['play', 'no lyrics', '-b'], { home })).code).toBe(0);
    await term.type('y');
    await term.waitFor((s) => s.includes('no lyrics for this song'), 'no lyrics');
    await term.type({ key: 'Escape' });
    await term.type('i');
    const info = await term.waitFor((s) => s.includes('Song info') && s.includes('Sample rate'), 'the info pane');
    expect(info).toMatch(/File\s+\S*music\/sidecar\.mp3/);
    expect(info).toMatch(/Bitrate\s+32 kb\/s/);
    expect(info).toMatch(/Plays\s+0/);
  });
});
