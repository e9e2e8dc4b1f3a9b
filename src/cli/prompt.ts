import { read } from 'read';
import { TunesError } from '../errors.js';
import { terminalSafe } from '../text/terminal-safe.js';
import type { CliRuntime } from './runtime.js';

export function canPrompt(runtime: CliRuntime): boolean {
  return Boolean(runtime.stdin.isTTY && runtime.stderr.isTTY);
}

function requireTerminal(runtime: CliRuntime, what: string, hint: string): void {
  if (!canPrompt(runtime)) throw new TunesError('usage', `no terminal to ask for ${what}`, hint);
}

export async function promptLine(runtime: CliRuntime, prompt: string): Promise<string> {
  requireTerminal(runtime, prompt.replace(/:\s*$/, '').toLowerCase(), 'pass it as an argument');
  return (await ask(runtime, { prompt })).trim();
}

/** Hidden input: nothing is echoed, not even asterisks, like sudo and ssh. */
export async function promptHidden(runtime: CliRuntime, prompt: string): Promise<string> {
  requireTerminal(runtime, 'a password', 'use --password-stdin to give it on standard input');
  const answer = await ask(runtime, { prompt, silent: true, replace: '' });
  // Nothing was echoed, not even the Enter: end the prompt's line so the next message starts its own.
  runtime.stderr.write('\n');
  return answer;
}

export async function confirm(runtime: CliRuntime, question: string): Promise<boolean> {
  requireTerminal(runtime, 'confirmation', 'pass --yes to go ahead without asking');
  // The question quotes names (a playlist's): nothing in it may act on the terminal.
  const answer = await ask(runtime, { prompt: `${terminalSafe(question)} [y/N] ` });
  return /^y(es)?$/i.test(answer.trim());
}

/** `--password-stdin`: the first line of standard input, without its line ending. */
export async function readPasswordFromStdin(runtime: CliRuntime): Promise<string> {
  const [line] = await readPasswordsFromStdin(runtime, ['password']);
  return line!;
}

/** `--password-stdin` for several passwords: one per line, in the order `names` says. */
export async function readPasswordsFromStdin(runtime: CliRuntime, names: readonly string[]): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of runtime.stdin) chunks.push(Buffer.from(chunk as Buffer));
  const lines = Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
  return names.map((name, i) => {
    const line = lines[i] ?? '';
    if (!line) throw new TunesError('invalid_input', names.length === 1 ? `no ${name} on standard input` : `no ${name} on line ${i + 1} of standard input`);
    return line;
  });
}

/** A new password, typed twice (hidden) so a typo does not lock the account. */
export async function promptNewPassword(runtime: CliRuntime, prompt = 'New password: '): Promise<string> {
  const password = await promptHidden(runtime, prompt);
  if ((await promptHidden(runtime, 'Repeat password: ')) !== password) {
    throw new TunesError('invalid_input', 'passwords do not match');
  }
  return password;
}

async function ask(runtime: CliRuntime, options: { prompt: string; silent?: boolean; replace?: string }): Promise<string> {
  try {
    return await read({ ...options, input: runtime.stdin, output: runtime.stderr, terminal: true });
  } catch (error) {
    if ((error as Error).message === 'canceled') throw new TunesError('usage', 'cancelled');
    throw error;
  }
}
