import type { Services } from '../services/container.js';
import { buildServer, type ServerOptions } from './app.js';

export interface ListenOptions extends ServerOptions {
  host: string;
  port: number;
  /** How long close() lets requests in flight (a long stream, say) finish before cutting them off. */
  shutdownGraceMs?: number;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:5000 */
  url: string;
  /** Stops accepting connections and resolves once requests in flight have finished. */
  close(): Promise<void>;
}

export async function listen(
  services: Services,
  { host, port, shutdownGraceMs = 10_000, ...options }: ListenOptions,
): Promise<RunningServer> {
  const app = buildServer(services, options);
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${actualPort}`,
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
