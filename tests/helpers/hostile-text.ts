import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURES_DIR } from './fixtures.js';
import { TUNES_BIN, type CliResult } from './run-cli.js';
import { homeDatabaseEnv } from './test-postgres.js';

/**
 * Every kind of control sequence a tag, a file name or a name could carry to a terminal: SGR and
 * clear-screen CSI, OSC window title and clipboard (BEL and ST ends), DCS, APC, an 8-bit CSI and
 * NEL (C1, as UTF-8), bidi overrides and isolates, line breaks, backspace and DEL.
 */
export const HOSTILE =
  '\x1b[31mRed\x1b[0m \x1b[2J \x1b]0;pwned\x07 \x1b]52;c;ZXZpbA==\x1b\\ \x1bP1$qm\x1b\\ \x1b_apc\x1b\\ ' +
  '\u009b31m \u0085 \u202eabc\u202c \u2066x\u2069 line\nbreak\r \x7f \x08';

/** What must never reach stdout or stderr for people: C0 but the line feed, DEL, C1, bidi controls. */
export const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** A real MP3 whose title, artist, album and genre each carry HOSTILE (ffmpeg writes the ID3v2.4 tags). */
export function writeHostileMp3(path: string): void {
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-i', join(FIXTURES_DIR, 'mp3-id3v24.mp3'),
    '-c', 'copy', '-map_metadata', '-1', '-id3v2_version', '4',
    '-metadata', `title=T${HOSTILE}`, '-metadata', `artist=A${HOSTILE}`,
    '-metadata', `album=B${HOSTILE}`, '-metadata', `genre=G${HOSTILE}`,
    path,
  ]);
}

/**
 * Runs tunes on a pseudo-terminal (util-linux `script`), so stdout is a TTY as in a person's shell;
 * answers everything the terminal received (CR LF as the terminal sends it, made LF).
 */
export function runTunesOnTerminal(args: string[], { home, env }: { home: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
  const quoted = [process.execPath, TUNES_BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-q', '-e', '-c', quoted, '/dev/null'], {
      env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home), TUNES_AUDIO_OUTPUT: 'null', NO_COLOR: '1', COLUMNS: '100', LINES: '30', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: stdout.replace(/\r\n/g, '\n'), stderr: '' }));
    child.stdin.end();
  });
}
