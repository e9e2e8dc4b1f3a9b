import type { PlayerPaths } from '../../config/player-paths.js';
import { readPlayerSettings, type PlayerSettings } from '../../config/player-settings.js';
import { PlayerClient } from '../../remote/player-client.js';
import { terminalSafeJson, terminalSafeLines } from '../../text/terminal-safe.js';
import type { OutputWatch } from '../output-faults.js';

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
  /**
   * Lines for people (or a JSON document) on stdout, with no control character but the line feed
   * (the status line of `tunes play` writes its own escapes and does not come here); after the
   * reader went away (EPIPE) or the output failed, nothing.
   */
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
  /** Faults of stdout (`tunes status --follow | head -1`, `> /dev/full`): writing stops after one. */
  output: OutputWatch;
}): LeanContext {
  let client: PlayerClient | undefined;
  let settings: PlayerSettings | undefined;
  const readerGone = () => base.output.fault() !== undefined;
  const keep = (connected: PlayerClient | undefined) => (client = connected ?? client);
  return {
    env: base.env,
    json: base.json,
    dbOverride: base.dbOverride,
    paths: base.paths,
    entry: base.entry,
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
      if (!readerGone()) process.stdout.write(terminalSafeLines(text.endsWith('\n') ? text : `${text}\n`));
    },
    printJson: (value) => {
      if (!readerGone()) process.stdout.write(`${terminalSafeJson(value)}\n`);
    },
    note: (text) => void process.stderr.write(terminalSafeLines(`${text}\n`)),
    close: () => client?.close(),
  };
}
