import type { Command } from 'commander';
import { databaseLabel, resolveDatabasePath } from '../config/paths.js';
import { openServices, type Services } from '../services/container.js';

/** What every command gets: the services (opened on first use, once) and its output streams. */
export interface CliRuntime {
  services(): Promise<Services>;
  close(): Promise<void>;
  /** The database this command uses, for messages about it (a URL without its password). */
  databasePath(): string;
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

export function createRuntime(program: Command): CliRuntime {
  let opened: Promise<Services> | undefined;
  return {
    services: () => (opened ??= openServices({ dbPath: program.opts<{ db?: string }>().db })),
    close: async () => {
      if (opened) await (await opened.catch(() => undefined))?.close();
    },
    databasePath: () => databaseLabel(resolveDatabasePath({ dbOverride: program.opts<{ db?: string }>().db })),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  };
}
