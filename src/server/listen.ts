import { TunesError } from '../errors.js';
import type { Services } from '../services/container.js';
import { buildServer, type ServerOptions } from './app.js';
import { registeredRoutes, type RouteInfo } from './route-list.js';

export interface ListenOptions extends ServerOptions {
  host: string;
  port: number;
  /** How long close() lets requests in flight (a long stream, say) finish before cutting them off. */
  shutdownGraceMs?: number;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:5000 */
  url: string;
  /** Every route it answers (method and URL pattern). */
  routes: readonly RouteInfo[];
  /** Stops accepting connections and resolves once requests in flight have finished. */
  close(): Promise<void>;
}

export async function listen(
  services: Services,
  { host, port, shutdownGraceMs = 10_000, ...options }: ListenOptions,
): Promise<RunningServer> {
  const app = buildServer(services, { ...options, bindHost: host });
  try {
    await app.listen({ host, port });
  } catch (error) {
    await app.close().catch(() => undefined);
    throw listenFailure(error, host, port);
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actualPort}`,
    routes: registeredRoutes(app),
    close: async () => {
      const cutOff = setTimeout(() => app.server.closeAllConnections(), shutdownGraceMs).unref();
      try {
        await app.close();
      } finally {
        clearTimeout(cutOff);
      }
    },
  };
}

/**
 * Resolves with the signal's name on the first SIGINT or SIGTERM, so the caller can close the server
 * and the services in order. A second signal while closing exits at once.
 */
export function untilShutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(130)).once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  });
}

/** The usual reasons a server cannot listen, as one line a person can act on. */
function listenFailure(error: unknown, host: string, port: number): Error {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EADDRINUSE':
      return new TunesError('io', `port ${port} on ${host} is already in use`, 'stop what uses it, or pick another with --port');
    case 'EACCES':
      return new TunesError('io', `not allowed to listen on port ${port}`, 'ports below 1024 need privileges; pick another with --port');
    case 'EADDRNOTAVAIL':
      return new TunesError('invalid_input', `${host} is not an address of this machine`, 'use 127.0.0.1, ::1, 0.0.0.0 or one of its own addresses');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new TunesError('invalid_input', `cannot resolve host ${host}`);
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}
