import type { Command } from 'commander';
import type { CliRuntime } from './runtime.js';

export interface JsonOption {
  json?: boolean;
}

/** Adds the `--json` flag every command that prints data offers. */
export function withJson(command: Command): Command {
  return command.option('--json', 'print one JSON document on stdout');
}

/** A command computes a plain value, then prints it either for people or as JSON. */
export function emit<T>(runtime: CliRuntime, options: JsonOption, value: T, human: (value: T) => string): void {
  if (options.json) {
    runtime.stdout.write(`${JSON.stringify(value)}\n`);
    return;
  }
  const text = human(value);
  if (text) runtime.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Diagnostics and progress belong on stderr, never mixed into data on stdout. */
export function note(runtime: CliRuntime, message: string): void {
  runtime.stderr.write(`${message}\n`);
}
