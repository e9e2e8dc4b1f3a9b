import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliLibrary } from '../helpers/cli-library.js';
import { runTunes, TUNES_BIN } from '../helpers/run-cli.js';

/** Runs `tunes` on a pseudo-terminal (util-linux `script`), typing `answer` once the question shows. */
function runOnTerminal(args: string[], home: string, answer: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, TUNES_BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { ...process.env, TUNES_HOME: home, NO_COLOR: '1' },
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

describe('tunes playlist delete on a terminal', () => {
  it('asks first: "n" keeps the playlist (exit 2), "y" deletes it', async () => {
    const { home } = await cliLibrary(['alice'], []);
    await runTunes(['playlist', 'create', 'Keep'], { home });
    const kept = await runOnTerminal(['playlist', 'delete', 'keep'], home, 'n');
    expect(kept.output).toContain('Delete playlist "Keep" (0 songs)? [y/N]');
    expect(kept.output).toContain('tunes: cancelled; "Keep" was not deleted');
    expect(kept.code).toBe(2);
    expect((await runTunes(['playlist', 'show', 'keep'], { home })).code).toBe(0);

    const gone = await runOnTerminal(['playlist', 'delete', 'keep'], home, 'y');
    expect(gone.output).toContain('Deleted playlist "Keep" (0 songs)');
    expect(gone.code).toBe(0);
    expect((await runTunes(['playlist', 'show', 'keep'], { home })).code).toBe(4);
  });
});
