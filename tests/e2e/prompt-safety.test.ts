import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TERMINAL_CONTROL } from '../helpers/hostile-text.js';
import { registerUser, runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { TmuxTerminal } from '../helpers/tmux.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

const terminals: TmuxTerminal[] = [];
afterEach(() => {
  for (const terminal of terminals.splice(0)) terminal.kill();
});

describe('questions on a terminal', { timeout: 120_000 }, () => {
  it('quote names without their control characters (playlist delete asks about a crafted name)', async () => {
    const home = tempDir();
    await registerUser(home, 'alice');
    const name = 'Mix \u009b2J \u202eevil';
    expect((await runTunes(['playlist', 'create', name], { home })).code).toBe(0);
    const term = TmuxTerminal.start('tunes-prompt', { columns: 100, rows: 20, cwd: home, env: { TUNES_HOME: home, ...homeDatabaseEnv(home), TERM: 'xterm-256color', PATH: process.env['PATH'] ?? '' } });
    terminals.push(term);
    await term.waitFor((s) => s.includes('$'), 'shell prompt');
    // Everything the program writes to the terminal, byte for byte.
    const raw = join(home, 'pane.log');
    execFileSync('tmux', ['-L', term.session, 'pipe-pane', '-o', '-t', term.session, `cat >> ${raw}`]);
    await term.type(`${process.execPath} ${TUNES_BIN} playlist delete 1; echo "exit=$?"`, { key: 'Enter' });
    await term.waitFor((s) => s.includes('[y/N]'), 'the question');
    await term.type('n', { key: 'Enter' });
    await term.waitFor((s) => s.includes('exit=2'), 'cancelled');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(raw)).toBe(true);
    const question = readFileSync(raw, 'utf8').split('\n').find((line) => line.includes('[y/N]')) ?? '';
    expect(question).toContain('Delete playlist "Mix \ufffd2J \ufffdevil"');
    expect(TERMINAL_CONTROL.exec(question.slice(question.indexOf('Delete'), question.indexOf('[y/N]')))).toBeNull();
  });
});
