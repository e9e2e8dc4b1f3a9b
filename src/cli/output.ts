import type { Command } from 'commander';
import { TunesError } from '../errors.js';
import { terminalSafeJson, terminalSafeLines } from '../text/terminal-safe.js';
import type { CliRuntime } from './runtime.js';

export interface JsonOption {
  json?: boolean;
}

/** Adds the `--json` flag every command that prints data offers. */
export function withJson(command: Command): Command {
  return command.option('--json', 'print one JSON document on stdout');
}

/**
 * A command computes a plain value, then prints it either for people or as JSON.
 *
 * The last guard for text on its way to a terminal: whatever a renderer missed, every control
 * character but the line feed is shown as a visible stand-in (terminalSafeLines), so no ESC, C1 or
 * bidi control reaches the screen through here. Output for people that writes escape sequences of
 * its own (progress and status lines, the full-screen UI) does not go through emit.
 */
export function emit<T>(runtime: CliRuntime, options: JsonOption, value: T, human: (value: T) => string): void {
  if (options.json) {
    runtime.stdout.write(`${terminalSafeJson(value)}\n`);
    return;
  }
  const text = human(value);
  if (text) runtime.stdout.write(humanText(text));
}

/** Diagnostics and progress belong on stderr, never mixed into data on stdout. */
export function note(runtime: CliRuntime, message: string): void {
  runtime.stderr.write(humanText(message));
}

/** Text for people, cleaned of control characters (line feeds kept) and ending its last line. */
export function humanText(text: string): string {
  const safe = terminalSafeLines(text);
  return safe.endsWith('\n') ? safe : `${safe}\n`;
}

/**
 * Commander's own errors (unknown option, missing argument) in the shape of every other error: one
 * `tunes: ...` line and a hint, or with --json the `{"error":{...}}` document on stderr.
 */
export function formatUsageError(commanderText: string, json: boolean): string {
  const message = commanderText.trim().replace(/^error: /, '');
  return json ? `${terminalSafeJson({ error: { code: 'usage', message } })}\n` : humanText(`tunes: ${message}\nhint: run with --help for usage`);
}

/** Columns to lay tables out in: the terminal's, else $COLUMNS, else 100 (a pipe). */
export function terminalWidth(runtime: CliRuntime): number {
  return runtime.stdout.columns || Number(process.env['COLUMNS']) || 100;
}

/**
 * The action of a command group that lists when run alone (`tunes users`, `tunes config`): a word
 * after it that is not one of its subcommands is an error, not silently ignored.
 */
export function groupAction(run: (options: JsonOption) => Promise<void>) {
  return async (options: JsonOption, command: Command) => {
    const [unknown] = command.args;
    if (unknown !== undefined) {
      throw new TunesError('usage', `unknown command '${command.name()} ${unknown}'`, `run \`tunes ${command.name()} --help\` for its commands`);
    }
    await run(withGroupOptions(options, command));
  };
}

/**
 * The options of a subcommand of a group that takes --json itself (`tunes users list --json`):
 * commander gives a parent's option to the parent wherever it is written, so merge them.
 */
export function withGroupOptions<O extends object>(options: O, command: Command): O & JsonOption {
  return { ...command.optsWithGlobals(), ...options } as O & JsonOption;
}
