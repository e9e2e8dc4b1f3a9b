import { chmodSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { HostState } from '../../../domain/player-state.js';
import type { LibraryTotals } from '../../../domain/tag-query.js';
import type { PlayerHost } from '../../../services/playback/player-host.js';
import type { BridgeContext, RunningBridge } from '../bridge.js';
import { changedSubsystems } from './idle-events.js';
import { LibraryUris } from './library-uris.js';
import { describeAddress, type ListenAddress } from './listen-address.js';
import { MpdConnection } from './mpd-connection.js';
import { loopbackPeerUid } from './peer-user.js';
import { PlayClock } from './play-clock.js';
import { QueueVersions } from './queue-versions.js';

/** MPD's own default: a client past this many is turned away. */
const MAX_CONNECTIONS = 100;
const TOTALS_KEPT_MS = 60_000;

/**
 * Serves the MPD protocol at `address` for the player `host`: every client a connection of its
 * own, all told of the player's events (idle), all sharing the queue versions (plchanges).
 */
export async function serveMpd(host: PlayerHost, address: ListenAddress, context: Pick<BridgeContext, 'log' | 'attach' | 'library'>): Promise<RunningBridge & { address: string }> {
  const versions = new QueueVersions();
  const clock = new PlayClock();
  const connections = new Set<MpdConnection>();
  let totals: { at: number; value: Promise<LibraryTotals> } | undefined;
  let before: HostState = host.state();
  clock.observe(before);
  const unsubscribe = host.subscribe((event) => {
    if (event.type === 'quit') return void connections.forEach((connection) => connection.end());
    const changed = changedSubsystems(event, before);
    if (event.type === 'state') {
      before = event.state;
      clock.observe(event.state);
    }
    if (event.type === 'queue') versions.remember(host.queue());
    if (changed.length > 0) for (const connection of connections) connection.notify(changed);
  });
  const unsubscribeLibrary = context.library?.subscribe((event) => {
    for (const connection of connections) connection.notify([event.kind]);
  });
  const shared = {
    host,
    library: context.library,
    versions,
    clock,
    uris: async () => new LibraryUris(await host.library.query.roots()),
    totals: () => {
      if (!totals || Date.now() - totals.at > TOTALS_KEPT_MS) totals = { at: Date.now(), value: host.library.query.totals() };
      const { value } = totals;
      value.catch(() => (totals = undefined));
      return value;
    },
  };
  const uid = process.getuid?.();
  const serve = (socket: Socket) => {
    if (socket.destroyed) return;
    const detach = context.attach?.() ?? (() => undefined);
    const connection = new MpdConnection(socket, {
      context: shared,
      locked: false,
      // No password can be set: every address this bridge listens on is this machine's own.
      checkPassword: async () => false,
      onClose: () => {
        connections.delete(connection);
        detach();
      },
    });
    connections.add(connection);
    socket.resume();
  };
  const server = createServer({ pauseOnConnect: true }, (socket: Socket) => {
    if (connections.size >= MAX_CONNECTIONS) return void socket.destroy();
    socket.on('error', () => socket.destroy());
    if (address.kind !== 'tcp' || uid === undefined) return serve(socket);
    // A port on loopback is open to every user of this machine; the player answers its own user (and root).
    void loopbackPeerUid(socket).then((peer) => (peer !== undefined && peer !== uid && peer !== 0 ? socket.destroy() : serve(socket)));
  });
  server.on('error', (error) => context.log(`mpd: ${error.message}`));
  await listen(server, address);
  const where = address.kind === 'tcp' ? `${describeAddress({ ...address, port: (server.address() as { port: number }).port })}` : address.path;
  context.log(`mpd: listening on ${where}`);
  return {
    address: where,
    stop: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        unsubscribeLibrary?.();
        for (const connection of connections) connection.end();
        server.close(() => resolve());
        // A client that keeps its end open must not keep the player from ending.
        setTimeout(() => connections.forEach((connection) => connection.destroy()), 500).unref();
        if (address.kind === 'socket') rmSync(address.path, { force: true });
      }),
  };
}

async function listen(server: Server, address: ListenAddress): Promise<void> {
  if (address.kind === 'socket') await clearStaleSocket(address.path);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const done = () => {
      server.off('error', reject);
      resolve();
    };
    if (address.kind === 'socket') server.listen(address.path, done);
    else server.listen(address.port, address.host, done);
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new Error(`${describeAddress(address)} is in use (another mpd?)`);
    throw error;
  });
  if (address.kind === 'socket') chmodSync(address.path, 0o600);
}

/** A socket file nobody answers on (left by a killed player) goes; one that answers is someone else's. */
async function clearStaleSocket(path: string): Promise<void> {
  const answered = await new Promise<boolean>((resolve) => {
    const probe = connect(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
  if (answered) throw new Error(`${path} is in use (another mpd?)`);
  rmSync(path, { force: true });
}
