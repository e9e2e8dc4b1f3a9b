import { spawn } from 'node:child_process';
import { TUNES_BIN } from './run-cli.js';
import { homeDatabaseEnv } from './test-postgres.js';

/**
 * Runs `tunes` on a pseudo-terminal (util-linux `script`), typing `answer` once a [y/N] question shows.
 * `output` is everything the terminal showed (stdout and stderr together).
 */
export function runOnTerminal(args: string[], home: string, answer: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, TUNES_BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home), NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let answered = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      output += d;
      if (!answered && output.includes('[y/N]')) {
        answered = true;
        child.stdin.write(`${answer}\r`);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
