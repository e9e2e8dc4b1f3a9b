import { afterEach, describe, expect, it } from 'vitest';
import { registerUser, runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { TmuxTerminal } from '../helpers/tmux.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

const terminals: TmuxTerminal[] = [];
afterEach(() => {
  for (const terminal of terminals.splice(0)) terminal.kill();
});

/** The browser's first screen (an empty library, for an admin) drawn with `theme`; its SGR colour codes. */
async function colours(home: string, theme: string, env: Record<string, string> = {}): Promise<string[]> {
  expect((await runTunes(['config', 'set', 'theme', theme], { home })).code).toBe(0);
  const term = TmuxTerminal.start('tunes-theme', {
    columns: 90,
    rows: 20,
    cwd: home,
    env: { TUNES_HOME: home, ...homeDatabaseEnv(home), TUNES_AUDIO_OUTPUT: 'null', TERM: 'xterm-256color', CI: 'true', PATH: process.env['PATH'] ?? '', ...env },
  });
  terminals.push(term);
  await term.type(`${process.execPath} ${TUNES_BIN}`, { key: 'Enter' });
  await term.waitFor((s) => s.includes('Your music library is empty.'), 'first screen');
  const codes = [...term.screenWithEscapes().matchAll(/\u001b\[([\d;]*)m/g)].flatMap((m) => m[1]!.split(';'));
  term.send('q');
  await term.waitFor((s) => !s.includes('Your music library is empty.'), 'quit');
  return codes;
}

describe('the theme setting in the browser', { timeout: 120_000 }, () => {
  it('dark uses cyan accents, light blue ones, mono none, and a chosen theme wins over NO_COLOR', async () => {
    const home = tempDir();
    await registerUser(home, 'alice');
    const dark = await colours(home, 'dark');
    expect(dark).toContain('36');
    expect(dark).not.toContain('34');
    const light = await colours(home, 'light', { NO_COLOR: '1' });
    expect(light).toContain('34');
    expect(light).not.toContain('36');
    const mono = await colours(home, 'mono');
    expect(mono.filter((code) => /^(3[0-7]|9[0-7])$/.test(code))).toEqual([]);
    const auto = await colours(home, 'auto', { NO_COLOR: '1' });
    expect(auto.filter((code) => /^(3[0-7]|9[0-7])$/.test(code))).toEqual([]);
  });
});
