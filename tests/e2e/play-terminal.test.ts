import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTone } from '../fixtures/playback/make-audio.js';
import { cliLibrary } from '../helpers/cli-library.js';
import { mpvChildren } from '../helpers/engine-events.js';
import { playerPid, runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { cellWidth } from '../../src/text/terminal-cells.js';
import { homeDatabaseEnvWords } from '../helpers/test-postgres.js';

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

async function terminalPlay(args: string[], { seconds = 30, titles = ['One', 'Two', 'Three'] } = {}) {
  const dir = tempDir();
  const { home } = await cliLibrary(
    ['alice'],
    titles.map((title, i) => ({
      title,
      artist: 'Tester',
      album: 'Keys',
      track_no: i + 1,
      duration_ms: seconds * 1000,
      path: makeTone(dir, `song-${i}`, { seconds, frequency: 300 + 100 * i }),
    })),
  );
  return terminalPlayIn(home, args);
}

/** `tunes <args>` in a real terminal (90x12, its own tmux server) with this TUNES_HOME. */
function terminalPlayIn(home: string, args: string[]) {
  const socket = `tunes-play-test-${process.pid}-${servers.length}`;
  servers.push(socket);
  const pidFile = join(home, 'tunes.pid');
  const script = join(home, 'run.sh');
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  execFileSync('sh', ['-c', `cat > ${quote(script)}`], {
    input: [
      '#!/bin/sh',
      `sh -c 'echo $$ > ${pidFile}; exec env TUNES_HOME=${home} ${homeDatabaseEnvWords(home)}TUNES_AUDIO_OUTPUT=null ${process.execPath} ${TUNES_BIN} ${args.join(' ')}'`,
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
    resize: (columns: number) => execFileSync('tmux', ['-L', socket, 'resize-window', '-t', 'play', '-x', String(columns)]),
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

  it('the last line shows where the queue ended, not 0:00', async () => {
    const t = await terminalPlay(['play', 'one'], { seconds: 2 });
    const after = await t.waitFor(/EXIT=\d+\n-?icanon/);
    expect(after).toMatch(/^\[\] One - Tester \[#+\] 0:02 \/ 0:02 vol 100 1\/1\nEXIT=0$/m);
  });

  it('measures the line in terminal cells (a Japanese title) and leaves no fragment behind after a resize', async () => {
    const t = await terminalPlay(['play'], { titles: ['夜に駆ける 夜に駆ける 夜に駆ける 夜に駆ける', 'Two', 'Three'] });
    const first = await t.waitFor(/^> 夜に駆ける/m);
    const statusLines = (screen: string) => screen.split('\n').filter((line) => line.includes('/ 0:30'));
    expect(statusLines(first)).toHaveLength(1);
    // 90 columns: the line fits in 89 cells however many characters it has.
    expect(cellWidth(statusLines(first)[0]!)).toBeLessThanOrEqual(89);
    t.resize(60);
    const narrow = await t.waitFor(/^> .* 0:\d\d \/ 0:30 vol 100 1\/3$/m);
    // Only the redrawn line: no start of the old, wider one wrapped onto a row of its own.
    const rows = narrow.split('\n').filter((line) => line.trim() !== '');
    expect(rows.filter((line) => line.includes('夜に駆ける'))).toHaveLength(1);
    expect(cellWidth(statusLines(narrow)[0]!)).toBeLessThanOrEqual(59);
    t.keys('q');
    await t.waitFor(/EXIT=\d+\n-?icanon/);
  });

  it('takes its keys from the keys file, the same table as the browser; a bad file is one warning and the defaults', async () => {
    const first = await terminalPlay(['play']);
    await first.waitFor(/^> One - Tester/m);
    first.keys('q');
    await first.waitFor(/EXIT=\d+\n-?icanon/);
    const mine = first;
    writeFileSync(join(mine.home, 'keys'), '# mine\nbind play x next\nbind play n seek +20\n');
    const rerun = await terminalPlayIn(mine.home, ['play']);
    await rerun.waitFor(/^> One - Tester/m);
    expect(rerun.screen()).toContain('x next');
    rerun.keys('x');
    await rerun.waitFor(/^> Two - Tester/m);
    rerun.keys('n');
    await rerun.waitFor(/^> Two - Tester .* 0:2\d \/ 0:30/m);
    rerun.keys('q');
    await rerun.waitFor(/EXIT=\d+\n-?icanon/);

    writeFileSync(join(mine.home, 'keys'), 'bind play x next\n\nbind play y nxet\n');
    const broken = await terminalPlayIn(mine.home, ['play']);
    const screen = await broken.waitFor(/^> One - Tester/m);
    expect(screen).toContain(`warning: ${join(mine.home, 'keys')} line 3: unknown action "nxet"`);
    broken.keys('n');
    await broken.waitFor(/^> Two - Tester/m);
    broken.keys('q');
    await broken.waitFor(/EXIT=\d+\n-?icanon/);
    const keys = await runTunes(['keys'], { home: mine.home });
    expect(keys.code).toBe(2);
    expect(keys.stderr).toMatch(/^tunes: .*keys line 3: unknown action "nxet"/);
  });
});
