import { chmodSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { MAX_LINE_BYTES, PLAYER_PROTOCOL_VERSION, type PlayerReply, type RequestId } from '../domain/player-protocol.js';
import type { PlayerError, PlayerEvent } from '../domain/player-state.js';
import { isTunesError } from '../errors.js';
import { commandFromJson } from '../services/playback/command-json.js';
import type { PlayerHost } from '../services/playback/player-host.js';
import { LineSplitter } from '../text/line-splitter.js';
import { wireEvent, wireQueue, wireReply, wireState } from './present-player.js';

/** A client that stops reading while this much waits for it is cut off (it must not grow the player's memory). */
const MAX_PENDING_BYTES = 8 * 1024 * 1024;

export interface PlayerSocketServer {
  /** How many connections are subscribed to events (clients attached: the UI, `tunes play`, `status --follow`). */
  readonly attached: number;
  onAttachedChange(listener: () => void): void;
  /** No new connections; the open ones are still served (and told the player is ending). */
  stopAccepting(): void;
  /** Ends every connection and the server. */
  close(): Promise<void>;
}

/**
 * Serves the player's JSON-lines protocol (src/domain/player-protocol.ts) on a Unix socket. Each
 * connection's requests are answered one at a time, in order; a client that sends garbage gets an
 * error reply, one that sends a line longer than MAX_LINE_BYTES or stops reading is disconnected,
 * and one that goes away mid-request changes nothing but its own connection.
 */
export async function servePlayerSocket(host: PlayerHost, socketPath: string): Promise<PlayerSocketServer> {
  const subscribed = new Set<Socket>();
  const connections = new Set<Socket>();
  const attachedListeners = new Set<() => void>();
  const attachedChanged = () => attachedListeners.forEach((listener) => listener());
  const server = createServer((socket) => serveConnection(socket));

  function serveConnection(socket: Socket): void {
    connections.add(socket);
    socket.setEncoding('utf8');
    let unsubscribe: (() => void) | undefined;
    let chain = Promise.resolve();
    const send = (message: PlayerReply | { event: PlayerEvent }) => {
      if (socket.destroyed || !socket.writable) return;
      if (socket.writableLength > MAX_PENDING_BYTES) return void socket.destroy();
      socket.write(`${JSON.stringify(message)}\n`);
    };
    const detach = () => {
      unsubscribe?.();
      unsubscribe = undefined;
      if (subscribed.delete(socket)) attachedChanged();
    };
    const handle = async (line: string) => {
      let request: Record<string, unknown>;
      try {
        const parsed = JSON.parse(line) as unknown;
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        request = parsed as Record<string, unknown>;
      } catch {
        return send({ id: null, ok: false, error: { code: 'invalid_input', message: 'each line must be one JSON request object' } });
      }
      const id = typeof request['id'] === 'number' || typeof request['id'] === 'string' ? (request['id'] as RequestId) : null;
      try {
        const result = await answer(request['method'], request);
        send({ id, ok: true, result });
        if (request['method'] === 'subscribe' && !unsubscribe) {
          // Attached right after the snapshot went out: the subscriber misses nothing in between.
          unsubscribe = host.subscribe((event) => send({ event: wireEvent(event) }));
          subscribed.add(socket);
          attachedChanged();
        }
      } catch (error) {
        send({ id, ok: false, error: asPlayerError(error) });
      }
    };
    const answer = async (method: unknown, request: Record<string, unknown>): Promise<unknown> => {
      switch (method) {
        case 'hello':
          return { protocol: PLAYER_PROTOCOL_VERSION, pid: process.pid };
        case 'dispatch':
          return wireReply(await host.dispatch(commandFromJson(request['command'])));
        case 'state':
          return wireState(host.state());
        case 'queue':
          return wireQueue(host.queue());
        case 'subscribe':
          return { state: wireState(host.state()) };
        case 'unsubscribe':
          detach();
          return {};
        default:
          throw Object.assign(new Error(`unknown method ${JSON.stringify(method)}`), { code: 'invalid_input' });
      }
    };
    const lines = new LineSplitter(
      (line) => {
        chain = chain.then(() => handle(line));
      },
      MAX_LINE_BYTES,
      () => {
        send({ id: null, ok: false, error: { code: 'invalid_input', message: `a request line is longer than ${MAX_LINE_BYTES} bytes` } });
        socket.end();
      },
    );
    socket.on('data', (chunk: string) => lines.push(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      detach();
      connections.delete(socket);
    });
  }

  // Only the lock holder gets here, so a socket file left by a killed player can go.
  rmSync(socketPath, { force: true });
  await listen(server, socketPath);
  chmodSync(socketPath, 0o600);

  return {
    get attached() {
      return subscribed.size;
    },
    onAttachedChange: (listener) => void attachedListeners.add(listener),
    stopAccepting: () => void server.close(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of connections) socket.end();
        setTimeout(() => connections.forEach((socket) => socket.destroy()), 500).unref();
      }),
  };
}

function listen(server: Server, path: string): Promise<void> {
  // The socket is created 0600 (the umask decides its first mode), and chmod'ed after to be sure.
  const umask = process.umask(0o177);
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  }).finally(() => process.umask(umask));
}

function asPlayerError(error: unknown): PlayerError {
  if (isTunesError(error)) return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return { code: code === 'invalid_input' ? 'invalid_input' : 'internal', message };
}
