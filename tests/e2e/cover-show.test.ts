import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALBUM_FIXTURES } from '../helpers/album-library.js';
import { registerUser, runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { TmuxTerminal } from '../helpers/tmux.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

const terminals: TmuxTerminal[] = [];
afterEach(() => {
  for (const terminal of terminals.splice(0)) terminal.kill();
});

async function coverHome() {
  const home = tempDir();
  await registerUser(home, 'alice');
  cpSync(ALBUM_FIXTURES, join(home, 'Music'), { recursive: true });
  expect((await runTunes(['library', 'add', join(home, 'Music')], { home })).code).toBe(0);
  const albums = JSON.parse((await runTunes(['albums', '--json'], { home })).stdout) as Array<{ id: number; has_cover: boolean }>;
  return { home, albumId: String(albums.find((a) => a.has_cover)!.id) };
}

describe('tunes cover --show', { timeout: 120_000 }, () => {
  it('draws the cover as colour half blocks inside tmux, 24 columns by 12 lines', async () => {
    const { home, albumId } = await coverHome();
    const term = TmuxTerminal.start('tunes-cover', {
      columns: 80, rows: 24, cwd: home,
      env: { TUNES_HOME: home, ...homeDatabaseEnv(home), TERM: 'tmux-256color', TMUX: 'test', PATH: process.env['PATH'] ?? '' },
    });
    terminals.push(term);
    await term.waitFor((s) => s.includes('$'), 'shell prompt');
    await term.type(`${process.execPath} ${TUNES_BIN} cover --show --album ${albumId}`, { key: 'Enter' });
    const screen = await term.waitFor((s) => s.split('\n').filter((l) => l.startsWith('▀'.repeat(24))).length === 12, 'the cover');
    expect(screen.split('\n').filter((l) => l.includes('▀'))).toHaveLength(12);
    expect(term.screenWithEscapes()).toMatch(/\x1b\[[0-9;]*48;5;\d+m/);
  });

  it('gives kitty its graphics escape, says no under NO_COLOR', async () => {
    const { home, albumId } = await coverHome();
    const kitty = await runTunes(['cover', '--show', '--album', albumId], { home, env: { TERM: 'xterm-kitty', NO_COLOR: undefined } });
    expect(kitty.code).toBe(0);
    expect(kitty.stdout).toMatch(/^\x1b_Ga=T,f=100,q=2,c=24,r=12,m=[01];/);
    const mono = await runTunes(['cover', '--show', '--album', albumId], { home, env: { TERM: 'xterm-256color', NO_COLOR: '1' } });
    expect(mono.code).toBe(2);
    expect(mono.stderr).toContain('shows no colour');
  });

  it('follows the cover-art setting: sixel (24x12 cells of 10x20 pixels), off', async () => {
    const { home, albumId } = await coverHome();
    expect((await runTunes(['config', 'set', 'cover-art', 'sixel'], { home })).code).toBe(0);
    const sixel = await runTunes(['cover', '--show', '--album', albumId], { home, env: { TERM: 'xterm-256color', NO_COLOR: undefined } });
    expect(sixel.code).toBe(0);
    expect(sixel.stdout).toMatch(/^\x1bP0;1;0q"1;1;240;240(#\d+;2;\d+;\d+;\d+)+#\d+[?-~!\d#$-]+\x1b\\\n$/);
    expect((await runTunes(['config', 'set', 'cover-art', 'off'], { home })).code).toBe(0);
    const off = await runTunes(['cover', '--show', '--album', albumId], { home, env: { TERM: 'xterm-kitty', NO_COLOR: undefined } });
    expect(off.code).toBe(2);
    expect(off.stderr).toContain('cover-art off');
  });
});
