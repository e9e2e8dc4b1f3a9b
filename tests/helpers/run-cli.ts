import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const TUNES_BIN = fileURLToPath(new URL('../../bin/tunes.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  home: string;
  input?: string;
  env?: NodeJS.ProcessEnv;
  nodeArgs?: string[];
}

/** Runs the built CLI (`bin/tunes.js`) as a user would, with its own TUNES_HOME. */
export function runTunes(args: string[], { home, input, env, nodeArgs = [] }: CliOptions): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, TUNES_BIN, ...args], {
      env: { ...process.env, TUNES_HOME: home, TUNES_AUDIO_OUTPUT: 'null', NO_COLOR: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Registers (and so logs in) a user through the CLI. */
export async function registerUser(home: string, username: string, password = 'correct horse'): Promise<void> {
  const result = await runTunes(['register', username, '--password-stdin'], { home, input: `${password}\n` });
  if (result.code !== 0) throw new Error(`register ${username} failed: ${result.stderr}`);
}
