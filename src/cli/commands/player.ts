import { Option, type Command } from 'commander';
import { LEAN_COMMANDS_TABLE } from '../remote/lean-commands.js';
import type { LeanCommand } from '../remote/lean-spec.js';
import { runLeanCommand } from '../remote/run-lean.js';

/** A lean command's failure, already reported on stderr by the lean runner: only its exit code is left. */
export class ReportedFailure extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/** Descriptions of the commands that only group others. */
const GROUPS: Record<string, string> = { player: 'the background player itself: `tunes player quit` ends it' };

/**
 * The player's commands in commander, for `tunes --help`, `tunes help next` and `tunes next --help`
 * (main.ts runs them through the lean client, which never loads commander). One table describes
 * both: src/cli/remote/lean-commands.ts.
 */
export function registerPlayerCommands(program: Command, entry: string): void {
  const parents = new Map<string, Command>();
  const run = async () => {
    const code = await runLeanCommand(process.argv, { entry, commands: LEAN_COMMANDS_TABLE });
    if (code !== 0) throw new ReportedFailure(code);
  };
  for (const spec of LEAN_COMMANDS_TABLE) {
    const [head, sub] = spec.name.split(' ') as [string, string | undefined];
    let command: Command;
    if (sub === undefined) {
      command = parents.get(head) ?? program.command(head, spec.hidden ? { hidden: true } : {});
      parents.set(head, command);
    } else {
      const parent = parents.get(head) ?? program.command(head).description(GROUPS[head] ?? `${head} commands`);
      parents.set(head, parent);
      command = parent.command(sub, spec.hidden ? { hidden: true } : {});
    }
    describe(command, spec).action(run);
  }
}

function describe(command: Command, spec: LeanCommand): Command {
  command.description(spec.description);
  for (const arg of (spec.args ?? '').split(' ').filter(Boolean)) command.argument(arg);
  for (const option of spec.options ?? []) {
    const made = new Option(option.flags, option.description);
    command.addOption(option.choices ? made.choices(option.choices) : made);
  }
  return command;
}
