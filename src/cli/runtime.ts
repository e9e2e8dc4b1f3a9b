import type { Command } from 'commander';
import { openLocalConfig } from '../config/local-config.js';
import { databaseLabel, resolveDatabasePath } from '../config/paths.js';
import { currentRemoteServer, type RemoteServer } from '../config/remote-servers.js';
import { openServices, type Services } from '../services/container.js';

/** What every command gets: the services (opened on first use, once) and its output streams. */
export interface CliRuntime {
  services(): Promise<Services>;
  close(): Promise<void>;
  /** The database this command uses, for messages about it (a URL without its password). */
  databasePath(): string;
  /** The remote library in use (`tunes server use`), or undefined for this machine's own. */
  remoteServer(): RemoteServer | undefined;
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** The local library's services, or, with a current server in the config, the same services on that server. */
async function openChosenServices(dbPath: string | undefined): Promise<Services> {
  const server = dbPath === undefined ? currentRemoteServer() : undefined;
  if (server) {
    // Loaded only for a remote library: a local command never pays for the HTTP client.
    const [{ openRemoteLibrary }, { servicesOverRemote }] = await Promise.all([import('../remote/subsonic/remote-library.js'), import('../services/remote-library.js')]);
    return servicesOverRemote(openRemoteLibrary(server), openLocalConfig());
  }
  return openServices({ dbPath });
}

export function createRuntime(program: Command): CliRuntime {
  let opened: Promise<Services> | undefined;
  const dbOption = () => program.opts<{ db?: string }>().db;
  return {
    services: () => (opened ??= openChosenServices(dbOption())),
    close: async () => {
      if (opened) await (await opened.catch(() => undefined))?.close();
    },
    databasePath: () => databaseLabel(resolveDatabasePath({ dbOverride: dbOption() })),
    remoteServer: () => (dbOption() === undefined ? currentRemoteServer() : undefined),
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  };
}
