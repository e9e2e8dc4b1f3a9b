import { closeSync, mkdirSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { playerPaths } from '../config/player-paths.js';
import { readPlayerSettings } from '../config/player-settings.js';
import { TunesError, isTunesError } from '../errors.js';
import { startPlayerDaemon } from './player-daemon.js';
import { openPlayerServices, type PlayerServices } from '../services/player-services.js';
import { currentRemoteServer, type RemoteServer } from '../config/remote-servers.js';
import { ensurePrivateDir } from './private-dir.js';
import { takeInstanceLock } from './instance-lock.js';

/** What the player tells the command that started it, as one JSON line on the `--ready-fd` pipe. */
export type ReadyMessage =
  | { status: 'ready'; pid: number }
  | { status: 'running'; pid: number }
  | { status: 'failed'; error: { code: string; message: string; hint?: string } };

export interface RunPlayerOptions {
  dbOverride?: string | undefined;
  env: NodeJS.ProcessEnv;
  /** Set when a command started this player in the background: where to say it is ready. */
  readyFd?: number | undefined;
}

/**
 * `tunes player run`: the player process itself, in the foreground (commands start it in the
 * background this way, with `--ready-fd`). Takes the lock (one player per user and database),
 * opens the library, brings the saved queue back, serves the socket until asked to quit, idle
 * or a signal, and saves the state on the way out.
 */
export async function runPlayerProcess({ dbOverride, env, readyFd }: RunPlayerOptions): Promise<void> {
  const launched = readyFd !== undefined;
  const log = (message: string) => void process.stderr.write(`${new Date().toISOString()} ${message}\n`);
  const tell = (message: ReadyMessage) => {
    if (readyFd === undefined) return;
    try {
      writeSync(readyFd, `${JSON.stringify(message)}\n`);
      closeSync(readyFd);
    } catch {
      // the command that started us is gone; nobody to tell
    }
    readyFd = undefined;
  };
  try {
    const paths = playerPaths({ dbOverride, env });
    ensurePrivateDir(paths.runtimeDir);
    mkdirSync(dirname(paths.stateFile), { recursive: true, mode: 0o700 });
    const attempt = await takeInstanceLock(paths.lock);
    if ('ownerPid' in attempt) {
      if (launched) return tell({ status: 'running', pid: attempt.ownerPid });
      throw new TunesError('conflict', `a player is already running for ${paths.database} (pid ${attempt.ownerPid})`, 'tunes player quit ends it');
    }
    const { lock } = attempt;
    try {
      const remote = dbOverride === undefined ? currentRemoteServer(env) : undefined;
      const services = remote ? await remotePlayerServices(remote, env) : await openPlayerServices({ dbOverride, env });
      const daemon = await startPlayerDaemon({ services, paths, settings: readPlayerSettings(env), env, log });
      tell({ status: 'ready', pid: process.pid });
      const end = () => void daemon.shutdown('signal');
      process.on('SIGINT', end);
      process.on('SIGTERM', end);
      // Started by a command, the player outlives that command's terminal.
      process.on('SIGHUP', launched ? () => undefined : end);
      await daemon.closed;
    } finally {
      lock.release();
    }
  } catch (error) {
    const failure = isTunesError(error)
      ? { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) }
      : { code: 'internal', message: String(error) };
    tell({ status: 'failed', error: failure });
    throw error;
  }
}

/** The player of a remote library: songs stream from the server and finished ones are scrobbled there. */
async function remotePlayerServices(server: RemoteServer, env: NodeJS.ProcessEnv): Promise<PlayerServices> {
  const [{ openRemoteLibrary }, { playerServicesOverRemote }] = await Promise.all([import('../remote/subsonic/remote-library.js'), import('../services/remote-library.js')]);
  return playerServicesOverRemote(openRemoteLibrary(server, env), env);
}
