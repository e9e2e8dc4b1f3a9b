import { join } from 'node:path';
// First: vitest runs afterEach hooks last-registered first, so the player ends before the test's database closes.
import './test-store.js';
import { afterEach } from 'vitest';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from '../../src/config/player-settings.js';
import { startPlayerDaemon, type PlayerDaemon } from '../../src/daemon/player-daemon.js';
import { ensurePrivateDir } from '../../src/daemon/private-dir.js';
import { TunesError } from '../../src/errors.js';
import { PlayerClient } from '../../src/remote/player-client.js';
import { PlayerLink } from '../../src/remote/player-link.js';
import { STOPPED_STATE } from '../../src/remote/stopped-state.js';
import type { Services } from '../../src/services/container.js';
import { tempDir } from './temp-dir.js';

const running: Array<{ daemon: PlayerDaemon; clients: PlayerClient[]; links: PlayerLink[] }> = [];
afterEach(async () => {
  for (const { daemon, clients, links } of running.splice(0)) {
    for (const link of links) link.close();
    for (const client of clients) client.close();
    await daemon.shutdown('test over');
  }
});

/**
 * The real player (socket server, saved state, dispatcher) in this process, over the test's own
 * services and a socket in a temp folder; clients connect over that real socket. Shutting it down
 * stops playback but leaves the test's database open.
 */
export async function inProcessPlayer(services: Services, { idleTimeoutSeconds = DEFAULT_IDLE_TIMEOUT_SECONDS } = {}) {
  const dir = tempDir('tunes-player-');
  const runtimeDir = join(dir, 'run');
  ensurePrivateDir(runtimeDir);
  const paths = { socket: join(runtimeDir, 'player.sock'), stateFile: join(dir, 'player.json') };
  const log: string[] = [];
  const daemon = await startPlayerDaemon({
    services: { ...services, library: undefined, close: () => services.playback.close() },
    paths,
    settings: { seekStep: 5, volumeStep: 5, idleTimeoutSeconds, mpdListen: '', watch: false },
    env: {},
    log: (message) => void log.push(message),
  });
  const entry = { daemon, clients: [] as PlayerClient[], links: [] as PlayerLink[] };
  running.push(entry);
  const connect = async () => {
    const client = await PlayerClient.connect(paths.socket);
    if (!client) throw new TunesError('io', 'the test player is not running');
    entry.clients.push(client);
    return client;
  };
  return {
    daemon,
    paths,
    log,
    connect,
    /** A link as the browser holds one, attached. */
    async link(): Promise<PlayerLink> {
      const link = new PlayerLink(connect, STOPPED_STATE);
      entry.links.push(link);
      await link.attach();
      return link;
    },
  };
}
