import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { resolveConfigFile, resolveDatabasePath } from './paths.js';
import { currentRemoteServer } from './remote-servers.js';

/**
 * Where the background player lives. There is one player per OS user and database (a TUNES_HOME
 * has its own database), so each file carries an id made from the database's path:
 *
 * - the socket and the lock, in a folder only the user can enter (0700):
 *   `$TUNES_HOME/run/` when TUNES_HOME is set, else `$XDG_RUNTIME_DIR/tunes/`, else
 *   `<temp dir>/tunes-<uid>/` (as tmux does);
 * - the saved queue and the player's log, with the data: `$TUNES_HOME/`, else
 *   `$XDG_STATE_HOME/tunes/` (default `~/.local/state/tunes/`).
 *
 * Only the lean client's modules use this, so it imports nothing but Node.
 */
export interface PlayerPaths {
  /** Names this player: the database it serves, hashed. */
  id: string;
  database: string;
  runtimeDir: string;
  socket: string;
  lock: string;
  stateFile: string;
  logFile: string;
}

/** Unix socket paths longer than this do not fit in sockaddr_un (108 bytes on Linux, 104 on macOS). */
const MAX_SOCKET_PATH = 100;

export function playerPaths({ dbOverride, env = process.env }: { dbOverride?: string | undefined; env?: NodeJS.ProcessEnv } = {}): PlayerPaths {
  // A remote library (tunes server use) has a player of its own: its queue holds that server's songs.
  const remote = dbOverride === undefined ? currentRemoteServer(env) : undefined;
  const database = remote ? `${remote.url} (${remote.username})` : resolveDatabasePath({ dbOverride, env });
  const id = pathId(database);
  const home = env.TUNES_HOME ? resolve(env.TUNES_HOME) : undefined;
  let runtimeDir = home ? join(home, 'run') : env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'tunes') : userTempDir();
  if (Buffer.byteLength(join(runtimeDir, socketName(id))) > MAX_SOCKET_PATH) runtimeDir = userTempDir();
  const stateDir = home ?? join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'tunes');
  return {
    id,
    database,
    runtimeDir,
    socket: join(runtimeDir, socketName(id)),
    lock: join(runtimeDir, `player-${id}.lock`),
    stateFile: join(stateDir, `player-${id}.json`),
    logFile: join(stateDir, `player-${id}.log`),
  };
}

/**
 * 12 hex digits from the database's path (FNV-1a, twice): a name, not a secret, so no crypto (and
 * no OpenSSL start-up in a command that must start about as fast as Node itself).
 */
function pathId(path: string): string {
  const fnv = (seed: number) => {
    let hash = seed;
    for (let i = 0; i < path.length; i += 1) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193) >>> 0;
    return hash.toString(16).padStart(8, '0');
  };
  return (fnv(0x811c9dc5) + fnv(0x050c5d1f)).slice(0, 12);
}

function socketName(id: string): string {
  return `player-${id}.sock`;
}

function userTempDir(): string {
  return join(tmpdir(), `tunes-${process.getuid?.() ?? 'user'}`);
}

/** The keys file (bindings for the browser and `tunes play`): beside config.json. */
export function keysFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(dirname(resolveConfigFile(env)), 'keys');
}
