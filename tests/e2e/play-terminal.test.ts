import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTone } from '../fixtures/playback/make-audio.js';
import { cliLibrary } from '../helpers/cli-library.js';
import { mpvChildren } from '../helpers/engine-events.js';
import { playerPid, runTunes, TUNES_BIN } from '../helpers/run-cli.js';
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
  it('shows one live status line, answers single keys, and restores the terminal and stops the music on q', async () => {
    const t = await terminalPlay(['play']);
    await t.waitFor(/^> One - Tester \[[#-]+\] 0:\d\d \/ 0:30 vol 100 1\/3$/m);
    expect(t.screen()).toContain('space pause  n next  p previous');
    // mpv is the background player's; `tunes play` is its client.
    expect(mpvChildren(playerPid(t.home)!)).toHaveLength(1);

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
    expect((await runTunes(['status', '--format', '{state} {volume}'], { home: t.home })).stdout).toBe('stopped 95\n');
    // The volume is kept with the saved queue for the next session.
    const [state] = readdirSync(t.home).filter((name) => /^player-.*\.json$/.test(name));
    expect(JSON.parse(readFileSync(join(t.home, state!), 'utf8'))).toMatchObject({ volume: 95 });
  });

  it('restores the terminal and stops the music on Ctrl-C and on SIGTERM', async () => {
    const ctrlC = await terminalPlay(['play', 'three']);
    await ctrlC.waitFor(/^> Three - Tester/m);
    ctrlC.keys('C-c');
    expect(await ctrlC.waitFor(/EXIT=\d+\n-?icanon/)).toMatch(/EXIT=0\nicanon/);
    expect((await runTunes(['status', '--format', '{state}'], { home: ctrlC.home })).stdout).toBe('stopped\n');

    const term = await terminalPlay(['play', '--repeat', 'one']);
    await term.waitFor(/^> One - Tester .* repeat one 1\/3$/m);
    process.kill(term.pid(), 'SIGTERM');
    expect(await term.waitFor(/EXIT=\d+\n-?icanon/)).toMatch(/EXIT=0\nicanon/);
    expect((await runTunes(['status', '--format', '{state}'], { home: term.home })).stdout).toBe('stopped\n');
  });

  it('d detaches: the terminal is back, the music plays on and the line says how to stop it', async () => {
    const t = await terminalPlay(['play', 'two']);
    await t.waitFor(/^> Two - Tester/m);
    t.keys('d');
    const after = await t.waitFor(/EXIT=\d+\n-?icanon/);
    expect(after).toMatch(/playing: Tester - Two \(1\/1\)\nIt plays on in the background: `tunes stop` stops it, `tunes` shows it\.\nEXIT=0\nicanon/);
    expect((await runTunes(['status', '--format', '{state} {title}'], { home: t.home })).stdout).toBe('playing Two\n');
  });
});
