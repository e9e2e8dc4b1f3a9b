import { parseArgs } from 'node:util';
import { playerPaths } from '../../config/player-paths.js';
import { TunesError } from '../../errors.js';
import { exitCodeAfterOutput, watchOutput } from '../output-faults.js';
import { reportError } from '../report-error.js';
import { createLeanContext } from './lean-context.js';
import { optionKey, parseFlags, type LeanCommand, type LeanInput } from './lean-spec.js';

/** Stands in for the leading minus of `-5` / `-0:10` while parseArgs looks for options. */
const MINUS = '\u{F8FF}';

/**
 * Runs one lean command from the command line, found in `commands` (every lean command, or the
 * player controls alone: see fast-entry.ts); answers its exit code (main.ts sets it).
 */
export async function runLeanCommand(argv: string[], { entry, commands }: { entry: string; commands: readonly LeanCommand[] }): Promise<number> {
  const json = argv.includes('--json');
  const output = watchOutput(process.stdout, process.stderr);
  let close = () => undefined as void;
  let code: number;
  try {
    const { dbOverride, rest } = takeDb(argv.slice(2));
    const { command, input } = parseCommandLine(rest, commands);
    const context = createLeanContext({ env: process.env, json, dbOverride, paths: playerPaths({ dbOverride, env: process.env }), entry, output });
    close = () => context.close();
    await command.run(context, input);
    code = 0;
  } catch (error) {
    code = reportError(error, json);
  } finally {
    close();
  }
  return exitCodeAfterOutput(output, code);
}

function takeDb(args: string[]): { dbOverride: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let dbOverride: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--db') {
      dbOverride = args[(i += 1)];
      if (dbOverride === undefined) throw new TunesError('usage', "option '--db <path>' argument missing");
    } else if (arg.startsWith('--db=')) dbOverride = arg.slice(5);
    else rest.push(arg);
  }
  return { dbOverride, rest };
}

/** Finds the command ("queue add" before "queue") and parses its options and arguments. */
export function parseCommandLine(args: string[], commands: readonly LeanCommand[]): { command: LeanCommand; input: LeanInput } {
  const words = args.filter((a) => !a.startsWith('-') || /^-[\d.:]+$/.test(a));
  const byName = new Map(commands.map((c) => [c.name, c]));
  const sub = words.length > 1 ? byName.get(`${words[0]} ${words[1]}`) : undefined;
  const command = sub ?? byName.get(words[0] ?? '');
  if (!command) throw new TunesError('usage', `unknown command '${words.slice(0, 2).join(' ')}'`, 'run `tunes --help` for the commands');
  const named = command.name.split(' ');
  const remaining = [...args];
  for (const word of named) remaining.splice(remaining.indexOf(word), 1);

  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  const keys = new Map<string, string>();
  for (const option of command.options ?? []) {
    const flag = parseFlags(option.flags);
    options[flag.long] = { type: flag.takesValue ? 'string' : 'boolean', ...(flag.short ? { short: flag.short } : {}) };
    keys.set(flag.long, optionKey(flag.long));
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: remaining.map((a) => (/^-[\d.:]+$/.test(a) ? MINUS + a.slice(1) : a)), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(error as Error & { code?: string }, command);
  }
  const positionals = parsed.positionals.map((p) => (p.startsWith(MINUS) ? `-${p.slice(MINUS.length)}` : p));
  checkArguments(command, positionals);
  const values: LeanInput['options'] = {};
  for (const [long, value] of Object.entries(parsed.values)) {
    const option = command.options?.find((o) => parseFlags(o.flags).long === long);
    if (option?.choices && typeof value === 'string' && !option.choices.includes(value)) {
      throw new TunesError('usage', `option '${option.flags}' argument '${value}' is invalid. Allowed choices are ${option.choices.join(', ')}.`, hint(command));
    }
    values[keys.get(long) ?? long] = value as string | boolean;
  }
  return { command, input: { args: positionals, options: values } };
}

function checkArguments(command: LeanCommand, positionals: string[]): void {
  const specs = (command.args ?? '').split(' ').filter(Boolean);
  const required = specs.filter((s) => s.startsWith('<')).length;
  const variadic = specs.some((s) => s.includes('...'));
  if (positionals.length < required) {
    const missing = specs[positionals.length]!.replace(/[<>[\].]/g, '');
    throw new TunesError('usage', `missing required argument '${missing}'`, hint(command));
  }
  if (!variadic && positionals.length > specs.length) {
    throw new TunesError('usage', `too many arguments for '${command.name}': ${positionals.slice(specs.length).join(' ')}`, hint(command));
  }
}

function usageError(error: Error & { code?: string }, command: LeanCommand): TunesError {
  const option = /'(-[^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new TunesError('usage', `unknown option '${option ?? error.message}'`, hint(command));
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new TunesError('usage', `option '${option}' needs a value`, hint(command));
  return new TunesError('usage', error.message, hint(command));
}

const hint = (command: LeanCommand) => `run \`tunes ${command.name} --help\` for usage`;
