import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { HOSTILE, runTunesOnTerminal, TERMINAL_CONTROL, writeHostileMp3 } from '../helpers/hostile-text.js';
import { registerUser, runTunes, type CliResult } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

/** The first control character in `text`, shown with where it is, or undefined. */
function firstControl(text: string): string | undefined {
  const match = TERMINAL_CONTROL.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!.toString(16).padStart(4, '0');
  return `U+${code} at ${match.index}: ${JSON.stringify(text.slice(Math.max(0, match.index - 30), match.index + 10))}`;
}

function expectClean(what: string, result: CliResult, code = 0): void {
  expect(firstControl(result.stdout), `${what}: stdout`).toBeUndefined();
  expect(firstControl(result.stderr), `${what}: stderr`).toBeUndefined();
  expect(result.code, `${what}: ${result.stderr}`).toBe(code);
}

describe('outside text never reaches a terminal as control sequences', () => {
  it('through every command that prints songs, names, paths or messages', async () => {
    const home = tempDir();
    const music = tempDir('tunes-music-');
    // A folder and a file name with control sequences too (a file name cannot hold / or NUL).
    const folder = join(music, `dir \x1b]0;title\x07 \u202e`);
    mkdirSync(folder);
    writeHostileMp3(join(folder, `song \x1b[2J\u009b.mp3`));
    copyFileSync(join(FIXTURES_DIR, 'not-audio.mp3'), join(folder, `broken \x1b[31m\u202e\nname.mp3`));
    await registerUser(home, 'alice');
    const run = (args: string[], input?: string) => runTunes(args, { home, ...(input === undefined ? {} : { input }) });

    const added = await run(['library', 'add', music]);
    expectClean('library add', added);
    expect(added.stderr).toContain('skipped');
    expectClean('library scan --full', await run(['library', 'scan', '--full']));
    expectClean('library list', await run(['library', 'list']));
    expectClean('library add --json', await run(['library', 'add', music, '--json']));

    const listed = await run(['songs', '--json']);
    const [song] = JSON.parse(listed.stdout) as Array<{ id: number; title: string; path: string }>;
    // --json stays exact: the parsed value is the tag as stored, byte for byte.
    expect(song!.title).toBe(`T${HOSTILE}`);
    expect(song!.path).toContain('\x1b[2J\u009b');
    expectClean('songs --json', listed);
    const id = String(song!.id);

    for (const args of [['songs'], ['songs', 'red'], ['songs', 'show', id], ['songs', 'show', id, '--json'], ['songs', '--artist', `A${HOSTILE}`]]) {
      expectClean(args.join(' '), await run(args));
    }

    const name = `Mix \u009b1m \u202eevil`;
    expectClean('playlist create', await run(['playlist', 'create', name, '--description', HOSTILE]));
    expectClean('playlist add', await run(['playlist', 'add', name, id, id]));
    for (const args of [['playlist', 'show', name], ['playlist', 'show', name, '--json'], ['playlist', 'list'], ['playlist', 'list', '--json']]) {
      expectClean(args.join(' '), await run(args));
    }
    expectClean('playlist move', await run(['playlist', 'move', name, '2', '1']));
    expectClean('playlist remove', await run(['playlist', 'remove', name, '2']));
    for (const format of ['m3u8', 'xspf', 'json']) {
      const onTerminal = await runTunesOnTerminal(['playlist', 'export', name, '--format', format], { home });
      expect(onTerminal.stdout.length, `export ${format} on a terminal`).toBeGreaterThan(20);
      expectClean(`playlist export ${format} on a terminal`, onTerminal);
    }
    // Redirected, the export is the file itself: exact.
    const piped = await run(['playlist', 'export', name]);
    expect(piped.stdout).toContain(`A${HOSTILE.replace(/[\r\n]+/g, ' ')}`);

    const m3u = join(home, 'evil.m3u8');
    writeFileSync(m3u, `#EXTM3U\n#EXTINF:3,${HOSTILE.replace(/[\r\n]/g, '')} - x\n/nowhere/\x1b[2J.mp3\n${folder}/song \x1b[2J\u009b.mp3\n`);
    expectClean('playlist import', await run(['playlist', 'import', m3u, '--name', `imp \u009b`]));

    expectClean('like', await run(['like', id]));
    expectClean('liked', await run(['liked']));
    expectClean('liked --json', await run(['liked', '--json']));
    expectClean('play on a pipe', await run(['play', '--liked']));
    expectClean('play --json on a pipe', await run(['play', '--liked', '--json']));
    expectClean('history', await run(['history']));
    expectClean('history --json', await run(['history', '--json']));
    expectClean('stats', await run(['stats']));
    expectClean('whoami', await run(['whoami']));
    expectClean('songs on a terminal', await runTunesOnTerminal(['songs'], { home }));

    // Errors quote what was typed.
    expectClean('no such playlist', await run(['playlist', 'show', `\x1b[2J${HOSTILE}`]), 4);
    expectClean('no such playlist --json', await run(['playlist', 'show', HOSTILE, '--json']), 4);
    expectClean('unknown option', await run(['songs', `--\x1b[2Jx`]), 2);
    expectClean('bad search', await run(['playlist', 'add', name, '--search', `\x1b]0;zz\x07 nothing-here`]), 2);
  });
});
