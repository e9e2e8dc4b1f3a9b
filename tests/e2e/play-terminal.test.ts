import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTone } from '../fixtures/playback/make-audio.js';
import { cliLibrary } from '../helpers/cli-library.js';
import { mpvChildren, processExists } from '../helpers/engine-events.js';
import { TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

// Each test drives a real terminal: its own tmux server (socket), so nothing else is touched.
const servers: string[] = [];
afterEach(() => {
  for (const socket of servers.splice(0)) {
    try {
      execFileSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
});

async function terminalPlay(args: string[]) {
  const dir = tempDir();
  const { home } = await cliLibrary(
    ['alice'],
    ['One', 'Two', 'Three'].map((title, i) => ({
      title,
      artist: 'Tester',
      album: 'Keys',
      track_no: i + 1,
      duration_ms: 30_000,
      path: makeTone(dir, title.toLowerCase(), { seconds: 30, frequency: 300 + 100 * i }),
    })),
  );
  const socket = `tunes-play-test-${process.pid}-${servers.length}`;
  servers.push(socket);
  const pidFile = join(home, 'tunes.pid');
  const script = join(home, 'run.sh');
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  execFileSync('sh', ['-c', `cat > ${quote(script)}`], {
    input: [
      '#!/bin/sh',
      `sh -c 'echo $$ > ${pidFile}; exec env TUNES_HOME=${home} TUNES_AUDIO_OUTPUT=null ${process.execPath} ${TUNES_BIN} ${args.join(' ')}'`,
      'echo "EXIT=$?"',
      'stty -a | tr " " "\\n" | grep -x -- "-\\?icanon"',
      'sleep 600',
    ].join('\n'),
  });
  execFileSync('tmux', ['-L', socket, 'new-session', '-d', '-s', 'play', '-x', '90', '-y', '12', `sh ${script}`]);
  const screen = () => execFileSync('tmux', ['-L', socket, 'capture-pane', '-p', '-t', 'play'], { encoding: 'utf8' });
  return {
    screen,
    keys: (...keys: string[]) => execFileSync('tmux', ['-L', socket, 'send-keys', '-t', 'play', ...keys]),
    /** Waits until the screen shows `pattern` (the test timeout catches a hang). */
    async waitFor(pattern: RegExp): Promise<string> {
      for (;;) {
        const text = screen();
        if (pattern.test(text)) return text;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    pid: () => Number(readFileSync(pidFile, 'utf8').trim()),
    home,
  };
}

describe('tunes play on a terminal', () => {
  it('shows one live status line, answers single keys, and restores the terminal and stops mpv on q', async () => {
    const t = await terminalPlay(['play']);
    await t.waitFor(/^> One - Tester \[[#-]+\] 0:\d\d \/ 0:30 vol 100 1\/3$/m);
    expect(t.screen()).toContain('space pause  n next  p previous');
    const players = mpvChildren(t.pid());
    expect(players).toHaveLength(1);

    t.keys('n');
    await t.waitFor(/^> Two - Tester .* 2\/3$/m);
    t.keys('Space');
    await t.waitFor(/^\|\| Two - Tester/m);
    t.keys('Space');
    await t.waitFor(/^> Two - Tester/m);
    t.keys('Right', 'Right');
    await t.waitFor(/ 0:1\d \/ 0:30 /);
    t.keys('-');
    await t.waitFor(/ vol 95 /);
    t.keys('m');
    await t.waitFor(/ vol muted /);
    t.keys('r');
    await t.waitFor(/ repeat all /);
    t.keys('s');
    await t.waitFor(/ vol muted shuffle repeat all 1\/3$/m);
    t.keys('p');
    await t.waitFor(/^> Two - Tester .* 0:0\d \/ 0:30/m);

    t.keys('q');
    const after = await t.waitFor(/EXIT=\d+\n(-?icanon)/);
    expect(after).toMatch(/EXIT=0\nicanon/);
    // Only one status line was ever drawn: the screen is the help line, the last status and the shell's output.
    expect(after.split('\n').filter((line) => / \/ 0:30 /.test(line))).toHaveLength(1);
    expect(processExists(players[0]!)).toBe(false);
    // The volume is a preference kept for the next session.
    expect(JSON.parse(readFileSync(join(t.home, 'config.json'), 'utf8'))).toMatchObject({ volume: 95 });
  });

  it('restores the terminal and stops mpv on Ctrl-C and on SIGTERM', async () => {
    const ctrlC = await terminalPlay(['play', 'three']);
    await ctrlC.waitFor(/^> Three - Tester/m);
    const first = mpvChildren(ctrlC.pid());
    ctrlC.keys('C-c');
    expect(await ctrlC.waitFor(/EXIT=\d+\n-?icanon/)).toMatch(/EXIT=0\nicanon/);
    expect(processExists(first[0]!)).toBe(false);

    const term = await terminalPlay(['play', '--repeat', 'one']);
    await term.waitFor(/^> One - Tester .* repeat one 1\/3$/m);
    const second = mpvChildren(term.pid());
    process.kill(term.pid(), 'SIGTERM');
    expect(await term.waitFor(/EXIT=\d+\n-?icanon/)).toMatch(/EXIT=0\nicanon/);
    expect(processExists(second[0]!)).toBe(false);
  });
});
