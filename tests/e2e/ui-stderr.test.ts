import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerUser, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { TmuxTerminal } from '../helpers/tmux.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

const terminals: TmuxTerminal[] = [];
afterEach(() => {
  for (const terminal of terminals.splice(0)) terminal.kill();
});

describe('tunes (interactive) with stderr sent to a file', { timeout: 120_000 }, () => {
  it('writes no terminal sequence there: the cursor is restored on the terminal, not in the file', async () => {
    const home = tempDir();
    await registerUser(home, 'alice');
    const term = TmuxTerminal.start('tunes-ui-stderr', {
      columns: 100,
      rows: 30,
      cwd: home,
      env: { TUNES_HOME: home, ...homeDatabaseEnv(home), TUNES_AUDIO_OUTPUT: 'null', TERM: 'xterm-256color', CI: 'true', PATH: process.env['PATH'] ?? '' },
    });
    terminals.push(term);
    await term.waitFor((s) => s.includes('$'), 'shell prompt');
    const log = join(home, 'stderr.log');
    await term.type(`${process.execPath} ${TUNES_BIN} 2>${log}; echo "exit=$?"`, { key: 'Enter' });
    await term.waitFor((s) => s.includes('tunes › Songs'), 'main screen');
    expect(term.display('#{cursor_flag}')).toBe('0');
    await term.type('q');
    await term.waitFor((s) => s.includes('exit=0'), 'tunes quit');
    expect(JSON.stringify(readFileSync(log, 'utf8'))).toBe('""');
    // ... and the terminal has its cursor back.
    expect(term.display('#{cursor_flag}')).toBe('1');
  });
});
