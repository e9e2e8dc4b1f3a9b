import type { PlayerPaths } from '../../config/player-paths.js';
import { readPlayerSettings, type PlayerSettings } from '../../config/player-settings.js';
import { PlayerClient } from '../../remote/player-client.js';

/** What a lean command gets: its streams, the player's paths, and a connection to the player. */
export interface LeanContext {
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly json: boolean;
  readonly dbOverride: string | undefined;
  readonly paths: PlayerPaths;
  /** The CLI's entry script (to start the player with). */
  readonly entry: string;
  settings(): PlayerSettings;
  /** The running player, or undefined: starts nothing. */
  runningPlayer(): Promise<PlayerClient | undefined>;
  /** The player, started first when none is running (`warm`: mpv starts at once, to play). */
  player(options?: { warm?: boolean }): Promise<PlayerClient>;
  /** Lines for people (or a JSON document) on stdout; after the reader went away (EPIPE), nothing. */
  print(text: string): void;
  printJson(value: unknown): void;
  /** Diagnostics on stderr. */
  note(text: string): void;
  /** Closes the connection, if one was made. */
  close(): void;
}

export function createLeanContext(base: {
  env: NodeJS.ProcessEnv;
  json: boolean;
  dbOverride: string | undefined;
  paths: PlayerPaths;
  entry: string;
}): LeanContext {
  let client: PlayerClient | undefined;
  let settings: PlayerSettings | undefined;
  let readerGone = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // `tunes status --follow | head -1`: the reader went away; stop writing, quietly.
    if (error.code === 'EPIPE') readerGone = true;
    else throw error;
  });
  const keep = (connected: PlayerClient | undefined) => (client = connected ?? client);
  return {
    ...base,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    settings: () => (settings ??= readPlayerSettings(base.env)),
    runningPlayer: async () => (client && !client.isClosed ? client : keep(await PlayerClient.connect(base.paths.socket))),
    player: async ({ warm = false } = {}) => {
      if (client && !client.isClosed) return client;
      const running = await PlayerClient.connect(base.paths.socket);
      if (running) return keep(running)!;
      // Starting a player (spawning a process) is rarer: its code loads only then.
      const { connectOrStartPlayer } = await import('../../remote/player-launcher.js');
      return keep(await connectOrStartPlayer({ paths: base.paths, dbOverride: base.dbOverride, entry: base.entry, env: base.env, warm }))!;
    },
    print: (text) => {
      if (!readerGone) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    printJson: (value) => {
      if (!readerGone) process.stdout.write(`${JSON.stringify(value)}\n`);
    },
    note: (text) => void process.stderr.write(`${text}\n`),
    close: () => client?.close(),
  };
}
