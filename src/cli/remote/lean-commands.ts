import { CONTROL_COMMANDS } from './control-commands.js';
import type { LeanCommand } from './lean-spec.js';
import { PLAY_COMMAND } from './play-command.js';
import { PLAYER_COMMANDS } from './player-commands.js';
import { QUEUE_COMMANDS } from './queue-commands.js';
import { STATUS_COMMAND } from './status-command.js';

/** Every lean command (see command-names.ts), in the order `tunes --help` lists them. */
export const LEAN_COMMANDS_TABLE: readonly LeanCommand[] = [STATUS_COMMAND, PLAY_COMMAND, ...CONTROL_COMMANDS, ...QUEUE_COMMANDS, ...PLAYER_COMMANDS];
