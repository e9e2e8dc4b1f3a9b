import { Command } from 'commander';
import { registerAccountCommands } from './commands/account.js';
import { registerUiCommand } from './commands/ui.js';
import { registerFoldersCommand } from './commands/folders.js';
import { registerLibraryCommands } from './commands/library.js';
import { registerSongsCommands } from './commands/songs.js';
import { registerAlbumCommands } from './commands/albums.js';
import { registerCoverCommand } from './commands/cover.js';
import { registerLyricsCommand } from './commands/lyrics.js';
import { registerLikeCommands } from './commands/likes.js';
import { registerPlaylistCommands } from './commands/playlist.js';
import { registerPlayerCommands } from './commands/player.js';
import { registerHistoryCommands } from './commands/history.js';
import { registerStatsCommands } from './commands/stats.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUsersCommands } from './commands/users.js';
import { registerConfigCommands } from './commands/config.js';
import { registerDesktopCommand } from './commands/desktop.js';
import { registerInstallServiceCommand } from './commands/install-service.js';
import { registerDevicesCommand } from './commands/devices.js';
import { registerApiKeyCommands } from './commands/apikey.js';
import { registerServerCommands } from './commands/servers.js';
import { registerDbCommands } from './commands/db.js';
import { formatUsageError } from './output.js';
import { createRuntime, type CliRuntime } from './runtime.js';

/** `json`: the command line asked for --json, so even commander's own errors come as JSON. */
export function createProgram({ json = false, entry = '' }: { json?: boolean; entry?: string } = {}): { program: Command; runtime: CliRuntime } {
  const program = new Command('tunes')
    .description('a terminal music player and personal streaming service for your own music files')
    .version('0.1.0')
    .option('--db <path>', 'use this database file instead of the default')
    // The root has an action (the full-screen browser), which turns commander's `help` command off.
    .helpCommand(true)
    .configureOutput({ outputError: (text, write) => write(formatUsageError(text, json)) })
    .exitOverride();
  const runtime = createRuntime(program);

  registerAccountCommands(program, runtime);
  registerUiCommand(program, runtime, entry);
  registerSongsCommands(program, runtime);
  registerAlbumCommands(program, runtime);
  registerCoverCommand(program, runtime);
  registerLyricsCommand(program, runtime);
  registerLibraryCommands(program, runtime);
  registerFoldersCommand(program, runtime);
  registerPlaylistCommands(program, runtime);
  registerLikeCommands(program, runtime);
  registerPlayerCommands(program, entry);
  registerHistoryCommands(program, runtime);
  registerStatsCommands(program, runtime);
  registerServeCommand(program, runtime);
  registerUsersCommands(program, runtime);
  registerConfigCommands(program, runtime);
  registerDevicesCommand(program, runtime);
  registerDesktopCommand(program, runtime);
  registerInstallServiceCommand(program, runtime);
  registerApiKeyCommands(program, runtime);
  registerServerCommands(program, runtime);
  registerDbCommands(program, runtime);
  return { program, runtime };
}
