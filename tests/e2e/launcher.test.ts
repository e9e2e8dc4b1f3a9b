import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerUser, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { TmuxTerminal } from '../helpers/tmux.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

const YOUNG_GENERATION_CAP = '--max-semi-space-size=2';

const terminals: TmuxTerminal[] = [];
afterEach(() => {
  for (const terminal of terminals.splice(0)) terminal.kill();
});

/** What bin/tunes.js, run as a program, hands to `node`: a `node` first on PATH that prints its arguments. */
function launcherArgs(args: string[]): string[] {
  const bin = tempDir();
  const fakeNode = join(bin, 'node');
  writeFileSync(fakeNode, '#!/bin/sh\nfor a; do printf "%s\\n" "$a"; done\n');
  chmodSync(fakeNode, 0o755);
  const out = execFileSync(TUNES_BIN, args, { encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin` } });
  return out.split('\n').slice(0, -1);
}

describe('bin/tunes.js run as a program (the shell line that picks node\'s flags)', () => {
  it('caps the young generation for the full-screen browser only, and passes every argument through unchanged', () => {
    expect(launcherArgs([])).toEqual([YOUNG_GENERATION_CAP, TUNES_BIN]);
    expect(launcherArgs(['ui'])).toEqual([YOUNG_GENERATION_CAP, TUNES_BIN, 'ui']);
    expect(launcherArgs(['--db', '/music/my library.db'])).toEqual([YOUNG_GENERATION_CAP, TUNES_BIN, '--db', '/music/my library.db']);
    expect(launcherArgs(['--db', 'songs', 'ui'])).toEqual([YOUNG_GENERATION_CAP, TUNES_BIN, '--db', 'songs', 'ui']);
    // Every other command: node as `#!/usr/bin/env node` started it (a server or a scan keeps V8's own sizing).
    expect(launcherArgs(['songs', 'two words', '*', '$HOME'])).toEqual([TUNES_BIN, 'songs', 'two words', '*', '$HOME']);
    expect(launcherArgs(['--db=/x.db', 'serve'])).toEqual([TUNES_BIN, '--db=/x.db', 'serve']);
    expect(launcherArgs(['songs', 'ui'])).toEqual([TUNES_BIN, 'songs', 'ui']);
    expect(launcherArgs(['--json', 'status'])).toEqual([TUNES_BIN, '--json', 'status']);
    expect(launcherArgs(['--', 'ui'])).toEqual([YOUNG_GENERATION_CAP, TUNES_BIN, '--', 'ui']);
  });

  it('runs the browser in real node with the cap, in the launcher\'s own process (exec: no shell left behind), and exits as it does', { timeout: 120_000 }, async () => {
    const home = tempDir();
    await registerUser(home, 'alice');
    const term = TmuxTerminal.start('tunes-launcher', {
      columns: 100,
      rows: 30,
      cwd: home,
      env: { TUNES_HOME: home, ...homeDatabaseEnv(home), TUNES_AUDIO_OUTPUT: 'null', TERM: 'xterm-256color', CI: 'true', PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}` },
    });
    terminals.push(term);
    await term.waitFor((s) => s.includes('$'), 'shell prompt');
    await term.type(`${TUNES_BIN}; echo "exit=$?"`, { key: 'Enter' });
    await term.waitFor((s) => s.includes('tunes › Songs'), 'main screen');
    const shell = term.display('#{pane_pid}');
    const [child] = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n');
    const argv = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0');
    expect(argv.slice(1, 3)).toEqual([YOUNG_GENERATION_CAP, TUNES_BIN]);
    expect(readFileSync(`/proc/${child}/comm`, 'utf8').trim()).toBe('node');
    await term.type('q');
    await term.waitFor((s) => s.includes('exit=0'), 'tunes quit');
  });

  it('gives a command\'s exit code and output back as node alone does', () => {
    const home = tempDir();
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(TUNES_BIN, ['frobnicate'], { encoding: 'utf8', stdio: 'pipe', env: { ...process.env, TUNES_HOME: home, PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}` } });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr).toContain("unknown command 'frobnicate'");
  });
});
