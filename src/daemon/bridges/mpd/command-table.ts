import { LIBRARY_COMMANDS } from './commands/library-commands.js';
import { MISC_COMMANDS } from './commands/misc-commands.js';
import { PLAYBACK_COMMANDS } from './commands/playback-commands.js';
import { PLAYLIST_COMMANDS } from './commands/playlist-commands.js';
import { QUEUE_COMMANDS } from './commands/queue-commands.js';
import { STATUS_COMMANDS } from './commands/status-commands.js';
import type { CommandSpec } from './context.js';

/** Every command a handler answers; the connection itself handles the ones in CONNECTION_COMMANDS. */
export const COMMANDS: ReadonlyMap<string, CommandSpec> = new Map(
  Object.entries({ ...STATUS_COMMANDS, ...PLAYBACK_COMMANDS, ...QUEUE_COMMANDS, ...LIBRARY_COMMANDS, ...PLAYLIST_COMMANDS, ...MISC_COMMANDS }),
);

/** Handled by the connection: they change its state (lists, idling, closing, the password). */
export const CONNECTION_COMMANDS = ['close', 'command_list_begin', 'command_list_ok_begin', 'command_list_end', 'idle', 'noidle', 'password', 'commands', 'notcommands'];

/** What `commands` lists, in MPD's alphabetical order. */
export const COMMAND_NAMES: readonly string[] = [...COMMANDS.keys(), ...CONNECTION_COMMANDS.filter((name) => !name.startsWith('command_list'))].sort();

/** What a client without the password may still send. */
export const OPEN_COMMANDS = new Set(['close', 'commands', 'notcommands', 'password', 'ping', 'binarylimit']);

/** MPD's idle subsystems. */
export const IDLE_SUBSYSTEMS = [
  'database', 'update', 'stored_playlist', 'playlist', 'player', 'mixer', 'output', 'options', 'partition', 'sticker',
  'subscription', 'message', 'neighbor', 'mount',
] as const;
export type IdleSubsystem = (typeof IDLE_SUBSYSTEMS)[number];
