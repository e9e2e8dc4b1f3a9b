import { CONTROL_COMMANDS } from './control-commands.js';
import type { LeanCommand } from './lean-spec.js';
import { QUEUE_COMMANDS } from './queue-commands.js';
import { runLeanCommand } from './run-lean.js';
import { STATUS_COMMAND } from './status-command.js';

export { startPlayerEarly } from './early-start.js';

/**
 * The player's controls (`tunes status`, `tunes next`, `tunes queue ...`; FAST_COMMANDS), which
 * main.ts runs from its own one-file build. `tunes play`, `tunes player` and `tunes keys` load more
 * (the terminal player, the daemon, the key tables) and run from the split build.
 */
export const FAST_COMMANDS_TABLE: readonly LeanCommand[] = [STATUS_COMMAND, ...CONTROL_COMMANDS, ...QUEUE_COMMANDS];

export function runFastCommand(argv: string[], { entry }: { entry: string }): Promise<number> {
  return runLeanCommand(argv, { entry, commands: FAST_COMMANDS_TABLE });
}
